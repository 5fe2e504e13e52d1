import type { Issue } from '../../core/issue.js';
import { fact, type Fact } from '../../core/location.js';
import type { LockedPackage, LockFacts } from '../model.js';
import { normalizeName } from '../pyproject/pep508.js';
import { locateToml } from '../toml/locate.js';
import { isTable, parseToml, stringAt, type TomlTable } from '../toml/parse.js';
import { assignGroups, type UvDependency, type UvPackage } from './graph.js';

export { uvLockFreshness } from './freshness.js';

/** A requirement as uv records it in `[package.metadata]` and `[manifest]`. */
export interface UvRequirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** `>=3.1,<4` as uv wrote it; undefined for none (or for a URL, git or path source). */
  readonly specifier: string | undefined;
  readonly marker: string | undefined;
  /** Pinned to a source other than the default index: git, url, path, directory, editable, virtual or a named index. */
  readonly sourced: boolean;
}

/** What uv recorded of a workspace package's own declaration (`[package.metadata]`). */
export interface UvDeclaration {
  readonly requiresDist: readonly UvRequirement[] | undefined;
  readonly requiresDev: ReadonlyMap<string, readonly UvRequirement[]> | undefined;
  readonly providesExtras: readonly string[] | undefined;
  /** The package's directory relative to the workspace root (`.` for the root). */
  readonly path: string;
  readonly virtual: boolean;
}

/** `[manifest]`: what the workspace as a whole was locked for. */
export interface UvManifest {
  readonly members: readonly string[];
  readonly requirements: readonly UvRequirement[];
  readonly constraints: readonly UvRequirement[];
  readonly overrides: readonly UvRequirement[];
  readonly buildConstraints: readonly UvRequirement[];
  /** Dependency groups of a workspace root that has no `[project]`. */
  readonly dependencyGroups: ReadonlyMap<string, readonly UvRequirement[]>;
}

export interface UvLockResult {
  /** `fresh` is undefined here: see uvLockFreshness. */
  readonly lock: LockFacts;
  /** The project's own package (`source = { editable = "." }` or `{ virtual = "." }`). */
  readonly root: string | undefined;
  /** The root is `{ virtual = "." }`: `[tool.uv] package = false` or no build system, so not installable. */
  readonly virtual: boolean;
  /** `[manifest] members`. */
  readonly workspaceMembers: readonly string[];
  readonly requiresPython: Fact<string> | undefined;
  readonly issues: readonly Issue[];
  /** `version` and `revision` at the top (revision 0 when absent, as uv reads it). */
  readonly version: number | undefined;
  readonly revision: number;
  readonly manifest: UvManifest;
  /** Declarations of the root and the workspace members, by normalised name. */
  readonly declarations: ReadonlyMap<string, UvDeclaration>;
}

const SOURCE_KINDS = ['registry', 'git', 'url', 'path', 'directory', 'editable', 'virtual'] as const;

/**
 * Reads uv.lock (`version = 1`, revisions 0 to 3): the packages with the groups the
 * project installs them for, computed from the dependency graph, since uv.lock records no
 * groups per package (see graph.ts). Structurally odd entries become issues; malformed
 * TOML throws the UserError of parseToml.
 */
