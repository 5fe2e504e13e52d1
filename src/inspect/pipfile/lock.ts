import { UserError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { fact, type Fact, type SourceRef } from '../../core/location.js';
import type { LockedPackage, LockFacts, PackageIndex } from '../model.js';
import { normalizeName } from '../pyproject/pep508.js';
import { scanJson, type JsonPath } from './json-locate.js';

export interface PipfileLockResult {
  /** `fresh` is undefined here: see pipfileLockFreshness. No generator: Pipfile.lock does not name the pipenv that wrote it. */
  readonly lock: LockFacts;
  /** `_meta.hash.sha256`. */
  readonly hash: Fact<string> | undefined;
  /** `_meta.pipfile-spec` (6 for every pipenv since 2018). */
  readonly pipfileSpec: number | undefined;
  /** `_meta.requires`: the `[requires]` of the Pipfile that was locked. */
  readonly requires: { pythonVersion?: string; pythonFullVersion?: string };
  readonly sources: readonly PackageIndex[];
  /** `_meta.sources` as written: what pipenv hashed for a Pipfile without `[[source]]`. */
  readonly rawSources: readonly Readonly<Record<string, unknown>>[];
  /** The lock has a `develop` category (pipenv always writes one, empty or not). */
  readonly hasDevelop: boolean;
  readonly issues: readonly Issue[];
}

/** The lock's category names as pycrane's group names. */
const GROUP_OF: Readonly<Record<string, string>> = { default: 'main', develop: 'dev' };
const VCS_KEYS = ['git', 'hg', 'svn', 'bzr'] as const;
const LOCAL_KEYS = ['path', 'file'] as const;

type JsonObject = Readonly<Record<string, unknown>>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const sourceOf = (ref: SourceRef | undefined): { source?: SourceRef } => (ref ? { source: ref } : {});

/**
 * Reads Pipfile.lock (pipfile-spec 6): `_meta` (hash, pipfile-spec, requires, sources) and
 * every category, `default` as group `main`, `develop` as `dev`, custom categories under
 * their own name. A package locked in several categories at one version is one
 * LockedPackage with several groups. VCS entries carry their locked `ref` (a commit) as
 * version; path and file entries have no version and are left out, with an info issue.
 * A JSON syntax error throws UserError E_JSON_SYNTAX at its line and column.
 */
export function parsePipfileLock(text: string, file = 'Pipfile.lock'): PipfileLockResult {
  const scan = scanJson(text, file);
  if (scan.error) {
    const { message, line, column } = scan.error;
    throw new UserError('E_JSON_SYNTAX', `invalid JSON: ${message}`, { source: { file, line, column }, hint: `fix the syntax of ${file}, or run \`pipenv lock\`` });
  }
  const doc: unknown = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const at = (path: JsonPath) => scan.find(path);
  const issues: Issue[] = [];
  const warn = (message: string, path: JsonPath) => issues.push({ code: 'W_PIPFILE_LOCK_ENTRY', severity: 'warning', message, ...sourceOf(at(path) ?? { file, line: 1 }) });

  const root: JsonObject = isObject(doc) ? doc : {};
  if (!isObject(doc)) warn(`${file} is not a JSON object: read as an empty lock`, []);
  const meta = isObject(root._meta) ? root._meta : undefined;
  if (!meta) warn(`${file} has no "_meta": no hash, sources or Python requirement`, []);

  const hashText = isObject(meta?.hash) ? stringOf(meta.hash.sha256) : undefined;
  const hash = hashText === undefined ? undefined : fact(hashText, at(['_meta', 'hash', 'sha256']));
  const spec = meta?.['pipfile-spec'];
  const pipfileSpec = typeof spec === 'number' && Number.isInteger(spec) ? spec : undefined;
  const requiresTable = isObject(meta?.requires) ? meta.requires : {};
  const pythonVersion = stringOf(requiresTable.python_version);
  const pythonFullVersion = stringOf(requiresTable.python_full_version);
  const requires = {
    ...(pythonVersion === undefined ? {} : { pythonVersion }),
    ...(pythonFullVersion === undefined ? {} : { pythonFullVersion }),
  };
  const pythonKey = pythonFullVersion !== undefined ? 'python_full_version' : 'python_version';
  const pythonText = pythonFullVersion ?? pythonVersion;

  const rawSources = Array.isArray(meta?.sources) ? meta.sources.filter(isObject) : [];
  const sources: PackageIndex[] = [];
  rawSources.forEach((entry, i) => {
    const name = stringOf(entry.name);
    const url = stringOf(entry.url);
    if (name !== undefined && url !== undefined) sources.push({ name, url, priority: undefined, source: at(['_meta', 'sources', i]) });
  });

  const packages: LockedPackage[] = [];
  const byNameVersion = new Map<string, number>();
  for (const [category, entries] of Object.entries(root)) {
    if (category === '_meta') continue;
    if (!isObject(entries)) {
      warn(`"${category}" in ${file} is not an object of packages: skipped`, [category]);
      continue;
    }
    const group = GROUP_OF[category] ?? category;
    for (const [rawName, entry] of Object.entries(entries)) {
      const path = [category, rawName];
      if (!isObject(entry)) {
        warn(`"${rawName}" in "${category}" is not an object: skipped`, path);
        continue;
      }
      const version = lockedVersion(entry);
      if (version.kind === 'invalid') {
        warn(`"${rawName}" in "${category}" ${version.why}: skipped`, path);
        continue;
      }
      if (version.kind === 'none') {
        issues.push({
          code: 'I_PIPFILE_LOCK_UNVERSIONED',
          severity: 'info',
          message: `"${rawName}" in "${category}" is ${version.what} without a locked version: pipenv installs it from there; pycrane leaves it out of the locked packages`,
          ...sourceOf(at(path)),
        });
        continue;
      }
      const name = normalizeName(rawName);
      const markers = category === 'default' ? (stringOf(entry.markers)?.trim() ?? '') : '';
      const key = `${name}\u0000${version.value}`;
      const seen = byNameVersion.get(key);
      const previous = seen === undefined ? undefined : packages[seen];
      if (seen !== undefined && previous) {
        packages[seen] = {
          ...previous,
          groups: previous.groups.includes(group) ? previous.groups : [...previous.groups, group],
          ...(markers && previous.markers === undefined ? { markers } : {}),
        };
        continue;
      }
      byNameVersion.set(key, packages.length);
      packages.push({ name, version: version.value, groups: [group], ...(markers ? { markers } : {}), source: at(path) });
    }
  }

  const hasDevelop = isObject(root.develop);
  if (!hasDevelop && isObject(doc)) {
    issues.push({
      code: 'I_PIPFILE_LOCK_NO_DEVELOP',
      severity: 'info',
      message: `${file} has no "develop" category (pipenv lock always writes one, empty or not): read as no dev packages (pipenv reads it so too)`,
      ...sourceOf(at(['_meta']) ?? { file, line: 1 }),
    });
  }

  const lock: LockFacts = {
    path: file,
    generator: undefined,
    lockVersion: pipfileSpec === undefined ? undefined : fact(String(pipfileSpec), at(['_meta', 'pipfile-spec'])),
    contentHash: hash,
    pythonVersions: pythonText === undefined ? undefined : fact(pythonText, at(['_meta', 'requires', pythonKey])),
    fresh: undefined,
    packages,
  };
  return { lock, hash, pipfileSpec, requires, sources, rawSources, hasDevelop, issues };
}

type LockedVersion =
  | { readonly kind: 'pinned'; readonly value: string }
  | { readonly kind: 'invalid'; readonly why: string }
  | { readonly kind: 'none'; readonly what: string };

/** `==1.2.3` -> `1.2.3`; a VCS entry's locked `ref`; else what the entry installs from. */
function lockedVersion(entry: JsonObject): LockedVersion {
  const version = stringOf(entry.version);
  if (version !== undefined) {
    const m = /^===?\s*(\S+)\s*$/.exec(version);
    return m?.[1] ? { kind: 'pinned', value: m[1] } : { kind: 'invalid', why: `has version ${JSON.stringify(version)}, not an exact "==" pin` };
  }
  for (const key of VCS_KEYS) {
    const url = stringOf(entry[key]);
    if (url === undefined) continue;
    const ref = stringOf(entry.ref)?.trim();
    return ref ? { kind: 'pinned', value: ref } : { kind: 'none', what: `a ${key} dependency (${url}) without a ref` };
  }
  for (const key of LOCAL_KEYS) {
    const target = stringOf(entry[key]);
    if (target !== undefined) return { kind: 'none', what: `${entry.editable === true ? 'an editable' : 'a'} ${key} dependency (${target})` };
  }
  return { kind: 'invalid', why: 'has neither a version nor a git, path or file source' };
}
