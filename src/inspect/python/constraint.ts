import { satisfies, valid, validRange } from '@renovatebot/pep440';

/**
 * A Python version's parts are small numbers; @renovatebot/pep440 keeps them as JS numbers, so
 * a part past the safe integers turns into `1e+21` and its parse returns null (and `satisfies`
 * throws). Versions and constraints with a longer part are refused before they reach it.
 */
export const MAX_VERSION_PART_DIGITS = 9;
const OVERSIZED_PART = new RegExp(`\\d{${MAX_VERSION_PART_DIGITS + 1}}`);

/** The text has a number longer than MAX_VERSION_PART_DIGITS digits (`3.3333333333333`). */
export function hasOversizedPart(text: string): boolean {
  return OVERSIZED_PART.test(text);
}

/**
 * A Python version constraint as PEP 440 specifier sets: a version satisfies it when it
 * satisfies ANY of them (Poetry's `||`). `''` is "any version".
 */
export type Pep440Union = readonly string[];

const TOKEN = /(\^|~=|~|===|==|!=|<=|>=|<|>|=)?\s*([0-9*xX][0-9A-Za-z.*+!-]*)/y;

/**
 * Converts a Poetry constraint (`^3.11`, `~3.11`, `3.11.*`, `>=3.9,<3.12`, `>=3.9 <3.12`,
 * `^3.10 || ^3.12`, `*`) to PEP 440. PEP 440 input passes through unchanged. Returns
 * undefined when the text is not a constraint.
 */
export function poetryToPep440(constraint: string): Pep440Union | undefined {
  if (hasOversizedPart(constraint)) return undefined;
  const out: string[] = [];
  // Each disjunct is trimmed below: a `\s*` around the `||` would rescan a run of spaces from every position.
  for (const disjunct of constraint.split(/\|\|?/)) {
    const parts: string[] = [];
    const text = disjunct.replace(/,/g, ' ').trim();
    let pos = 0;
    while (pos < text.length) {
      while (text[pos] === ' ') pos++;
      if (pos >= text.length) break;
      TOKEN.lastIndex = pos;
      const m = TOKEN.exec(text);
      if (!m) return undefined;
      pos = TOKEN.lastIndex;
      const converted = convertToken(m[1] ?? '', m[2] ?? '');
      if (converted === undefined) return undefined;
      parts.push(...converted);
    }
    const spec = parts.join(',');
    if (spec !== '' && !validRange(spec)) return undefined;
    out.push(spec);
  }
  return out.length > 0 ? out : undefined;
}

/** PEP 440 (`requires-python`) as a union of one; undefined when invalid. */
export function pep440(constraint: string): Pep440Union | undefined {
  const spec = constraint.trim();
  if (spec === '' || spec === '*') return [''];
  if (hasOversizedPart(spec)) return undefined;
  return validRange(spec) ? [spec] : undefined;
}

function convertToken(op: string, version: string): string[] | undefined {
  if (/^[*xX]$/.test(version)) return op === '' || op === '==' || op === '=' ? [] : undefined;
  const wildcard = /\.[*xX]$/.test(version);
  const base = version.replace(/\.[*xX]$/, '');
  const nums = base.split('.');
  if (!nums.every((n) => /^\d+$/.test(n)) && (op === '^' || op === '~')) return undefined;
  switch (op) {
    case '^': {
      const ints = nums.map(Number);
      let i = ints.findIndex((n) => n !== 0);
      if (i === -1 || i >= ints.length) i = ints.length - 1;
      if (ints.length === 1) i = 0;
      return [`>=${base}`, `<${bump(ints, i)}`];
    }
    case '~': {
      const ints = nums.map(Number);
      return [`>=${base}`, `<${bump(ints, ints.length === 1 ? 0 : 1)}`];
    }
    case '':
    case '=':
    case '==':
      return [wildcard ? `==${base}.*` : `==${base}`];
    case '!=':
      return [wildcard ? `!=${base}.*` : `!=${base}`];
    default:
      return [`${op}${base}`];
  }
}

/** `[3, 11, 4]` bumped at 1 -> `3.12`. */
function bump(ints: readonly number[], index: number): string {
  const head = ints.slice(0, index);
  return [...head, (ints[index] ?? 0) + 1].join('.');
}

/** False for a version pep440 cannot parse (it would throw) or one with an oversized part. */
export function satisfiesUnion(version: string, union: Pep440Union): boolean {
  if (hasOversizedPart(version) || valid(version) === null) return false;
  return union.some((spec) => spec === '' || (!hasOversizedPart(spec) && validRange(spec) && satisfies(version, spec)));
}

/**
 * Some patch release of `minor` (e.g. `3.11`) satisfies every constraint at once. A
 * specifier's answer for the patches of one minor changes only at the patch releases it
 * names, so trying patch 0 and each named patch of this minor with its neighbours decides it
 * (a handful of checks instead of every patch: this runs for every known minor).
 */
export function minorAdmits(minor: string, constraints: readonly Pep440Union[]): boolean {
  const patches = new Set<number>([0]);
  for (const union of constraints) {
    for (const spec of union) {
      for (const m of spec.matchAll(/(?<!\d)(\d+)\.(\d+)\.(\d+)/g)) {
        if (`${m[1]}.${m[2]}` !== minor) continue;
        const z = Number(m[3]);
        for (const p of [z - 1, z, z + 1]) if (p >= 0) patches.add(p);
      }
    }
  }
  for (const patch of [...patches].sort((a, b) => a - b)) {
    const version = `${minor}.${patch}`;
    if (constraints.every((union) => satisfiesUnion(version, union))) return true;
  }
  return false;
}

/** `3.9` < `3.10`: numeric order of `X.Y` strings. */
export function compareMinor(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
