import type { Stage } from '../../dockerfile/model.js';
import { resolvePath } from '../../dockerfile/parse.js';
import { basename, effectiveCommand } from '../analysis.js';
import { baseImageUser } from '../base-images.js';
import { runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';
import type { BaseImageConfig } from '../types.js';

/** Programs that start as root and switch to another user themselves. */
const PRIVILEGE_DROPPERS = new Set(['gosu', 'su-exec', 'setpriv', 'runuser', 'chpst', 's6-setuidgid', 'setuidgid']);

/** The stage's ENTRYPOINT/CMD, or the base image's own ENTRYPOINT as the engine read it, starts a privilege dropper. */
function dropsPrivileges(stage: Stage, baseImages: Readonly<Record<string, BaseImageConfig>> | undefined): boolean {
  const run = effectiveCommand(stage);
  const words = [...(stage.entrypoint?.argv ?? []), ...(run?.argv ?? [])].map((w) => basename(w.value));
  if (!stage.entrypoint && stage.rootFrom.image) words.push(...(baseImages?.[stage.rootFrom.image]?.entrypoint ?? []).map(basename));
  return words.some((w) => PRIVILEGE_DROPPERS.has(w));
}

/** A scratch stage that is run (it has a command) or gets a whole root filesystem (`COPY --from=x / /`, `ADD rootfs.tar /`). */
function scratchIsRun(stage: Stage): boolean {
  if (stage.entrypoint || stage.cmd) return true;
  return stage.instructions.some((n) => n.kind === 'copy' && n.destPath !== undefined && resolvePath('/', n.destPath) === '/' &&
    n.sources.some((s) => resolvePath('/', n.scope.expand(s.value).value) === '/' || (n.keyword === 'ADD' && /\.(tar(\.\w+)?|tgz|txz)$/.test(s.value))));
}

/** The base's own entrypoint (docker-entrypoint.sh) is still the one that runs. */
function keepsBaseEntrypoint(stage: Stage): boolean {
  const ep = stage.entrypoint;
  if (!ep) return true;
  const first = (ep.form === 'exec' ? ep.argv : ep.script.commands[0]?.argv ?? [])[0];
  return first !== undefined && /^docker-entrypoint(\.sh)?$/.test(basename(first.value));
}

export const runtimeRunsAsRoot = defineRule({
  id: 'PC201',
  name: 'runtime-runs-as-root',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The runtime stage runs as root: it has no USER and its base runs as root (or is not known to set a user), or its last USER is root.',
    why: 'A process running as root in a container is root on the host\'s kernel: one exploitable bug in the app or a dependency and the attacker can write anywhere the container sees, including bind mounts and the Docker socket if mounted. Kubernetes\' `runAsNonRoot` rejects such images. Create a user (a fixed numeric UID such as 10001) and end the runtime stage with `USER 10001:10001`.\n\nWhat pycrane can see: the USER instructions of the runtime stage and the stages it is built FROM, and a table of what common base images are configured to run as (src/lint/base-images.ts, each entry with its source). Root, from that table: python, debian, ubuntu, alpine and the other official OS and language images, nvidia/cuda and NGC images, continuumio/miniconda3 and anaconda3, conda-forge\'s miniforge, nginx, tiangolo/uvicorn-gunicorn and its siblings, nikolaik/python-nodejs, mcr.microsoft.com/devcontainers/*, ghcr.io/astral-sh/uv, bitnami/python, pytorch/pytorch, tensorflow/tensorflow, gcr.io/distroless/* except the `nonroot` tags, dhi.io `dev`/`sdk` variants. Not root: gcr.io/distroless `:nonroot`, cgr.dev (Chainguard), dhi.io runtime variants, jupyter/*, mambaorg/micromamba, apache/airflow, selenium/*, nginxinc/nginx-unprivileged, cimg/* and circleci/*, Red Hat S2I python images, and names or tags that say nonroot, rootless or unprivileged. Not reported: official database images (postgres, redis, mysql, ...) whose own entrypoint drops to the service user, unless the Dockerfile replaces that entrypoint; AWS Lambda base images (Lambda runs them as its own user); an entrypoint that drops privileges itself (gosu, su-exec, setpriv, runuser, chpst, s6-setuidgid); a base whose name is an unset ARG (`FROM ${BASE}`); `FROM python:${TAG}` is known by its name.\n\nA base pycrane does not know, with no USER in the Dockerfile, is reported with its own message: an image config without `User` runs as uid 0, which is what most images do, but that base may set a user itself. Check with `docker image inspect --format \'{{.Config.User}}\' IMAGE`, then add USER or silence the finding; or run `pycrane check --engine`, which reads the configured user of every base image the engine has (pull them first) and uses it instead of the table. `FROM scratch` with a command or a copied root filesystem and no USER runs as uid 0 whatever /etc/passwd it carries.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
    good: { code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 --no-create-home app\nCOPY . /app\nUSER 10001:10001\nCMD ["python", "-m", "app"]\n' },
  },
  messages: {
    noUser: 'the runtime stage {{stage}} never sets USER, so the app runs as root; add a user and `USER <uid>:<gid>`.',
    unknownBase: 'the runtime stage {{stage}} never sets USER and pycrane does not know whether {{image}} sets one: an image without USER runs as root. Add `USER <uid>:<gid>` (or check the base with `docker image inspect`).',
    scratch: 'the runtime stage {{stage}} is FROM scratch and never sets USER, so it runs as uid 0 (root) whatever /etc/passwd it copies in; add `USER <uid>:<gid>`.',
    root: 'the runtime stage {{stage}} ends as `USER {{user}}` (root); switch to an unprivileged user.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const stage = runtimeStageOf(model);
        if (!stage || dropsPrivileges(stage, ctx.baseImages)) return;
        const label = stage.name ? `"${stage.name}"` : `#${stage.index}`;
        const range = stage.from.keywordRange;
        const user = stage.user;
        if (user) {
          if (!user.resolved.complete) return;
          const name = (user.resolved.value.split(':')[0] ?? '').trim();
          if (name === 'root' || name === '0') ctx.report({ messageId: 'root', range: user.argsRange, data: { stage: label, user: user.resolved.value } });
          return;
        }
        const root = stage.rootFrom;
        if (root.imageName === 'scratch') {
          if (scratchIsRun(stage)) ctx.report({ messageId: 'scratch', range, data: { stage: label } });
          return;
        }
        const fact = baseImageUser(root, ctx.baseImages);
        if (!fact) {
          // FROM ${BASE} (or a tag-dependent entry with the tag in a variable): the base is not known here.
          if (root.imageComplete && root.image) ctx.report({ messageId: 'unknownBase', range, data: { stage: label, image: root.image } });
          return;
        }
        if (fact.user === 'root' || (fact.user === 'root-entrypoint-drops' && !keepsBaseEntrypoint(stage))) ctx.report({ messageId: 'noUser', range, data: { stage: label } });
      },
    };
  },
});
