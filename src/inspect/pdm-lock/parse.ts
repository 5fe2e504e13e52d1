import type { Issue } from '../../core/issue.js';
import { fact } from '../../core/location.js';
import type { LockedPackage, LockFacts } from '../model.js';
import { normalizeName, parseRequirement } from '../pyproject/pep508.js';
import { includedGroups, includeGroupResolver } from '../pyproject/dependency-groups.js';
import { locateToml } from '../toml/locate.js';
import { isTable, parseToml, stringAt, tableAt, type TomlTable } from '../toml/parse.js';
import { conditionMarker, propagateConditions, type MarkerEdge } from '../uv-lock/markers.js';

export interface PdmLockResult {
  readonly lock: LockFacts;
  /** `[metadata] groups`, PDM's `default` as `main`; empty when the lock does not say (lock 4.0). */
  readonly groups: readonly string[];
  /** `[metadata] strategy` as PDM reads it (`cross_platform` for locks older than strategies). */
  readonly strategy: readonly string[];
  readonly lockVersion: string | undefined;
  /** The lock pins file URLs (`static_urls`, or lock 4.0's `[metadata.files]` with `url`). */
  readonly staticUrls: boolean;
  /** `[metadata] lock_inputs` (PDM 2.29+, opt-in): then PDM writes no content_hash. */
  readonly lockInputs: boolean;
  readonly issues: readonly Issue[];
}

export interface PdmLockOptions {
  /**
   * The project's pyproject.toml. With it, extras groups (`[project.optional-dependencies]`)
   * become `main` + optional, and locks without per-package groups get them from the graph.
   */
  readonly pyproject?: TomlTable;
}

interface PdmEntry {
  readonly index: number;
  readonly name: string;
  readonly version: string;
  readonly extras: readonly string[];
  readonly groups: readonly string[] | undefined;
  readonly marker: string | undefined;
  readonly dependencies: readonly string[];
}

/**
 * Reads pdm.lock (lock_version 4.0 of PDM 2.2 to 4.5.x of PDM 2.29). Per-package `groups`
 * exist since lock 4.5 (`inherit_metadata`); older locks name no group per package, so
 * membership is computed from the pyproject's groups and the dependency graph when the
 * pyproject is given. Packages with extras (`uvicorn[standard]`) are PDM's helper
 * entries: they feed the graph but are not listed twice.
 */
