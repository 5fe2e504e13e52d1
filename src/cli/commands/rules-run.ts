import { ExitCode } from '../../core/errors.js';
import { allRules } from '../../lint/rules/index.js';
import type { CliContext } from '../context.js';

export function run(ctx: CliContext, options: { json?: boolean }): number {
  const rows = allRules.map((r) => ({ id: r.id, name: r.name, category: r.category, severity: r.defaultSeverity, summary: r.docs.summary, checks: r.kind }));
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.ok;
  }
  const w = (k: 'name' | 'category' | 'severity') => Math.max(...rows.map((r) => r[k].length));
  for (const r of rows) {
    ctx.stdout.write(`${r.id}  ${r.name.padEnd(w('name'))}  ${r.category.padEnd(w('category'))}  ${r.severity.padEnd(w('severity'))}  ${r.summary}\n`);
  }
  return ExitCode.ok;
}
