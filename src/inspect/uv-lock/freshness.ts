import { clean, satisfies, validRange } from '@renovatebot/pep440';
import { normalizeName, parseRequirement } from '../pyproject/pep508.js';
import { includedGroups, includeGroupResolver, type GroupParts } from '../pyproject/dependency-groups.js';
import { isTable, tableAt, type TomlTable } from '../toml/parse.js';
import type { UvLockResult, UvRequirement } from './parse.js';

export interface UvFreshness {
  /** false: uv would re-lock; undefined: the files do not allow telling. */
  readonly fresh: boolean | undefined;
  /** The first difference (or why it cannot be told); undefined when fresh. */
  readonly reason: string | undefined;
}

export interface UvFreshnessOptions {
  /** pyproject.toml of each workspace member, by its directory (`packages/core`); the root's is not needed. */
  readonly members?: ReadonlyMap<string, TomlTable>;
}

/** A requirement reduced to what uv compares, on both sides. */
interface Comparable {
  readonly name: string;
  /** name, extras, extra it belongs to, and specifier (or `@` for a pinned source). */
  readonly key: string;
  readonly marker: string;
  readonly text: string;
}

type Outcome = { kind: 'same' } | { kind: 'differs'; reason: string } | { kind: 'unknown'; reason: string };
const SAME: Outcome = { kind: 'same' };

/**
 * Does uv.lock still match pyproject.toml? uv stores each workspace package's declared
 * requirements in `[package.metadata]` (`requires-dist`, `requires-dev`,
 * `provides-extras`) and the workspace's in `[manifest]`, and re-locks when they differ
 * from pyproject.toml (crates/uv-resolver/src/lock/mod.rs, `satisfies`). This compares
 * them as sets of normalised requirements (names PEP 503, specifiers sorted with
 * normalised versions, extras sorted), plus `requires-python`, the members and whether
 * the root is virtual. uv rewrites markers (quotes, `python_version`, simplification
 * against requires-python), so a difference in markers alone gives undefined, not
 * false. Not compared: `[tool.uv]` resolution settings, indexes, environments,
 * conflicts, dynamic metadata (undefined), and local packages' contents.
 */
export function uvLockFreshness(result: UvLockResult, pyproject: TomlTable, options: UvFreshnessOptions = {}): UvFreshness {
  const project = tableAt(pyproject, 'project');
  const uv = tableAt(pyproject, 'tool', 'uv') ?? {};
  const rootName = typeof project?.name === 'string' ? normalizeName(project.name) : undefined;
  const unknowns: string[] = [];
  const checks: (() => Outcome)[] = [];

  if (result.root === undefined && result.workspaceMembers.length === 0 && result.manifest.dependencyGroups.size === 0) {
    return { fresh: undefined, reason: 'uv.lock has no project package and no workspace members' };
  }

  // Members: every workspace package, sorted; omitted for a single project with [project].
  const declaresWorkspace = tableAt(uv, 'workspace') !== undefined;
  const memberProjects = [...(options.members ?? new Map<string, TomlTable>()).entries()];
  checks.push(() => {
    if (declaresWorkspace && options.members === undefined) {
      return { kind: 'unknown', reason: 'the workspace members\' pyproject.toml files were not read' };
    }
    const names = new Set<string>();
    if (rootName) names.add(rootName);
    for (const [dir, member] of memberProjects) {
      const name = tableAt(member, 'project')?.name;
      if (typeof name !== 'string') return { kind: 'unknown', reason: `${dir}/pyproject.toml has no [project] name` };
      names.add(normalizeName(name));
    }
    const expected = names.size === 1 && rootName !== undefined ? [] : [...names].sort();
    const actual = [...result.workspaceMembers].sort();
    if (expected.join(',') !== actual.join(',')) {
      return { kind: 'differs', reason: `the workspace members are ${list(expected)} but uv.lock was locked for ${list(actual)}` };
    }
    return SAME;
  });

  if (rootName && result.root === rootName) {
    checks.push(() => {
      const expectedVirtual = !isPackage(pyproject);
      return expectedVirtual === result.virtual
        ? SAME
        : { kind: 'differs', reason: `pyproject.toml makes ${rootName} ${expectedVirtual ? 'virtual (not installable)' : 'a package'}, uv.lock has it ${result.virtual ? 'virtual' : 'as a package'}` };
    });
  } else if (rootName && result.root !== rootName) {
    checks.push(() => ({ kind: 'differs', reason: `uv.lock has no package for the project ${rootName}${result.root ? ` (its root is ${result.root})` : ''}` }));
  }

  checks.push(() => compareRequiresPython(result, [pyproject, ...memberProjects.map(([, m]) => m)]));

  const declared: [string, TomlTable][] = [...(rootName ? [[rootName, pyproject] as [string, TomlTable]] : [])];
  for (const [, member] of memberProjects) {
    const name = tableAt(member, 'project')?.name;
    if (typeof name === 'string' && normalizeName(name) !== rootName) declared.push([normalizeName(name), member]);
  }
  for (const [name, file] of declared) checks.push(() => compareDeclaration(result, name, file));

  if (!project) {
    // A workspace root without [project]: its groups are in [manifest.dependency-groups].
    checks.push(() => compareGroups(expectedGroups(pyproject), result.manifest.dependencyGroups, 'the workspace root', fuzzyNames(pyproject), true));
  }
  const manifestLists: [string, readonly UvRequirement[]][] = [
    ['constraint-dependencies', result.manifest.constraints],
    ['override-dependencies', result.manifest.overrides],
    ['build-constraint-dependencies', result.manifest.buildConstraints],
  ];
  for (const [key, actual] of manifestLists) {
    checks.push(() => compareLists(fromStrings(uv[key], undefined, new Set()), actual.map(fromLock), `[tool.uv] ${key}`));
  }

  for (const check of checks) {
    const outcome = check();
    if (outcome.kind === 'differs') return { fresh: false, reason: outcome.reason };
    if (outcome.kind === 'unknown') unknowns.push(outcome.reason);
  }
  return unknowns.length > 0 ? { fresh: undefined, reason: unknowns[0] } : { fresh: true, reason: undefined };
}