export function parsePdmLock(text: string, file = 'pdm.lock', options: PdmLockOptions = {}): PdmLockResult {
  const doc = parseToml(text, file);
  const at = locateToml(text, file);
  const issues: Issue[] = [];
  const warn = (message: string, path: readonly (string | number)[]) => {
    const ref = at.near(path);
    issues.push({ code: 'W_PDM_LOCK_ENTRY', severity: 'warning', message, ...(ref ? { source: ref } : {}) });
  };

  const metadata = tableAt(doc, 'metadata');
  const meta = (key: string) => {
    const value = stringAt(metadata, key);
    return value === undefined ? undefined : fact(value, at.find(['metadata', key]));
  };
  const lockVersion = meta('lock_version');
  const major = lockVersion ? Number.parseInt(lockVersion.value, 10) : undefined;
  if (major !== undefined && major !== 4) {
    issues.push({
      code: 'W_PDM_LOCK_VERSION',
      severity: 'warning',
      message: `${file} is lock_version ${lockVersion?.value}; pycrane knows 4.x and read it as such`,
      ...(lockVersion?.source ? { source: lockVersion.source } : {}),
    });
  }

  const lockedGroups = stringList(metadata?.groups);
  const strategy = readStrategy(metadata);
  const targets = Array.isArray(metadata?.targets) ? metadata.targets.filter(isTable).map((t) => stringAt(t, 'requires_python')).filter((t): t is string => t !== undefined) : [];
  const pythonVersions = targets.length > 0 ? fact(targets.join(' || '), at.find(['metadata', 'targets'])) : undefined;

  const entries: PdmEntry[] = [];
  let urlFiles = isTable(metadata?.files) && Object.values(metadata.files).some((files) => Array.isArray(files) && files.some((f) => isTable(f) && f.url !== undefined));
  const rawPackages = Array.isArray(doc.package) ? doc.package : [];
  if (doc.package !== undefined && !Array.isArray(doc.package)) warn(`\`package\` in ${file} is not an array of tables: no packages read`, ['package']);
  rawPackages.forEach((entry, index) => {
    if (!isTable(entry)) return warn(`[[package]] number ${index + 1} is not a table: skipped`, ['package', index]);
    const name = stringAt(entry, 'name');
    const version = stringAt(entry, 'version');
    if (name === undefined || version === undefined) return warn(`[[package]] number ${index + 1} has no name or version: skipped`, ['package', index]);
    if (entry.dependencies !== undefined && !Array.isArray(entry.dependencies)) warn(`dependencies of ${name} are not an array: ignored`, ['package', index, 'dependencies']);
    if (Array.isArray(entry.files) && entry.files.some((f) => isTable(f) && f.url !== undefined)) urlFiles = true;
    entries.push({
      index,
      name: normalizeName(name),
      version,
      extras: stringList(entry.extras).map(normalizeName).sort(),
      groups: Array.isArray(entry.groups) ? stringList(entry.groups) : undefined,
      marker: stringAt(entry, 'marker'),
      dependencies: stringList(entry.dependencies),
    });
  });

  const extrasGroups = new Set(Object.keys(tableAt(options.pyproject, 'project', 'optional-dependencies') ?? {}).map(normalizeName));
  const perPackage = entries.some((e) => e.groups !== undefined);
  const computed = !perPackage && options.pyproject ? groupsFromGraph(entries, options.pyproject, lockedGroups) : undefined;
  if (!perPackage && entries.length > 0) {
    issues.push(
      computed
        ? { code: 'I_PDM_GROUPS_FROM_GRAPH', severity: 'info', message: `${file} names no groups per package (lock ${lockVersion?.value ?? 'without version'}): computed from pyproject.toml and the dependency graph`, source: { file, line: 1 } }
        : { code: 'W_PDM_GROUPS_UNKNOWN', severity: 'warning', message: `${file} names no groups per package and pyproject.toml was not given: groups unknown`, source: { file, line: 1 } },
    );
  }

  const packages: LockedPackage[] = [];
  for (const entry of entries) {
    if (entry.extras.length > 0) continue;
    const raw = computed ? (computed.groups.get(entry.index) ?? []) : (entry.groups ?? []);
    const { groups, optional } = classify(raw, extrasGroups);
    // inherit_metadata's marker joins every group's; it is the main group's only when main alone installs it.
    const markers = computed ? computed.markers.get(entry.index) : raw.length === 1 && raw[0] === 'default' ? entry.marker : undefined;
    packages.push({
      name: entry.name,
      version: entry.version,
      groups,
      ...(optional ? { optional: true } : {}),
      ...(markers ? { markers } : {}),
      source: at.find(['package', entry.index]),
    });
  }

  return {
    lock: { path: file, generator: undefined, lockVersion, contentHash: meta('content_hash'), pythonVersions, fresh: undefined, packages },
    groups: lockedGroups.map((g) => (g === 'default' ? 'main' : g)),
    strategy,
    lockVersion: lockVersion?.value,
    staticUrls: strategy.includes('static_urls') || urlFiles,
    lockInputs: metadata?.lock_inputs !== undefined,
    issues,
  };
}

/** PDM's reading (PDMLock.strategy): `strategy`, else cross_platform, with the old boolean flags. */
function readStrategy(metadata: TomlTable | undefined): string[] {
  if (!metadata) return ['inherit_metadata'];
  const result = new Set(Array.isArray(metadata.strategy) ? stringList(metadata.strategy) : ['cross_platform']);
  if (metadata.cross_platform === false) result.delete('cross_platform');
  if (metadata.static_urls === true) result.add('static_urls');
  return [...result].sort();
}

