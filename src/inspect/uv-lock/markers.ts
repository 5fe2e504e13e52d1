/**
 * Under which environment markers a dependency graph installs each node, when it can be
 * told without a marker algebra: a node's condition is the OR, over the edges reaching
 * it, of the parent's condition AND the edge's marker. Conditions are kept as sets of
 * conjunctions of marker strings (each edge's marker an opaque atom), with absorption,
 * so `click -> colorama; sys_platform == "win32"` gives colorama `sys_platform == "win32"`.
 * Lock files of uv and PDM (lock 4.0) only record markers on edges, so this is how
 * pycrane learns that a package is, say, Windows-only.
 */

/** `'always'`: unconditional; `'unknown'`: too tangled to tell; else OR of ANDs of atoms. */
export type Condition = 'always' | 'unknown' | readonly (readonly string[])[];

export interface MarkerEdge {
  readonly to: string;
  /** The edge's PEP 508 marker, or undefined for an unconditional edge. */
  readonly marker: string | undefined;
}

/** Past these sizes a condition is reported as unknown rather than as a huge expression. */
const MAX_TERMS = 12;
const MAX_ATOMS = 6;

/** Conditions of every node reachable from `roots`, which hold unconditionally. */
export function propagateConditions(
  roots: Iterable<string>,
  edgesOf: (node: string) => readonly MarkerEdge[],
): Map<string, Condition> {
  const conditions = new Map<string, Condition>();
  const queue: string[] = [];
  for (const root of roots) {
    if (conditions.get(root) !== 'always') {
      conditions.set(root, 'always');
      queue.push(root);
    }
  }
  // Conditions only grow (OR) and absorption keeps them finite, so this reaches a fixed point.
  while (queue.length > 0) {
    const node = queue.shift() as string;
    const parent = conditions.get(node) ?? 'always';
    for (const edge of edgesOf(node)) {
      const incoming = and(parent, edge.marker);
      const before = conditions.get(edge.to);
      const after = before === undefined ? incoming : or(before, incoming);
      if (before === undefined || !sameCondition(before, after)) {
        conditions.set(edge.to, after);
        queue.push(edge.to);
      }
    }
  }
  return conditions;
}

function and(condition: Condition, marker: string | undefined): Condition {
  const atom = marker?.trim();
  if (!atom || condition === 'unknown') return condition;
  if (condition === 'always') return [[atom]];
  const terms = condition.map((term) => (term.includes(atom) ? term : [...term, atom].sort()));
  return terms.some((term) => term.length > MAX_ATOMS) ? 'unknown' : absorb(terms);
}

function or(a: Condition, b: Condition): Condition {
  if (a === 'always' || b === 'always') return 'always';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  const terms = absorb([...a, ...b]);
  if (hasComplements(terms)) return 'always';
  return terms.length > MAX_TERMS ? 'unknown' : terms;
}

const COMPLEMENT: Readonly<Record<string, string>> = { '<': '>=', '>=': '<', '<=': '>', '>': '<=', '==': '!=', '!=': '==' };
const COMPARISON = /^([a-z_]+)\s*(<=|>=|==|!=|<|>)\s*['"]([^'"]*)['"]$/;

/** `v < '3.10' or v >= '3.10'` (forks of one package join like this) always holds. */
function hasComplements(terms: readonly (readonly string[])[]): boolean {
  const singles = terms.filter((t) => t.length === 1).map((t) => COMPARISON.exec(t[0] ?? ''));
  return singles.some(
    (x) => x !== null && singles.some((y) => y !== null && y[1] === x[1] && y[3] === x[3] && y[2] === COMPLEMENT[x[2] ?? '']),
  );
}

/** Drops duplicate terms and terms implied by a smaller one (A or (A and B) is A). */
function absorb(terms: readonly (readonly string[])[]): readonly (readonly string[])[] {
  const sorted = [...terms].sort((x, y) => x.length - y.length);
  const kept: (readonly string[])[] = [];
  for (const term of sorted) {
    if (!kept.some((k) => k.every((atom) => term.includes(atom)))) kept.push(term);
  }
  return kept.sort((x, y) => x.join('\u0000').localeCompare(y.join('\u0000')));
}

function sameCondition(a: Condition, b: Condition): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((term, i) => term.join('\u0000') === b[i]?.join('\u0000'));
}

/** The condition as one PEP 508 marker string, or undefined when unconditional or unknown. */
export function conditionMarker(condition: Condition | undefined): string | undefined {
  if (condition === undefined || typeof condition === 'string') return undefined;
  const wrap = (atom: string) => (/\sor\s/.test(atom) ? `(${atom})` : atom);
  const terms = condition.map((term) => (term.length === 1 ? (term[0] ?? '') : term.map(wrap).join(' and ')));
  if (terms.length === 1) return terms[0];
  return terms.map((term, i) => ((condition[i]?.length ?? 0) > 1 || /\sor\s/.test(term) ? `(${term})` : term)).join(' or ');
}
