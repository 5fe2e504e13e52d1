import pc from 'picocolors';
import type { Diagnostic } from '../types.js';
import { counts, oneBased, type ReportOptions } from './shared.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:col  severity  message  ruleId name`, then a code frame with the range underlined. */
export function formatStylish(ds: readonly Diagnostic[], options: ReportOptions): string {
  const c = pc.createColors(options.color);
  if (ds.length === 0) return '';
  const lines: string[] = [];
  const linesOf = new Map<string, string[]>();
  for (const d of ds) {
    const at = oneBased(d);
    const sev = d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
    lines.push(`${c.bold(`${d.file}:${at.line}:${at.column}`)} ${sev} ${d.message} ${c.dim(`${d.ruleId} ${d.ruleName}`)}`);
    const text = options.sources.get(d.file);
    if (text === undefined) continue;
    let fileLines = linesOf.get(d.file);
    if (!fileLines) {
      fileLines = text.split(/\r?\n/);
      linesOf.set(d.file, fileLines);
    }
    const src = fileLines[d.range.start.line];
    if (src === undefined) continue;
    const width = String(at.line).length;
    const shown = src.replace(/\t/g, ' ');
    lines.push(`  ${c.dim(`${String(at.line).padStart(width)} |`)} ${shown}`);
    const start = d.range.start.character;
    const end = d.range.end.line === d.range.start.line ? Math.max(d.range.end.character, start + 1) : Math.max(src.length, start + 1);
    lines.push(`  ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(start)}${c.red('^'.repeat(Math.min(end, Math.max(src.length, start + 1)) - start))}`);
  }
  const n = counts(ds);
  lines.push('');
  lines.push(
    c.bold(`${plural(ds.length, 'problem')} (${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${plural(n.info, 'info')})`),
  );
  return `${lines.join('\n')}\n`;
}
