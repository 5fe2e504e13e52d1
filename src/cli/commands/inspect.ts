import type { Register } from './index.js';

export const register: Register = (program, ctx, setExit) => {
  program
    .command('inspect')
    .summary('show what pycrane found in a Python project')
    .description(
      'Show what pycrane found in a Python project: package manager and Poetry style, Python constraints and ' +
        'the base image they imply, console scripts, dependency groups, lock freshness, package indexes and ' +
        '[tool.pycrane] settings, each with the file and line it came from. Exits 2 when the project cannot be ' +
        'used (no or malformed pyproject.toml, a poetry.lock that does not belong to it, no supported Python).',
    )
    .argument('[dir]', 'the project folder (default: the current folder)')
    .option('--json', 'print the facts as one JSON document (ProjectFacts, see docs/inspect.md)')
    .option('--python <minors>', 'comma-separated Python minors to choose from (default: 3.11,3.12,3.13,3.14)')
    .action(async (dir: string | undefined, options: { json?: boolean; python?: string }) => {
      const { run } = await import('./inspect-run.js');
      setExit(await run(ctx, dir, options));
    });
};
