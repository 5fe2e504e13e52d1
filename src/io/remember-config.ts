/**
 * Remembers init's answers in the project's config file: `[tool.pycrane]` of pyproject.toml,
 * or the top level of pycrane.toml (created when the project has neither a pyproject.toml nor
 * a pycrane.toml). The file is edited as text (toml-edit.ts), so the rest of it stays byte for
 * byte as it was; the result is re-parsed and must equal the old document with exactly these
 * keys set. The edit is returned as a WriteAction, written by applyWrites together with the
 * generated files (all or nothing).
 */
import { parse } from 'smol-toml';
import { UserError } from '../core/errors.js';
import type { FileReader } from '../core/reader.js';
import { setTomlKeys, type TomlEntry, tomlValue } from './toml-edit.js';
import type { WriteAction } from './write-files.js';

export type { TomlEntry, TomlValue } from './toml-edit.js';

export type ConfigFileName = 'pyproject.toml' | 'pycrane.toml';

export interface ConfigEdit {
  /** The file and where its keys live (`['tool', 'pycrane']`, or `[]` in pycrane.toml). */
  readonly file: ConfigFileName;
  readonly table: readonly string[];
  /** The keys set, for init's list of actions. */
  readonly keys: readonly string[];
  readonly action: Extract<WriteAction, { kind: 'create' | 'update' }>;
}

/** Key order does not matter to TOML: compare documents as sorted JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

function withKeys(doc: Record<string, unknown>, table: readonly string[], entries: readonly TomlEntry[]): Record<string, unknown> {
  const root = structuredClone(doc);
  let node: Record<string, unknown> = root;
  for (const key of table) {
    const next = node[key];
    node[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  for (const e of entries) node[e.key] = Array.isArray(e.value) ? [...e.value] : e.value;
  return root;
}

function tryParse(text: string): Record<string, unknown> | undefined {
  try {
    return parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The edited text of `file` (`previous`, undefined when it does not exist yet), checked by
 * re-parsing. Throws a UserError naming the keys to set by hand when the file defines its
 * table in a form this editor does not change (dotted keys, an inline table).
 */
export function editConfigText(file: ConfigFileName, previous: string | undefined, entries: readonly TomlEntry[]): string {
  const table = file === 'pyproject.toml' ? ['tool', 'pycrane'] : [];
  const before = previous ?? '';
  const old = tryParse(before);
  const byHand = entries.map((e) => `${e.key} = ${tomlValue(e.value)}`).join(', ');
  const label = table.length > 0 ? `[tool.pycrane] of ${file}` : file;
  if (!old) {
    throw new UserError('E_CONFIG_EDIT', `cannot remember the answers in ${file}: it is not valid TOML`, { source: { file, line: 1 }, hint: `fix ${file}, then run init again` });
  }
  let text: string | undefined;
  try {
    text = setTomlKeys(before, table, entries);
  } catch {
    text = undefined;
  }
  const now = text === undefined ? undefined : tryParse(text);
  if (text === undefined || !now || JSON.stringify(canonical(now)) !== JSON.stringify(canonical(withKeys(old, table, entries)))) {
    throw new UserError('E_CONFIG_EDIT', `cannot remember the answers in ${label}: it defines the table in a form pycrane does not edit (dotted keys or an inline table)`, {
      source: { file, line: 1 },
      hint: `set them yourself in ${label}: ${byHand}`,
    });
  }
  return text;
}

/**
 * The write that remembers `entries` in the project's config file, or undefined when there
 * is nothing to remember. `configFile` is ProjectFacts.configFile; a project without
 * pyproject.toml keeps its settings in pycrane.toml.
 */
export async function rememberConfig(reader: FileReader, configFile: ConfigFileName, entries: readonly TomlEntry[]): Promise<ConfigEdit | undefined> {
  if (entries.length === 0) return undefined;
  const pyproject = configFile === 'pyproject.toml' ? await reader.read('pyproject.toml') : undefined;
  const file: ConfigFileName = pyproject === undefined ? 'pycrane.toml' : 'pyproject.toml';
  const previous = pyproject ?? (await reader.read('pycrane.toml'));
  const contents = editConfigText(file, previous, entries);
  const table = file === 'pyproject.toml' ? ['tool', 'pycrane'] : [];
  const action: ConfigEdit['action'] =
    previous === undefined ? { kind: 'create', file: { path: file, contents } } : { kind: 'update', file: { path: file, contents }, previous, owner: 'user' };
  return { file, table, keys: entries.map((e) => e.key), action };
}

/** `reader`, except that `edit`'s file reads as it will be once written (init plans with the answers before writing them). */
export function readerWith(reader: FileReader, edit: ConfigEdit | undefined): FileReader {
  if (!edit) return reader;
  const { path, contents } = edit.action.file;
  return {
    read: async (p) => (p === path ? contents : reader.read(p)),
    list: async (p) => {
      const names = await reader.list(p);
      return p === '.' || p === '' ? [...new Set([...names, path])].sort() : names;
    },
    isDirectory: (p) => reader.isDirectory(p),
  };
}
