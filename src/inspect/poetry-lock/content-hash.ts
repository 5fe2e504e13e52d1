import { createHash } from 'node:crypto';
import { isTable, type TomlTable } from '../toml/parse.js';
import { pythonJsonDumps } from './py-json.js';

// Poetry's Locker (poetry 1.2 ... 2.2; verified against locks written by Poetry 1.3.2 and
// 2.1.2): `[tool.poetry]` keys that feed the hash. The legacy ones are hashed as `null`
// when absent, unless `[project]` holds relevant content.
const LEGACY_KEYS = ['dependencies', 'source', 'extras', 'dev-dependencies'] as const;
const RELEVANT_KEYS = [...LEGACY_KEYS, 'group'] as const;
const RELEVANT_PROJECT_KEYS = ['requires-python', 'dependencies', 'optional-dependencies'] as const;

/**
 * The `content-hash` Poetry writes into `[metadata]` of poetry.lock for this pyproject
 * (the pyproject parsed with integers as bigints). One algorithm covers Poetry 1.x and
 * 2.0-2.2: without relevant `[project]` content it reduces to 1.x's; pass `poetryMajor: 1`
 * for a lock written by Poetry 1.x, which ignores `[project]`. Undefined when the
 * relevant content holds values Python's json cannot encode (TOML dates).
 */
export function poetryContentHash(pyproject: TomlTable, options: { poetryMajor?: 1 | 2 } = {}): string | undefined {
  // Poetry 1.x knows nothing of [project]: it hashes [tool.poetry] alone.
  const project = options.poetryMajor !== 1 && isTable(pyproject.project) ? pyproject.project : {};
  const tool = isTable(pyproject.tool) ? pyproject.tool : {};
  const poetry = isTable(tool.poetry) ? tool.poetry : {};

  const relevantProject: Record<string, unknown> = {};
  for (const key of RELEVANT_PROJECT_KEYS) {
    if (project[key] !== undefined) relevantProject[key] = project[key];
  }
  const hasProject = Object.keys(relevantProject).length > 0;

  const relevantPoetry: Record<string, unknown> = {};
  for (const key of RELEVANT_KEYS) {
    const data = poetry[key];
    const legacy = (LEGACY_KEYS as readonly string[]).includes(key);
    if (data === undefined && (!legacy || hasProject)) continue;
    relevantPoetry[key] = data ?? null;
  }

  const relevant = hasProject ? { project: relevantProject, tool: { poetry: relevantPoetry } } : relevantPoetry;
  const json = pythonJsonDumps(relevant);
  return json === undefined ? undefined : createHash('sha256').update(json, 'utf8').digest('hex');
}
