import type { Command } from 'commander';
import type { Register } from './index.js';

export interface DevCliOptions {
  readonly service: string;
  readonly build: boolean;
  readonly down?: boolean;
  readonly detach?: boolean;
  readonly file?: string;
}

export const register: Register = (program, ctx, setExit) => {
  program
    .command('dev')
    .summary('bring the dev container up and open a shell (or run a command) in it')
    .description(
      [
        'Brings the compose dev service of DIR up, rebuilding its image when the Dockerfile, pyproject.toml or poetry.lock changed (free when nothing did), with DEV_UID/DEV_GID set to the owner of DIR so files you create in the container are yours; then opens a shell in it. Everything after -- runs in the container instead, and its exit code is pycrane\'s.',
        '',
        'Examples:',
        '  pycrane dev                      a shell in the dev container of .',
        '  pycrane dev . -- pytest -q       run the tests in it',
        '  pycrane dev --detach             just bring it up',
        '  pycrane dev --down               stop and remove it',
      ].join('\n'),
    )
    .argument('[dir]', 'the project directory', '.')
    .argument('[command...]', 'a command to run in the container (after --)')
    .option('--service <name>', 'the compose service', 'dev')
    .option('-f, --file <path>', 'the compose file (default: compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml in DIR)')
    .option('--no-build', 'do not rebuild the image (faster when you know nothing changed)')
    .option('-d, --detach', 'bring the service up and return, without a shell')
    .option('--down', 'stop and remove the dev container (docker compose down)')
    .action(async (_dir: string, _command: string[], options: DevCliOptions, cmd: Command) => {
      // Commander reads `pycrane dev -- pytest` as DIR=pytest: split at `--` ourselves.
      const raw = (cmd.parent as (Command & { rawArgs?: string[] }) | null)?.rawArgs ?? [];
      const dashes = raw.indexOf('--');
      const after = dashes === -1 ? [] : raw.slice(dashes + 1);
      const before = cmd.args.slice(0, cmd.args.length - after.length);
      const { run } = await import('./dev-run.js');
      setExit(await run(before[0] ?? '.', dashes === -1 ? cmd.args.slice(1) : after, options, ctx));
    });
};