/** uv's rule: `[tool.uv] package`, else whether there is a build system. */
function isPackage(pyproject: TomlTable): boolean {
  const flag = tableAt(pyproject, 'tool', 'uv')?.package;
  return typeof flag === 'boolean' ? flag : isTable(pyproject['build-system']);
}

function compareDeclaration(result: UvLockResult, name: string, pyproject: TomlTable): Outcome {
  const declaration = result.declarations.get(name);
  if (!declaration) return { kind: 'differs', reason: `uv.lock has no package for the workspace member ${name}` };
  if (declaration.requiresDist === undefined) return { kind: 'unknown', reason: `uv.lock records no [package.metadata] for ${name}` };
  const project = tableAt(pyproject, 'project') ?? {};
  const dynamic = Array.isArray(project.dynamic) ? project.dynamic : [];
  const fuzzy = fuzzyNames(pyproject);
  const sourced = sourcedNames(pyproject);

  let dist: Outcome;
  if (dynamic.includes('dependencies') || dynamic.includes('optional-dependencies')) {
    dist = { kind: 'unknown', reason: `${name} declares its dependencies as dynamic` };
  } else {
    const expected = fromStrings(project.dependencies, undefined, sourced);
    const optional = tableAt(project, 'optional-dependencies') ?? {};
    for (const [extra, reqs] of Object.entries(optional)) expected.push(...fromStrings(reqs, normalizeName(extra), sourced));
    dist = compareLists(expected, declaration.requiresDist.map(fromLock), `${name}'s [project] dependencies`, fuzzy);
    if (dist.kind === 'same' && declaration.providesExtras !== undefined) {
      const extras = Object.keys(optional).map(normalizeName).sort();
      const actual = [...declaration.providesExtras].sort();
      if (extras.join(',') !== actual.join(',')) {
        dist = { kind: 'differs', reason: `${name}'s extras are ${list(extras)} but uv.lock has ${list(actual)}` };
      }
    }
  }
  if (dist.kind === 'differs') return dist;
  const keepEmpty = (result.version ?? 1) > 1 || result.revision >= 1;
  const groups = compareGroups(expectedGroups(pyproject), declaration.requiresDev ?? new Map(), name, fuzzy, !keepEmpty);
  if (groups.kind === 'differs') return groups;
  return dist.kind === 'unknown' ? dist : groups;
}

/** `[dependency-groups]` with include-group expanded, plus `[tool.uv] dev-dependencies` as `dev`. */
function expectedGroups(pyproject: TomlTable): Map<string, Comparable[]> {
  const table = isTable(pyproject['dependency-groups']) ? pyproject['dependency-groups'] : {};
  const byName = new Map(Object.entries(table).map(([k, v]) => [normalizeName(k), v] as const));
  const sourced = sourcedNames(pyproject);
  // Linear and iterative (pyproject/dependency-groups.ts): each group read once, included once.
  const flatten = includeGroupResolver((group): GroupParts<Comparable> | undefined => {
    const items = byName.get(group);
    if (!Array.isArray(items)) return undefined;
    return { items: fromStrings(items.filter((i): i is string => typeof i === 'string'), undefined, sourced), includes: includedGroups(items).map(normalizeName) };
  });
  const groups = new Map<string, Comparable[]>();
  for (const group of byName.keys()) groups.set(group, flatten(group));
  const legacy = tableAt(pyproject, 'tool', 'uv')?.['dev-dependencies'];
  if (Array.isArray(legacy)) groups.set('dev', [...(groups.get('dev') ?? []), ...fromStrings(legacy, undefined, sourced)]);
  return groups;
}

