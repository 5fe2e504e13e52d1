import { parse, TomlError } from 'smol-toml';
import { UserError } from '../../core/errors.js';

/** A parsed TOML table (smol-toml's objects have a null prototype). */
export type TomlTable = Readonly<Record<string, unknown>>;

/**
 * Deepest nesting of arrays and inline tables accepted (said explicitly, not left to the library's default):
 * a deeper document is a syntax error with its location, so no walk over a value can run out of stack.
 */
export const MAX_TOML_DEPTH = 1000;

/**
 * Parses a TOML file; a syntax error becomes a UserError at `file:line:col`, e.g.
 * `pyproject.toml:3:1: invalid TOML: invalid value`.
 */
export function parseToml(text: string, file: string, options: { integersAsBigInt?: boolean } = {}): TomlTable {
  try {
    return options.integersAsBigInt ? parse(text, { integersAsBigInt: true, maxDepth: MAX_TOML_DEPTH }) : parse(text, { maxDepth: MAX_TOML_DEPTH });
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
