/** The text form of a verify report. Pure (returns a string; the CLI prints it). */
import pc from 'picocolors';
import type { Check } from './verify-eval.js';

export interface ReportView {
  readonly image: string;
  readonly imageId: string;
  readonly checks: readonly Check[];
  readonly durationMs: number;
  readonly digest?: string | null;
  readonly pulled?: boolean;
}

export function formatVerifyReport(report: ReportView, color: boolean): string {
  const c = pc.createColors(color);
  const lines = [c.bold(`pycrane verify ${report.image} (${report.imageId.replace(/^sha256:/, '').slice(0, 12)})`)];
  if (report.digest) lines.push(`  digest ${report.digest}${report.pulled ? ' (pulled from the registry)' : ''}`);
  const width = Math.max(...report.checks.map((check) => check.id.length));
  for (const check of report.checks) {
    const label = check.status === 'pass' ? c.green('PASS') : check.status === 'fail' ? c.red('FAIL') : c.yellow('SKIP');
    lines.push(`  ${label}  ${check.id.padEnd(width)}  ${check.title}`);
    for (const line of check.evidence) lines.push(`        ${' '.repeat(width)}  ${c.dim(line)}`);
    if (check.status === 'fail' && check.hint) lines.push(`        ${' '.repeat(width)}  ${c.cyan(`hint: ${check.hint}`)}`);
  }
  const count = (status: Check['status']) => report.checks.filter((check) => check.status === status).length;
  const failed = count('fail');
  const summary = `${report.checks.length} checks: ${count('pass')} passed, ${failed} failed, ${count('skip')} skipped in ${(report.durationMs / 1000).toFixed(1)} s`;
  lines.push('', failed > 0 ? c.red(c.bold(summary)) : c.green(c.bold(summary)));
  return `${lines.join('\n')}\n`;
}