export function parseUvLock(text: string, file = 'uv.lock'): UvLockResult {
  const doc = parseToml(text, file);
  const at = locateToml(text, file);
  const issues: Issue[] = [];
  const warn = (message: string, path: readonly (string | number)[]): void => {
    issues.push({ code: 'W_UV_LOCK_ENTRY', severity: 'warning', message, source: at.near(path) ?? { file, line: 1 } });
  };

  const version = typeof doc.version === 'number' ? doc.version : undefined;
  const revision = typeof doc.revision === 'number' ? doc.revision : 0;
  if (version === undefined) {
    warn(`${file} has no numeric \`version\`: read as version 1`, ['version']);
  } else if (version !== 1) {
    issues.push({
      code: 'W_UV_LOCK_VERSION',
      severity: 'warning',
      message: `${file} is lockfile version ${version}; pycrane knows version 1 and read it as such`,
      ...sourceOf(at.find(['version'])),
    });
  }
  const lockVersion = version === undefined ? undefined : fact(doc.revision === undefined ? String(version) : `${version}.${revision}`, at.find(['version']));
  const requiresPythonText = stringAt(doc, 'requires-python');
  const requiresPython = requiresPythonText === undefined ? undefined : fact(requiresPythonText, at.find(['requires-python']));

  const manifestTable = isTable(doc.manifest) ? doc.manifest : {};
  const members = stringList(manifestTable.members).map(normalizeName);
  const manifest: UvManifest = {
    members,
    requirements: requirementList(manifestTable.requirements),
    constraints: requirementList(manifestTable.constraints),
    overrides: requirementList(manifestTable.overrides),
    buildConstraints: requirementList(manifestTable['build-constraints']),
    dependencyGroups: requirementGroups(manifestTable['dependency-groups']) ?? new Map(),
  };

  const packages: UvPackage[] = [];
  const rawPackages = Array.isArray(doc.package) ? doc.package : [];
  if (doc.package !== undefined && !Array.isArray(doc.package)) warn(`\`package\` in ${file} is not an array of tables: no packages read`, ['package']);
  rawPackages.forEach((entry, index) => {
    if (!isTable(entry)) return warn(`[[package]] number ${index + 1} is not a table: skipped`, ['package', index]);
    const name = stringAt(entry, 'name');
    if (name === undefined) return warn(`[[package]] number ${index + 1} has no name: skipped`, ['package', index]);
    const source = isTable(entry.source) ? entry.source : undefined;
    const kind = SOURCE_KINDS.find((k) => typeof source?.[k] === 'string');
    packages.push({
      index,
      name: normalizeName(name),
      version: stringAt(entry, 'version'),
      sourceKind: kind,
      sourcePath: kind === undefined ? undefined : String(source?.[kind]),
      sourceKey: sourceKey(source),
      dependencies: dependencyList(entry.dependencies),
      optional: dependencyGroups(entry['optional-dependencies']),
      dev: dependencyGroups(entry['dev-dependencies']),
      ref: at.find(['package', index]),
    });
    if (entry.dependencies !== undefined && !Array.isArray(entry.dependencies)) {
      warn(`dependencies of ${name} are not an array: ignored`, ['package', index, 'dependencies']);
    }
  });

  const root = packages.find((p) => (p.sourceKind === 'editable' || p.sourceKind === 'virtual') && p.sourcePath === '.');
  const memberPackages = packages.filter((p) => members.includes(p.name) && (p.sourceKind === 'editable' || p.sourceKind === 'virtual'));
  const declarations = new Map<string, UvDeclaration>();
  for (const p of root ? [root, ...memberPackages.filter((m) => m !== root)] : memberPackages) {
    const entry = rawPackages[p.index] as TomlTable;
    const metadata = isTable(entry.metadata) ? entry.metadata : undefined;
    declarations.set(p.name, {
      requiresDist: metadata && Array.isArray(metadata['requires-dist']) ? requirementList(metadata['requires-dist']) : metadata ? [] : undefined,
      requiresDev: metadata ? (requirementGroups(metadata['requires-dev'] ?? metadata['dependency-groups']) ?? new Map()) : undefined,
      providesExtras: metadata && Array.isArray(metadata['provides-extras']) ? stringList(metadata['provides-extras']).map(normalizeName) : undefined,
      path: p.sourcePath ?? '.',
      virtual: p.sourceKind === 'virtual',
    });
  }
  if (!root && memberPackages.length === 0 && packages.length > 0) {
    issues.push({
      code: 'I_UV_LOCK_NO_ROOT',
      severity: 'info',
      message: `${file} has no project package (source = { editable = "." } or { virtual = "." }) and no workspace members: groups are unknown`,
      source: { file, line: 1 },
    });
  }

  const { groups, issues: graphIssues } = assignGroups(packages, {
    roots: [...(root ? [root] : []), ...memberPackages.filter((m) => m !== root)],
    manifest,
    file,
  });
  issues.push(...graphIssues);

  const locked: LockedPackage[] = [];
  for (const p of packages) {
    // The project itself and virtual members are not installed as dependencies.
    if (p === root || p.sourceKind === 'virtual') continue;
    const g = groups.get(p.index);
    locked.push({
      name: p.name,
      version: p.version ?? '',
      groups: g?.groups ?? [],
      ...(g?.optional ? { optional: true } : {}),
      ...(g?.markers ? { markers: g.markers } : {}),
      source: p.ref,
    });
  }

  return {
    lock: { path: file, generator: undefined, lockVersion, contentHash: undefined, pythonVersions: requiresPython, fresh: undefined, packages: locked },
    root: root?.name,
    virtual: root?.sourceKind === 'virtual',
    workspaceMembers: members,
    requiresPython,
    issues,
    version,
    revision,
    manifest,
    declarations,
  };
}

function sourceOf(ref: { file: string; line: number; column?: number } | undefined): { source?: { file: string; line: number; column?: number } } {
  return ref ? { source: ref } : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A stable text for a `source = { ... }` table, to tell apart packages of one name. */
function sourceKey(source: TomlTable | undefined): string {
  if (!source) return '';
  return Object.keys(source)
    .sort()
    .map((k) => `${k}=${String(source[k])}`)
    .join(',');
}

function dependencyList(value: unknown): UvDependency[] {
  if (!Array.isArray(value)) return [];
  const out: UvDependency[] = [];
  for (const dep of value) {
    if (!isTable(dep)) continue;
    const name = stringAt(dep, 'name');
    if (name === undefined) continue;
    out.push({
      name: normalizeName(name),
      version: stringAt(dep, 'version'),
      sourceKey: isTable(dep.source) ? sourceKey(dep.source) : undefined,
      marker: stringAt(dep, 'marker'),
      extras: stringList(dep.extra).map(normalizeName),
    });
  }
  return out;
}

function dependencyGroups(value: unknown): Map<string, UvDependency[]> {
  const out = new Map<string, UvDependency[]>();
  if (!isTable(value)) return out;
  for (const [group, deps] of Object.entries(value)) out.set(normalizeName(group), dependencyList(deps));
  return out;
}

function requirementList(value: unknown): UvRequirement[] {
  if (!Array.isArray(value)) return [];
  const out: UvRequirement[] = [];
  for (const req of value) {
    if (!isTable(req)) continue;
    const name = stringAt(req, 'name');
    if (name === undefined) continue;
    out.push({
      name: normalizeName(name),
      extras: stringList(req.extras).map(normalizeName).sort(),
      specifier: stringAt(req, 'specifier'),
      marker: stringAt(req, 'marker'),
      sourced: ['git', 'url', 'path', 'directory', 'editable', 'virtual', 'index'].some((k) => req[k] !== undefined),
    });
  }
  return out;
}

function requirementGroups(value: unknown): Map<string, UvRequirement[]> | undefined {
  if (!isTable(value)) return undefined;
  const out = new Map<string, UvRequirement[]>();
  for (const [group, reqs] of Object.entries(value)) out.set(normalizeName(group), requirementList(reqs));
  return out;
}
