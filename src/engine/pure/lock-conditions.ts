/**
 * The locked packages the runtime image must hold: the `main` group, without optional
 * (extras-only) packages, which `poetry install --only main` leaves out, and with the
 * environment markers that decide whether a package applies on this platform.
 */
import type { LockedPackage } from '../../inspect/model.js';

export interface ExpectedFromLock {
  readonly expected: { name: string; version: string; markers?: string }[];
  /** Optional (extras-only) main packages: not installed by `--only main`, so not expected. */
  readonly optional: string[];
}

export function expectedFromLock(packages: readonly LockedPackage[]): ExpectedFromLock {
  const expected: ExpectedFromLock['expected'] = [];
  const optional: string[] = [];
  for (const pkg of packages) {
    if (!pkg.groups.includes('main')) continue;
    if (pkg.optional) {
      optional.push(pkg.name);
      continue;
    }
    expected.push(pkg.markers ? { name: pkg.name, version: pkg.version, markers: pkg.markers } : { name: pkg.name, version: pkg.version });
  }
  return { expected, optional };
}
