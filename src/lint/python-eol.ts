import { isoDay, PYTHON_RELEASES, pythonEol as eolOn } from '../core/python-releases.js';

/** End of life of CPython minors, from the one release table (src/core/python-releases.ts). */
export const PYTHON_EOL: Readonly<Record<string, string>> = Object.fromEntries(PYTHON_RELEASES.map((r) => [r.minor, r.eol]));

/** The EOL date when `minor` is past it on `today`, else undefined. */
export function pythonEol(minor: string, today: Date): string | undefined {
  return eolOn(minor, isoDay(today));
}
