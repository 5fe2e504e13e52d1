/**
 * CPython releases: the one table pycrane uses to choose a Python, warn about end of life
 * (inspect, init) and lint (`check` PC604). Sources: https://devguide.python.org/versions/
 * and each release's PEP (PEP 745 for 3.14, PEP 790 for 3.15). Dates are the first final
 * release and the last day of security support. Update here, and only here, when CPython
 * releases or the devguide changes a date; `RELEASES_AS_OF` says when it was last checked.
 */
export interface PythonRelease {
  readonly minor: string;
  /** First final release (X.Y.0), `YYYY-MM-DD`. */
  readonly released: string;
  /** Last day of security support, `YYYY-MM-DD`. */
  readonly eol: string;
}

export const RELEASES_AS_OF = '2026-12-01';

/** Newest first. */
export const PYTHON_RELEASES: readonly PythonRelease[] = [
  { minor: '3.15', released: '2026-10-01', eol: '2031-10-31' },
  { minor: '3.14', released: '2025-10-07', eol: '2030-10-31' },
  { minor: '3.13', released: '2024-10-07', eol: '2029-10-31' },
  { minor: '3.12', released: '2023-10-02', eol: '2028-10-31' },
  { minor: '3.11', released: '2022-10-24', eol: '2027-10-31' },
  { minor: '3.10', released: '2021-10-04', eol: '2026-10-31' },
  { minor: '3.9', released: '2020-10-05', eol: '2025-10-31' },
  { minor: '3.8', released: '2019-10-14', eol: '2024-10-07' },
  { minor: '3.7', released: '2018-06-27', eol: '2023-06-27' },
  { minor: '3.6', released: '2016-12-23', eol: '2021-12-23' },
  { minor: '3.5', released: '2015-09-13', eol: '2020-09-30' },
  { minor: '3.4', released: '2014-03-16', eol: '2019-03-18' },
  { minor: '3.3', released: '2012-09-29', eol: '2017-09-29' },
  { minor: '3.2', released: '2011-02-20', eol: '2016-02-20' },
  { minor: '3.1', released: '2009-06-27', eol: '2012-04-09' },
  { minor: '3.0', released: '2008-12-03', eol: '2009-06-27' },
  { minor: '2.7', released: '2010-07-03', eol: '2020-01-01' },
];

/**
 * How long a minor must have been out before pycrane chooses it by default: wheels of native
 * packages (numpy, psycopg2-binary, grpcio, ...) for a new CPython typically follow within
 * a few months; a default that breaks `pip install` on release day helps nobody.
 */
export const MATURITY_MONTHS = 6;

/** The oldest minor the official `python:X.Y-slim` images exist for (Docker Hub keeps the old tags). */
const OLDEST_IMAGE = '3.3';

const byMinor = new Map(PYTHON_RELEASES.map((r) => [r.minor, r]));

export function pythonRelease(minor: string): PythonRelease | undefined {
  return byMinor.get(minor);
}

/** `YYYY-MM-DD` of a Date (UTC). */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The EOL date when `minor` is past it on `today` (`YYYY-MM-DD`), else undefined. */
export function pythonEol(minor: string, today: string): string | undefined {
  const eol = byMinor.get(minor)?.eol;
  return eol !== undefined && today > eol ? eol : undefined;
}

function monthsBefore(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  // Clamp the day: six months before March 31 is September 30, not October 1.
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return isoDay(first);
}

/** Released at least MATURITY_MONTHS before `asOf`. */
export function isMature(release: PythonRelease, asOf: string): boolean {
  return release.released <= monthsBefore(asOf, MATURITY_MONTHS);
}

/** Python 3 minors a base image can be chosen for, newest first (Python 2 is never chosen). */
export function python3Minors(): readonly string[] {
  const [oldMajor = 3, oldMinor = 0] = OLDEST_IMAGE.split('.').map(Number);
  return PYTHON_RELEASES.filter((r) => {
    const [major = 0, minor = 0] = r.minor.split('.').map(Number);
    return major === 3 && (major > oldMajor || minor >= oldMinor);
  }).map((r) => r.minor);
}
