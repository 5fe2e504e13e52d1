import pc from 'picocolors';
import type { Diagnostic } from '../types.js';
import { counts, oneBased, type ReportOptions } from './shared.js';

/** Longest source line a code frame shows; longer lines are cut around the range (`…` marks the cuts). */
export const MAX_FRAME_WIDTH = 160;

/** The part of a source line to show, and where the carets go under it (tabs shown as one space). */
export function codeFrame(src: string, start: number, end: number): { shown: string; caretAt: number; caretLength: number } {
  if (src.length <= MAX_FRAME_WIDTH) {
    const caretEnd = Math.min(Math.max(end, start + 1), Math.max(src.length, start + 1));
    return { shown: src.replace(/\t/g, ' '), caretAt: start, caretLength: caretEnd - start };
  }
  const from = Math.max(0, Math.min(start - 20, src.length - MAX_FRAME_WIDTH));
  const to = from + MAX_FRAME_WIDTH;
  const lead = from > 0 ? '…' : '';
  const shown = `${lead}${src.slice(from, to).replace(/\t/g, ' ')}${to < src.length ? '…' : ''}`;
  const caretStart = Math.min(Math.max(start, from), to);
  const caretEnd = Math.min(Math.max(end, caretStart + 1), to + 1);
  return { shown, caretAt: lead.length + caretStart - from, caretLength: caretEnd - caretStart };
}

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
    const f = codeFrame(src, d.range.start.character, d.range.end.line === d.range.start.line ? d.range.end.character : src.length);
    lines.push(`  ${c.dim(`${String(at.line).padStart(width)} |`)} ${f.shown}`);
    lines.push(`  ${' '.repeat(width)} ${c.dim('|')} ${' '.repeat(f.caretAt)}${c.red('^'.repeat(f.caretLength))}`);
  }
  const n = counts(ds);
  lines.push('');
  lines.push(
    c.bold(`${plural(ds.length, 'problem')} (${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${plural(n.info, 'info')})`),
  );
  return `${lines.join('\n')}\n`;
}
