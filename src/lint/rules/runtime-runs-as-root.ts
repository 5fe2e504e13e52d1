import { runtimeStageOf } from '../commands.js';
import { effectiveCommand } from '../analysis.js';
import { defineRule } from '../rule.js';

export const runtimeRunsAsRoot = defineRule({
  id: 'PC201',
  name: 'runtime-runs-as-root',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The runtime stage runs as root: it has no USER, or its last USER is root.',
    why: 'A process running as root in a container is root on the host\'s kernel: one exploitable bug in the app or a dependency and the attacker can write anywhere the container sees, including bind mounts and the Docker socket if mounted. Kubernetes\' `runAsNonRoot` rejects such images. Create a user (a fixed numeric UID such as 10001) and end the runtime stage with `USER 10001:10001`.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
    good: { code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 --no-create-home app\nCOPY . /app\nUSER 10001:10001\nCMD ["python", "-m", "app"]\n' },
  },
  messages: {
    noUser: 'the runtime stage {{stage}} never sets USER, so the app runs as root; add a user and `USER <uid>:<gid>`.',
    root: 'the runtime stage {{stage}} ends as `USER {{user}}` (root); switch to an unprivileged user.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage) return;
        const label = stage.name ? `"${stage.name}"` : `#${stage.index}`;
        const image = stage.rootFrom.image ?? '';
        if (/nonroot|rootless|chainguard|distroless.*:(debug-)?nonroot/.test(image) || stage.rootFrom.imageName === 'scratch') return;
        // Hardened image registries whose images run as a non-root user by default.
        if (/^(dhi\.io|cgr\.dev)\//.test(image)) return;
        // Entrypoints that drop privileges themselves.
        const run = effectiveCommand(stage);
        const words = [...(stage.entrypoint?.argv ?? []), ...(run?.argv ?? [])].map((w) => w.value.split('/').pop());
        if (words.some((w) => ['gosu', 'su-exec', 'setpriv', 'runuser', 'chpst', 's6-setuidgid'].includes(w ?? ''))) return;
        const user = stage.user;
        if (!user) {
          if (!stage.rootFrom.imageComplete) return; // a base built elsewhere may set USER
          if (stage.rootFrom.imageName && !/(^|\/)(python|debian|ubuntu|alpine|buildpack-deps|centos|fedora|rockylinux|almalinux|amazonlinux|pypy)$/.test(stage.rootFrom.imageName)) return;
          ctx.report({ messageId: 'noUser', range: stage.from.keywordRange, data: { stage: label } });
          return;
        }
        if (!user.resolved.complete) return;
        const name = (user.resolved.value.split(':')[0] ?? '').trim();
        if (name === 'root' || name === '0') ctx.report({ messageId: 'root', range: user.argsRange, data: { stage: label, user: user.resolved.value } });
      },
    };
  },
});
