/**
 * What ProjectFacts' locked packages do not carry yet: whether a package is optional (an
 * extra: `poetry install --only main` leaves it out) and its environment markers
 * (`colorama` only on Windows). Read from poetry.lock's text; pure.
 */
import { parse } from 'smol-toml';

export interface LockCondition {
  readonly optional: boolean;
  /** The marker that applies to the main group (Poetry 2 `markers = {main = "..."}` or Poetry 1 `markers = "..."`). */
  readonly markers: string | undefined;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** name (PEP 503) -> condition; an unreadable lock gives an empty map (verify then expects every package). */
export function lockConditions(text: string): Map<string, LockCondition> {
  const out = new Map<string, LockCondition>();
  let doc: Record<string, unknown>;
  try {
    doc = parse(text) as Record<string, unknown>;
  } catch {
    return out;
  }
  const packages = Array.isArray(doc.package) ? (doc.package as unknown[]) : [];
  for (const entry of packages) {
    if (typeof entry !== 'object' || entry === null) continue;
    const pkg = entry as Record<string, unknown>;
    if (typeof pkg.name !== 'string') continue;
    const raw = pkg.markers;
    let markers: string | undefined;
    if (typeof raw === 'string') markers = raw;
    else if (typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>).main === 'string') markers = (raw as Record<string, string>).main;
    out.set(normalizeName(pkg.name), { optional: pkg.optional === true, markers: markers?.trim() || undefined });
  }
  return out;
}

export interface ExpectedFromLock {
  readonly expected: { name: string; version: string; markers?: string }[];
  /** Optional (extras-only) main packages: not installed by `--only main`, so not expected. */
  readonly optional: string[];
}

/** The locked packages of the `main` group the runtime image must hold, with their markers. */
export function expectedFromLock(
  packages: readonly { readonly name: string; readonly version: string; readonly groups: readonly string[] }[],
  conditions: ReadonlyMap<string, LockCondition>,
): ExpectedFromLock {
  const expected: ExpectedFromLock['expected'] = [];
  const optional: string[] = [];
  for (const pkg of packages) {
    if (!pkg.groups.includes('main')) continue;
    const condition = conditions.get(normalizeName(pkg.name));
    if (condition?.optional) {
      optional.push(pkg.name);
      continue;
    }
    expected.push(condition?.markers ? { name: pkg.name, version: pkg.version, markers: condition.markers } : { name: pkg.name, version: pkg.version });
  }
  return { expected, optional };
}
