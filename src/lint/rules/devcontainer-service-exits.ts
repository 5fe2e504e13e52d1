import { effectiveCommand } from '../analysis.js';
import { commandWords, valueRange } from '../compose-model.js';
import { devcontainerConfig, devService, isComposeConfig } from '../devcontainer-model.js';
import { defineRule } from '../rule.js';

const SHELLS = new Set(['sh', 'bash', 'zsh', 'ash', 'dash', 'fish']);
const PYTHONS = /^(python[0-9.]*|ipython[0-9.]*)$/;
const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);

/** Why a command returns at once when started without a terminal, or undefined when it may keep running. */
export function exitsAtOnce(argv: readonly string[]): string | undefined {
  const words = [...argv];
  while (words.length > 0 && ['tini', 'dumb-init', 'exec', 'env'].includes(base(words[0] as string))) {
    words.shift();
    while (words[0]?.startsWith('-')) words.shift();
  }
  const [prog, ...args] = words;
  if (prog === undefined) return undefined;
  const name = base(prog);
  const operands = args.filter((a) => !a.startsWith('-'));
  if ((SHELLS.has(name) || PYTHONS.test(name)) && operands.length === 0 && !args.some((a) => a === '-c' || a === '-m')) {
    return `"${words.join(' ')}" without a terminal reads an empty stdin and exits`;
  }
  if (args.some((a) => a === '--version' || a === '-V' || a === '--help') && operands.length === 0) return `"${words.join(' ')}" prints and exits`;
  if (name === 'true' || name === 'echo') return `"${words.join(' ')}" exits at once`;
  return undefined;
}

/** The default command of well-known base images. */
function imageDefault(image: string | undefined): string[] | undefined {
  if (!image) return undefined;
  if (/^(docker\.io\/)?(library\/)?python(:|@|$)/.test(image)) return ['python3'];
  if (/^(docker\.io\/)?(library\/)?(debian|ubuntu)(:|@|$)/.test(image)) return ['bash'];
  return undefined;
}

export const devcontainerServiceExits = defineRule({
  id: 'PC805',
  name: 'devcontainer-service-exits',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'error',
  docs: {
    summary: 'The compose service of a dev container exits at once, and `overrideCommand` is not true.',
    why: 'For compose configs `overrideCommand` defaults to false: the service runs its own command. A dev stage usually has none of its own, so it inherits the base image\'s `python3` (or a shell), which exits immediately without a terminal; the container stops and "Reopen in Container" fails. Give the service a long-running command (`command: sleep infinity`, or `CMD ["sleep", "infinity"]` in the dev stage) or set `"overrideCommand": true`.',
    bad: {
      code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app"\n}\n',
      files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    volumes:\n      - .:/app\n' },
    },
    good: {
      code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app"\n}\n',
      files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    command: sleep infinity\n    volumes:\n      - .:/app\n' },
    },
  },
  messages: { exits: 'service "{{service}}" exits at once ({{why}}), so the dev container stops. Add `command: sleep infinity` to the service or set "overrideCommand": true.' },
  create(ctx) {
    return {
      done() {
        const cfg = devcontainerConfig(ctx.devcontainer);
        if (!cfg || !isComposeConfig(cfg) || cfg.overrideCommand === true) return;
        const dev = devService(ctx, ctx.devcontainer, cfg);
        if (!dev?.service || !dev.complete) return;
        const svc = dev.service.value;
        if (svc.tty === true || svc.stdin_open === true) return;
        let argv: string[] | undefined;
        const entrypoint = svc.entrypoint === undefined ? undefined : commandWords(svc.entrypoint);
        const command = svc.command === undefined || svc.command === null ? undefined : commandWords(svc.command);
        if (entrypoint) argv = [...entrypoint, ...(command ?? [])];
        else if (command) {
          // The image's ENTRYPOINT (if any) still runs with these arguments.
          if (dev.stage?.entrypoint) return;
          if (!dev.stage && svc.build !== undefined) return;
          argv = command;
        } else if (svc.build !== undefined) {
          if (!dev.stage) return;
          const eff = effectiveCommand(dev.stage);
          argv = eff ? eff.argv.map((w) => w.value) : imageDefault(dev.stage.rootFrom.image);
        } else argv = imageDefault(typeof svc.image === 'string' ? svc.image : undefined);
        if (!argv) return;
        const why = exitsAtOnce(argv);
        if (why) ctx.report({ messageId: 'exits', range: valueRange(ctx.devcontainer, ['service']), data: { service: dev.name, why } });
      },
    };
  },
});
