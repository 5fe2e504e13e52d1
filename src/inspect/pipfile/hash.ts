import { createHash } from 'node:crypto';
import { UserError } from '../../core/errors.js';
import { pythonJsonDumps } from '../poetry-lock/py-json.js';
import { normalizeName } from '../pyproject/pep508.js';
import { isTable, parseToml, type TomlTable } from '../toml/parse.js';

/**
 * Top-level Pipfile tables that are not package categories for the hash (plette's
 * PIPFILE_SECTIONS, the same in pipenv 2022.12.19, 2024.0.1 and 2026.8.0), plus the two
 * names pipenv reserves for the lock's categories.
 */
const NOT_HASHED_AS_CATEGORY = new Set(['source', 'packages', 'dev-packages', 'requires', 'scripts', 'pipfile', 'pipenv', 'default', 'develop']);

/** What plette prepends to a Pipfile without `[[source]]` when pip names no index. */
export const PYPI_DEFAULT_SOURCE: Readonly<Record<string, unknown>> = { name: 'pypi', url: 'https://pypi.org/simple', verify_ssl: true };

/** pipenv 2026.4.0 (pypa/pipenv#6609) started hashing package names PEP 503-normalised. */
const CANONICAL_NAMES_SINCE = [2026, 4, 0] as const;

export interface PipfileHashOptions {
  /**
   * `canonical`: package-name keys PEP 503-normalised before hashing, as pipenv >= 2026.4.0
   * does; `as-written`: the keys as in the file (pipenv < 2026.4). Default: from
   * `pipenvVersion`, else `canonical`.
   */
  readonly names?: 'canonical' | 'as-written';
  /** The pipenv that writes or checks the lock, e.g. `2024.0.1`: chooses `names`. */
  readonly pipenvVersion?: string;
  /**
   * The sources pipenv hashes for a Pipfile without `[[source]]`. PyPI by default; pipenv
   * >= 2023.2.18 uses pip's configured `index-url` instead (pip.conf, PIP_INDEX_URL), and
   * the lock's `_meta.sources` records which it used.
   */
  readonly defaultSources?: readonly Readonly<Record<string, unknown>>[];
}

/** Whether this pipenv version hashes names PEP 503-normalised; undefined for an unreadable version. */
export function pipenvHashesCanonicalNames(version: string): boolean | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version.trim());
  if (!m) return undefined;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  for (let i = 0; i < 3; i++) {
    const d = (parts[i] ?? 0) - (CANONICAL_NAMES_SINCE[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/**
 * The `_meta.hash.sha256` pipenv writes into Pipfile.lock for this Pipfile: sha256 of
 * `json.dumps({"_meta": {"sources", "requires"}, "default": [packages], "develop":
 * [dev-packages], <custom category>: ...}, sort_keys=True, separators=(",", ":"))`.
 * `[scripts]`, `[pipenv]` and `[pipfile]` are not hashed; every other top-level key is,
 * as a category. Verified against locks written by pipenv 2022.12.19, 2024.0.1 and
 * 2026.8.0. Undefined when pipenv could not hash it either: malformed TOML, TOML dates, a
 * non-table category under canonical names.
 */
export function pipfileHash(pipfileText: string, options: PipfileHashOptions = {}): string | undefined {
  let doc: TomlTable;
  try {
    doc = parseToml(pipfileText, 'Pipfile', { integersAsBigInt: true });
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
  const canonical =
    options.names !== undefined
      ? options.names === 'canonical'
      : options.pipenvVersion !== undefined
        ? (pipenvHashesCanonicalNames(options.pipenvVersion) ?? true)
        : true;
  const names = (section: unknown): unknown => {
    if (!canonical) return section;
    if (!isTable(section)) throw new NotHashable();
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(section)) out[normalizeName(key)] = value;
    return out;
  };

  try {
    const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    data._meta = { sources: doc.source ?? options.defaultSources ?? [PYPI_DEFAULT_SOURCE], requires: doc.requires ?? {} };
    data.default = names(doc.packages ?? {});
    data.develop = names(doc['dev-packages'] ?? {});
    for (const [key, value] of Object.entries(doc)) {
      if (!NOT_HASHED_AS_CATEGORY.has(key)) data[key] = names(value);
    }
    const json = pythonJsonDumps(data, { compact: true });
    if (json === undefined) return undefined;
    return createHash('sha256').update(json, 'utf8').digest('hex');
  } catch (error) {
    if (error instanceof NotHashable) return undefined;
    throw error;
  }
}

class NotHashable extends Error {}

