import { parse, TomlError } from 'smol-toml';
import { UserError } from '../../core/errors.js';

/** A parsed TOML table (smol-toml's objects have a null prototype). */
export type TomlTable = Readonly<Record<string, unknown>>;

/**
 * Parses a TOML file; a syntax error becomes a UserError at `file:line:col`, e.g.
 * `pyproject.toml:3:1: invalid TOML: invalid value`.
 */
export function parseToml(text: string, file: string, options: { integersAsBigInt?: boolean } = {}): TomlTable {
  try {
    return options.integersAsBigInt ? parse(text, { integersAsBigInt: true }) : parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
      throw new UserError('E_TOML_SYNTAX', `invalid TOML: ${reason}`, {
        source: { file, line: error.line, column: error.column },
        hint: `fix the syntax of ${file}`,
        cause: error,
      });
    }
    throw error;
  }
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function tableAt(value: unknown, ...keys: readonly string[]): TomlTable | undefined {
  let current: unknown = value;
  for (const key of keys) {
    if (!isTable(current)) return undefined;
    current = current[key];
  }
  return isTable(current) ? current : undefined;
}

export function stringAt(table: TomlTable | undefined, key: string): string | undefined {
  const value = table?.[key];
  return typeof value === 'string' ? value : undefined;
}
