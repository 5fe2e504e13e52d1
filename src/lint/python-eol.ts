/**
 * End of life of CPython minors (https://devguide.python.org/versions/), the one table pycrane uses.
 * Dates are the last day of security support.
 */
export const PYTHON_EOL: Readonly<Record<string, string>> = {
  '2.7': '2020-01-01',
  '3.0': '2009-06-27',
  '3.1': '2012-04-09',
  '3.2': '2016-02-20',
  '3.3': '2017-09-29',
  '3.4': '2019-03-18',
  '3.5': '2020-09-30',
  '3.6': '2021-12-23',
  '3.7': '2023-06-27',
  '3.8': '2024-10-07',
  '3.9': '2025-10-31',
  '3.10': '2026-10-31',
  '3.11': '2027-10-31',
  '3.12': '2028-10-31',
  '3.13': '2029-10-31',
  '3.14': '2030-10-31',
};

/** The EOL date when `minor` is past it on `today`, else undefined. */
export function pythonEol(minor: string, today: Date): string | undefined {
  const eol = PYTHON_EOL[minor];
  if (!eol) return undefined;
  return today.toISOString().slice(0, 10) > eol ? eol : undefined;
}
