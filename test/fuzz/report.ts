import type { FamilyStats } from './campaign.js';

/** The per-family table both runs print: inputs, inputs/s, crashes, slowest input. */
export function statsTable(rows: readonly FamilyStats[]): string {
  const header = ['family', 'inputs', 'inputs/s', 'crashes', 'classes', 'max ms'];
  const body = rows.map((r) => [r.family, String(r.inputs), (r.inputs / Math.max(r.seconds, 1e-3)).toFixed(0), String(r.crashes), String(r.classes.length), r.slowestMs.toFixed(0)]);
  const total = rows.reduce((a, r) => ({ inputs: a.inputs + r.inputs, seconds: a.seconds + r.seconds, crashes: a.crashes + r.crashes }), { inputs: 0, seconds: 0, crashes: 0 });
  body.push(['total', String(total.inputs), (total.inputs / Math.max(total.seconds, 1e-3)).toFixed(0), String(total.crashes), '', Math.max(0, ...rows.map((r) => r.slowestMs)).toFixed(0)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...body.map(line)].join('\n');
}
