import type { SourceRef } from './location.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Something wrong with a user's input, found while reading it. Parsers return these
 * instead of throwing, so one bad file never hides the rest of the report.
 */
export interface Issue {
  /** Stable code, e.g. `E_TOML_SYNTAX`. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly source?: SourceRef;
}