function compareGroups(
  expected: Map<string, Comparable[]>,
  actual: ReadonlyMap<string, readonly UvRequirement[]>,
  owner: string,
  fuzzy: ReadonlySet<string>,
  dropEmpty: boolean,
): Outcome {
  const names = (m: ReadonlyMap<string, readonly unknown[]>) => [...m.entries()].filter(([, v]) => !dropEmpty || v.length > 0).map(([k]) => k).sort();
  const want = names(expected);
  const have = names(actual);
  if (want.join(',') !== have.join(',')) {
    return { kind: 'differs', reason: `${owner}'s dependency groups are ${list(want)} but uv.lock has ${list(have)}` };
  }
  let unknown: Outcome | undefined;
  for (const group of want) {
    const outcome = compareLists(expected.get(group) ?? [], (actual.get(group) ?? []).map(fromLock), `${owner}'s group ${group}`, fuzzy);
    if (outcome.kind === 'differs') return outcome;
    if (outcome.kind === 'unknown') unknown ??= outcome;
  }
  return unknown ?? SAME;
}

/** Two multisets of requirements: first by key (differs), then by marker (unknown). */
function compareLists(expected: readonly Comparable[], actual: readonly Comparable[], what: string, fuzzy: ReadonlySet<string> = new Set()): Outcome {
  const remaining = [...actual];
  const missing: Comparable[] = [];
  for (const e of expected) {
    const i = remaining.findIndex((a) => a.key === e.key);
    if (i === -1) missing.push(e);
    else remaining.splice(i, 1);
  }
  if (missing.length > 0 || remaining.length > 0) {
    // Sources split by marker (`[tool.uv.sources] x = [ {...}, {...} ]`) are locked as several entries.
    if ([...missing, ...remaining].every((r) => fuzzy.has(r.name))) {
      return { kind: 'unknown', reason: `${what}: ${[...missing, ...remaining][0]?.name} has per-marker sources` };
    }
    const first = missing[0];
    const other = first ? remaining.find((r) => r.name === first.name) : undefined;
    if (first && other) return { kind: 'differs', reason: `${what}: pyproject.toml has "${first.text}", uv.lock was locked for "${other.text}"` };
    if (first) return { kind: 'differs', reason: `${what}: "${first.text}" is not in uv.lock` };
    return { kind: 'differs', reason: `${what}: uv.lock has "${remaining[0]?.text}", which pyproject.toml no longer declares` };
  }
  const markers = (list: readonly Comparable[]) => list.map((r) => `${r.key}|${r.marker}`).sort().join('\n');
  if (markers(expected) !== markers(actual)) {
    const odd = expected.find((e) => !actual.some((a) => a.key === e.key && a.marker === e.marker));
    return { kind: 'unknown', reason: `${what}: the markers of ${odd?.name ?? 'a requirement'} are written differently in uv.lock` };
  }
  return SAME;
}

function fromStrings(value: unknown, extra: string | undefined, sourced: ReadonlySet<string>): Comparable[] {
  if (!Array.isArray(value)) return [];
  const out: Comparable[] = [];
  for (const text of value) {
    if (typeof text !== 'string') continue;
    const req = parseRequirement(text);
    if (!req) {
      out.push({ name: text, key: `?${text}`, marker: '', text });
      continue;
    }
    const pinned = req.url !== undefined || sourced.has(req.name);
    out.push(comparable(req.name, req.extras, extra, pinned ? undefined : req.constraint, pinned, req.markers ?? '', text.trim()));
  }
  return out;
}

function fromLock(req: UvRequirement): Comparable {
  const { extra, rest } = splitExtra(req.marker ?? '');
  const text = `${req.name}${req.extras.length ? `[${req.extras.join(',')}]` : ''}${req.sourced ? ' @ ...' : (req.specifier ?? '')}${req.marker ? `; ${req.marker}` : ''}`;
  return comparable(req.name, req.extras, extra, req.specifier, req.sourced, rest, text);
}

function comparable(name: string, extras: readonly string[], extra: string | undefined, spec: string | undefined, pinned: boolean, marker: string, text: string): Comparable {
  const key = [name, [...extras].map(normalizeName).sort().join(','), extra ?? '', pinned ? '@' : normalizeSpecifier(spec)].join('|');
  return { name, key, marker: normalizeMarker(marker), text };
}

