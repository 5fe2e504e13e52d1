import type { Register } from './index.js';

export const register: Register = (program, ctx, setExit) => {
  program
    .command('rules')
    .summary('list the rules of pycrane check')
    .description('List every rule of `pycrane check`: id, name, category, default severity and summary. Docs: docs/rules/<name>.md.')
    .option('--json', 'print the rules as one JSON document')
    .action(async (options: { json?: boolean }) => {
      const { run } = await import('./rules-run.js');
      setExit(run(ctx, options));
    });
};
