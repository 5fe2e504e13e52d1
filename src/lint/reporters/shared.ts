import type { Diagnostic, Severity } from '../types.js';

export interface ReportOptions {
  /** File texts by path, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
  /** pycrane's version, for SARIF's tool.driver.version. */
  readonly version: string;
}

export function counts(ds: readonly Diagnostic[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}

/** 1-based start and (exclusive) end, as editors show them. */
export function oneBased(d: Diagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}
