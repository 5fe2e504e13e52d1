import { createHash } from 'node:crypto';
import { pythonJsonDumps } from '../poetry-lock/py-json.js';
import { isTable, tableAt, type TomlTable } from '../toml/parse.js';
import type { PdmLockResult } from './parse.js';

/**
 * How PDM hashed pyproject.toml, by the lock_version it wrote (PDM's project_file.py /
 * project/core.py, each tag read; proved against locks of PDM 2.2.1, 2.20.1, 2.29.3):
 * - 4.0 (2.1-2.2): `overrides` = `[tool.pdm.overrides]`, dev groups as written;
 * - 4.1-4.4 (2.3-2.10): `overrides` = `[tool.pdm.overrides]` if present, else `[tool.pdm.resolution.overrides]`;
 * - 4.4.1 (2.12-2.15; 2.11 still hashed as above): `overrides` = `[tool.pdm.resolution.overrides]`;
 * - 4.4.2 (2.16): the whole `[tool.pdm.resolution]` table as `resolution`;
 * - 4.5.x (2.20 on; 2.17-2.19 wrote 4.5.0 with the 4.4.2 hash): `dev-dependencies` merges
 *   `[dependency-groups]` and `[tool.pdm.dev-dependencies]` under PEP 503-normalised names.
 * Each lock version is hashed the way the newest PDM writing it does; that PDM is the one
 * that judges the lock.
 */
type Variant = 'overrides-legacy' | 'overrides-either' | 'overrides-resolution' | 'resolution' | 'groups';

function variantFor(lockVersion: string | undefined): Variant | undefined {
  if (lockVersion === undefined) return 'groups';
  const parts = lockVersion.split('.').map((p) => Number.parseInt(p, 10));
  if (parts.some((p) => Number.isNaN(p)) || parts[0] !== 4) return undefined;
  const [, minor = 0, micro = 0] = parts;
  if (minor < 1) return 'overrides-legacy';
  if (minor < 4 || (minor === 4 && micro === 0)) return 'overrides-either';
  if (minor === 4 && micro === 1) return 'overrides-resolution';
  if (minor === 4) return 'resolution';
  return 'groups';
}

/**
 * The `content_hash` PDM writes into `[metadata]` of pdm.lock, as `sha256:<hex>`, for a
 * pyproject parsed with integers as bigints (Python's json tells 1 from 1.0). Undefined
 * when PDM would hash something else: an unknown lock major, a PDM workspace root (the
 * members' hashes join in), a project PDM would convert from Poetry or Flit (no
 * `[project]`), TOML dates, or dependency groups whose names collide once normalised.
 */
export function pdmContentHash(pyproject: TomlTable, lockVersion: string | undefined): string | undefined {
  const variant = variantFor(lockVersion);
  if (variant === undefined) return undefined;
  const project = tableAt(pyproject, 'project');
  const tool = tableAt(pyproject, 'tool');
  if (!project && (isTable(tool?.poetry) || isTable(tableAt(tool, 'flit')?.metadata))) return undefined;
  const pdm = tableAt(pyproject, 'tool', 'pdm') ?? {};
  if (isTable(pdm.workspace)) return undefined;
  const meta = project ?? {};
  const resolution = tableAt(pdm, 'resolution') ?? {};

  const data: Record<string, unknown> = {
    sources: pdm.source ?? [],
    dependencies: meta.dependencies ?? [],
    'optional-dependencies': meta['optional-dependencies'] ?? {},
    'requires-python': meta['requires-python'] ?? '',
  };
  if (variant === 'groups') {
    const groups = mergedGroups(pyproject, pdm);
    if (groups === undefined) return undefined;
    data['dev-dependencies'] = groups;
  } else {
    data['dev-dependencies'] = pdm['dev-dependencies'] ?? {};
  }
  if (variant === 'overrides-legacy') data.overrides = pdm.overrides ?? {};
  else if (variant === 'overrides-either') data.overrides = pdm.overrides !== undefined ? pdm.overrides : (resolution.overrides ?? {});
  else if (variant === 'overrides-resolution') data.overrides = resolution.overrides ?? {};
  else data.resolution = resolution;

  const json = pythonJsonDumps(data);
  return json === undefined ? undefined : `sha256:${createHash('sha256').update(json, 'utf8').digest('hex')}`;
}

/** PyProject.dev_dependencies of PDM 2.20+: PEP 735 groups first, then PDM's, names normalised. */
function mergedGroups(pyproject: TomlTable, pdm: TomlTable): Record<string, unknown[]> | undefined {
  const groups: Record<string, unknown[]> = {};
  const pep735 = isTable(pyproject['dependency-groups']) ? pyproject['dependency-groups'] : {};
  for (const [name, deps] of Object.entries(pep735)) {
    const key = pdmNormalize(name);
    // PDM refuses a duplicated group ("The group ... is duplicated") and fails on a non-list.
    if (key in groups || !Array.isArray(deps)) return undefined;
    groups[key] = [...deps];
  }
  const legacy = isTable(pdm['dev-dependencies']) ? pdm['dev-dependencies'] : {};
  for (const [name, deps] of Object.entries(legacy)) {
    if (!Array.isArray(deps)) return undefined;
    const key = pdmNormalize(name);
    groups[key] = [...(groups[key] ?? []), ...deps];
  }
  return groups;
}

/** pdm.utils.normalize_name: runs of anything but letters and digits become `-`, lowercased. */
function pdmNormalize(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
}

/**
 * Whether pdm.lock matches pyproject.toml as PDM checks it (`pdm lock --check`): the
 * recomputed hash against `[metadata] content_hash`. Undefined when the lock holds no
 * hash (opt-in `lock_inputs` of PDM 2.29+, which validates inputs instead) or the hash
 * cannot be recomputed.
 */
export function pdmLockFreshness(result: PdmLockResult, pyproject: TomlTable): { fresh: boolean | undefined; reason: string | undefined } {
  const written = result.lock.contentHash?.value;
  if (result.lockInputs) return { fresh: undefined, reason: 'pdm.lock records lock_inputs instead of a content hash' };
  if (written === undefined) return { fresh: undefined, reason: 'pdm.lock has no [metadata] content_hash' };
  if (!written.startsWith('sha256:')) return { fresh: undefined, reason: `pdm.lock's content_hash uses ${written.split(':')[0]}, not sha256` };
  const expected = pdmContentHash(pyproject, result.lockVersion);
  if (expected === undefined) return { fresh: undefined, reason: 'the content hash of this pyproject.toml cannot be recomputed' };
  return expected === written
    ? { fresh: true, reason: undefined }
    : { fresh: false, reason: 'pyproject.toml changed since pdm.lock was written (content_hash differs)' };
}
