import path from 'node:path';
import { ExitCode, UserError } from '../../core/errors.js';
import { inspectProject } from '../../inspect/index.js';
import { formatFacts } from '../../inspect/summary.js';
import { formatWeb } from '../../inspect/web/summary.js';
import { nodeReader } from '../../io/fs.js';
import type { CliContext } from '../context.js';

export async function run(ctx: CliContext, dir: string | undefined, options: { json?: boolean; python?: string }): Promise<number> {
  const root = path.resolve(ctx.cwd, dir ?? '.');
  let supportedPythons: string[] | undefined;
  if (options.python !== undefined) {
    supportedPythons = options.python
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = supportedPythons.find((m) => !/^\d+\.\d+$/.test(m));
    if (bad !== undefined || supportedPythons.length === 0) {
      throw new UserError('E_USAGE', `--python expects minors like 3.12,3.13, got "${options.python}"`);
    }
  }
  const facts = await inspectProject(nodeReader(root), {
    root: dir ?? '.',
    today: new Date(),
    ...(supportedPythons ? { supportedPythons } : {}),
  });
  if (options.json) {
    // undefined facts become null so every key of ProjectFacts is present.
    ctx.stdout.write(`${JSON.stringify(facts, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`);
  } else {
    // The web facts go after the project's facts, before the issues.
    const text = formatFacts(facts);
    const issuesAt = text.indexOf('\nissues:\n');
    const web = `${formatWeb(facts.web).join('\n')}\n`;
    ctx.stdout.write(issuesAt < 0 ? `${text}${web}` : `${text.slice(0, issuesAt)}${web}${text.slice(issuesAt)}`);
  }
  return ExitCode.ok;
}
