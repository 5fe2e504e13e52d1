import type { Diagnostic } from '../types.js';
import { counts, oneBased } from './shared.js';

/** One JSON document: every finding with 1-based positions, and totals. */
export function formatJson(ds: readonly Diagnostic[]): string {
  const doc = {
    diagnostics: ds.map((d) => ({
      ruleId: d.ruleId,
      ruleName: d.ruleName,
      category: d.category,
      severity: d.severity,
      message: d.message,
      file: d.file,
      ...oneBased(d),
    })),
    summary: counts(ds),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
