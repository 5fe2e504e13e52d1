import { Option } from 'commander';
import type { Register } from './index.js';

export const register: Register = (program, ctx, setExit) => {
  program
    .command('check')
    .summary('lint the Dockerfile, compose file, devcontainer and .dockerignore of a Python project')
    .description(
      'Lint a Python project\'s container setup: Dockerfile, compose.yaml, .devcontainer/devcontainer.json and ' +
        '.dockerignore, together and with the project\'s facts (Python constraint, lock, console scripts). ' +
        'With a DIR (default: the current folder) the files are found in it; with FILES only those are linted. ' +
        'Silence a rule with `# pycrane ignore=PC101` on the line before an instruction, `# pycrane global ignore=PC101` ' +
        'for a file, or [tool.pycrane.check] in pyproject.toml (ignore, severity, fail-on). ' +
        'Exit codes: 0 nothing at or above the threshold, 1 findings, 2 usage error or unreadable input. ' +
        'See docs/check.md and `pycrane rules`.',
    )
    .argument('[paths...]', 'a project folder, or files (Dockerfile, compose.yaml, devcontainer.json, .dockerignore)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .addOption(new Option('--fail-on <severity>', 'lowest severity that makes check exit 1 (default: warning, or [tool.pycrane.check] fail-on)').choices(['error', 'warning', 'info']))
    .option('--no-project', 'do not inspect the Python project (skips project-aware rules)')
    .option('--engine', "read each base image's configured user and entrypoint from the Docker engine (docker image inspect) instead of pycrane's table; images it does not have are named on stderr (docker pull them first)")
    .action(async (paths: string[], options: { format: string; failOn?: string; project: boolean; engine?: boolean }) => {
      const { run } = await import('./check-run.js');
      setExit(await run(ctx, paths, options));
    });
};