/** `extra == 'cli'` is how uv records an optional dependency; the rest is the user's marker. */
function splitExtra(marker: string): { extra: string | undefined; rest: string } {
  // `(?<!\s)`: a match starts only where a run of spaces starts, not at each of its spaces (linear).
  const m = /(?:^|(?<!\s)\s+and\s+)extra\s*==\s*['"]([^'"]+)['"](?=\s+and\s+|$)/.exec(marker);
  if (!m) return { extra: undefined, rest: marker };
  const rest = (marker.slice(0, m.index) + marker.slice(m.index + m[0].length)).replace(/^\s*and\s+/, '').trim();
  return { extra: normalizeName(m[1] ?? ''), rest };
}

function normalizeMarker(marker: string): string {
  return marker.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/** `<2, >=1.0.0` -> `<2,>=1` sorted, versions PEP 440-normalised (`1.0-beta` -> `1b0`). */
export function normalizeSpecifier(spec: string | undefined): string {
  if (!spec) return '';
  return spec
    .replace(/[()\s]/g, '')
    .split(',')
    .filter(Boolean)
    .map((clause) => {
      const m = /^(~=|===|==|!=|<=|>=|<|>)(.+)$/.exec(clause);
      if (!m) return clause;
      const [, op = '', version = ''] = m;
      if (op === '===' || version.endsWith('.*')) return `${op}${version}`;
      const normal = clean(version) ?? version;
      // 1.0 == 1.0.0 in PEP 440 (but ~=1.4 and ~=1.4.0 differ).
      return `${op}${op === '~=' ? normal : normal.replace(/^(\d+(?:\.\d+)*?)(?:\.0)+(?=$|[^.\d])/, '$1')}`;
    })
    .sort()
    .join(',');
}

/** Names whose `[tool.uv.sources]` entry pins a source (git, path, workspace, index, ...). */
function sourcedNames(pyproject: TomlTable): Set<string> {
  return new Set(Object.keys(tableAt(pyproject, 'tool', 'uv', 'sources') ?? {}).map(normalizeName));
}

/** Names with a list of sources, one per marker: uv locks one requirement per source. */
function fuzzyNames(pyproject: TomlTable): Set<string> {
  const sources = tableAt(pyproject, 'tool', 'uv', 'sources') ?? {};
  return new Set(Object.entries(sources).filter(([, v]) => Array.isArray(v)).map(([k]) => normalizeName(k)));
}

/** uv compares the Python range; both sides sampled on CPython release versions. */
function compareRequiresPython(result: UvLockResult, files: readonly TomlTable[]): Outcome {
  const declared = files
    .map((f) => tableAt(f, 'project')?.['requires-python'])
    .filter((v): v is string => typeof v === 'string');
  const locked = result.requiresPython?.value;
  if (declared.length === 0) return { kind: 'unknown', reason: 'pyproject.toml has no requires-python: uv took one from the interpreter' };
  if (locked === undefined) return { kind: 'differs', reason: `uv.lock has no requires-python, pyproject.toml says "${declared.join('" and "')}"` };
  const specs = [...declared, locked].map((s) => s.replace(/\s+/g, ''));
  if (!specs.every((s) => s === '' || validRange(s))) return { kind: 'unknown', reason: 'requires-python is not a PEP 440 specifier' };
  const admits = (spec: string, version: string) => spec === '' || satisfies(version, spec);
  for (const version of sampleVersions(specs)) {
    const want = specs.slice(0, -1).every((s) => admits(s, version));
    if (want !== admits(specs[specs.length - 1] ?? '', version)) {
      return { kind: 'differs', reason: `requires-python is "${declared.join('" and "')}" but uv.lock was resolved for "${locked}"` };
    }
  }
  return SAME;
}

function sampleVersions(specs: readonly string[]): string[] {
  const out = new Set<string>();
  for (let minor = 0; minor <= 20; minor++) for (let patch = 0; patch <= 12; patch++) out.add(`3.${minor}.${patch}`);
  for (const spec of specs) {
    for (const m of spec.matchAll(/(?<!\d)(\d+)\.(\d+)(?:\.(\d+))?/g)) {
      const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
      for (const p of [patch - 1, patch, patch + 1, 30, 99]) if (p >= 0) out.add(`${major}.${minor}.${p}`);
      out.add(`${major}.${minor + 1}.0`);
      if (minor > 0) out.add(`${major}.${minor - 1}.99`);
    }
  }
  ['2.7.18', '4.0.0', '4.1.0'].forEach((v) => out.add(v));
  return [...out];
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '(none)' : items.join(', ');
}