/** `default` -> `main`; a package only extras need is `main` + optional, as Poetry writes it. */
function classify(raw: readonly string[], extrasGroups: ReadonlySet<string>): { groups: string[]; optional: boolean } {
  const inDefault = raw.includes('default');
  const inExtras = raw.some((g) => extrasGroups.has(normalizeName(g)));
  const groups = inDefault || inExtras ? ['main'] : [];
  for (const g of raw) if (g !== 'default' && !extrasGroups.has(normalizeName(g)) && !groups.includes(g)) groups.push(g);
  return { groups, optional: !inDefault && inExtras };
}

/**
 * For locks without per-package groups: walk each locked group's requirements from
 * pyproject.toml through the lock's dependency strings. Lock 4.0 has no `[metadata]
 * groups`: PDM 2.2 locked every group, so every group of the pyproject is walked.
 */
function groupsFromGraph(
  entries: readonly PdmEntry[],
  pyproject: TomlTable,
  lockedGroups: readonly string[],
): { groups: Map<number, string[]>; markers: Map<number, string | undefined> } {
  const byName = new Map<string, PdmEntry[]>();
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const edgesFor = (requirements: readonly string[]): MarkerEdge[] =>
    requirements.flatMap((text) => {
      const req = parseRequirement(text);
      if (!req) return [];
      const extras = [...req.extras].map(normalizeName).sort().join(',');
      const targets = (byName.get(req.name) ?? []).filter((e) => e.extras.length === 0 || e.extras.join(',') === extras);
      return targets.map((t) => ({ to: String(t.index), marker: req.markers }));
    });
  const edgesOf = (id: string): MarkerEdge[] => {
    const entry = entries.find((e) => String(e.index) === id);
    return entry ? edgesFor(entry.dependencies) : [];
  };

  const declared = declaredGroups(pyproject);
  const wanted = lockedGroups.length > 0 ? lockedGroups : [...declared.keys()];
  const groups = new Map<number, string[]>();
  let markers = new Map<number, string | undefined>();
  for (const group of wanted) {
    const start = 'start';
    const conditions = propagateConditions([start], (id) => (id === start ? edgesFor(declared.get(group) ?? []) : edgesOf(id)));
    for (const [id, condition] of conditions) {
      if (id === start) continue;
      const index = Number.parseInt(id, 10);
      const list = groups.get(index) ?? [];
      if (!list.includes(group)) list.push(group);
      groups.set(index, list);
      if (group === 'default') markers.set(index, conditionMarker(condition));
    }
  }
  if (!wanted.includes('default')) markers = new Map();
  return { groups, markers };
}

/** The pyproject's groups as PDM names them: `default`, extras, dev groups (both tables, include-group expanded). */
function declaredGroups(pyproject: TomlTable): Map<string, string[]> {
  const project = tableAt(pyproject, 'project') ?? {};
  const groups = new Map<string, string[]>([['default', stringList(project.dependencies)]]);
  for (const [name, reqs] of Object.entries(tableAt(project, 'optional-dependencies') ?? {})) groups.set(name, stringList(reqs));
  const pep735 = tableAt(pyproject, 'dependency-groups') ?? {};
  // Linear and iterative (pyproject/dependency-groups.ts): each group read once, included once.
  const flatten = includeGroupResolver((name) => {
    const items = Object.hasOwn(pep735, name) ? pep735[name] : undefined;
    return Array.isArray(items) ? { items: stringList(items), includes: includedGroups(items) } : undefined;
  });
  for (const name of Object.keys(pep735)) groups.set(normalizeName(name), flatten(name));
  for (const [name, reqs] of Object.entries(tableAt(pyproject, 'tool', 'pdm', 'dev-dependencies') ?? {})) {
    const key = [...groups.keys()].find((k) => normalizeName(k) === normalizeName(name)) ?? name;
    groups.set(key, [...(groups.get(key) ?? []), ...stringList(reqs)]);
  }
  return groups;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
