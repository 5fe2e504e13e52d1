import type { SourceRef } from '../../core/location.js';
import { LineIndex } from '../../core/text.js';
import { MAX_TOML_DEPTH } from './parse.js';

/** A key path into a TOML document: table keys and array indexes, e.g. `['tool', 'poetry', 'source', 0, 'url']`. */
export type TomlPath = readonly (string | number)[];

/**
 * Where things are in a TOML file. smol-toml gives values without positions, so this
 * scanner walks the text once and records where each key, table header and array element
 * starts. It assumes the text already parsed (it is lenient, not a validator).
 */
export interface TomlLocator {
  /** Where the value at `path` is defined: its key, its table header, or its array element. */
  find(path: TomlPath): SourceRef | undefined;
  /** `find(path)`, else the nearest ancestor that has a position. */
  near(path: TomlPath): SourceRef | undefined;
}

const SEP = '\u0000';
/** Deepest value the locator records (the parser refuses deeper documents); below it values are skipped. */
const MAX_DEPTH = MAX_TOML_DEPTH;
const keyOf = (path: TomlPath): string => path.map(String).join(SEP);

export function locateToml(source: string, file: string): TomlLocator {
  // A byte order mark is not a column.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const positions = new Map<string, SourceRef>();
  const lines = new LineIndex(text);
  const refAt = (offset: number): SourceRef => lines.refAt(file, offset);
  const record = (path: TomlPath, offset: number) => {
    // Implicit parents (dotted keys, sub-table headers) point at their first mention. A recorded path has
    // all its parents recorded, so the walk up stops at the first known one: O(depth), not O(depth²).
    let ref: SourceRef | undefined;
    for (let n = path.length; n >= 1; n--) {
      const k = keyOf(n === path.length ? path : path.slice(0, n));
      if (positions.has(k)) return;
      ref ??= refAt(offset);
      positions.set(k, ref);
    }
  };

  // Arrays of tables: how many elements each has so far, by resolved path.
  const arrayTableCounts = new Map<string, number>();
  /** Turns header keys into a path, inserting the current index of enclosing arrays of tables. */
  const resolveHeader = (keys: readonly string[]): (string | number)[] => {
    const out: (string | number)[] = [];
    for (const key of keys) {
      out.push(key);
      const count = arrayTableCounts.get(keyOf(out));
      if (count !== undefined) out.push(count - 1);
    }
    return out;
  };

  let pos = 0;
  const peek = (n = 0) => text[pos + n] ?? '';
  const skipSpaces = () => {
    while (peek() === ' ' || peek() === '\t') pos++;
  };
  const skipComment = () => {
    if (peek() === '#') while (pos < text.length && peek() !== '\n') pos++;
  };
  /** Whitespace, newlines and comments (inside arrays and between values). */
  const skipBlank = () => {
    for (;;) {
      const c = peek();
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') pos++;
      else if (c === '#') skipComment();
      else return;
    }
  };
  const readString = (): string => {
    const quote = peek();
    const multi = text.startsWith(quote.repeat(3), pos);
    const literal = quote === "'";
    pos += multi ? 3 : 1;
    let out = '';
    while (pos < text.length) {
      const c = peek();
      if (multi && text.startsWith(quote.repeat(3), pos)) {
        pos += 3;
        // A multi-line string may end with up to two more quotes.
        while (peek() === quote) {
          out += quote;
          pos++;
        }
        return out;
      }
      if (!multi && (c === quote || c === '\n')) {
        pos++;
        return out;
      }
      if (c === '\\' && !literal) {
        out += decodeEscape();
        continue;
      }
      out += c;
      pos++;
    }
    return out;
  };
  const decodeEscape = (): string => {
    const c = peek(1);
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\u001b', '"': '"', '\\': '\\' };
    if (c in simple) {
      pos += 2;
      return simple[c] ?? '';
    }
    const width = c === 'u' ? 4 : c === 'U' ? 8 : c === 'x' ? 2 : 0;
    if (width > 0) {
      const hex = text.slice(pos + 2, pos + 2 + width);
      pos += 2 + width;
      const code = Number.parseInt(hex, 16);
      return Number.isFinite(code) ? String.fromCodePoint(code) : '';
    }
    // Line-ending backslash in a multi-line basic string: skip the newline and indentation.
    pos++;
    while (/\s/.test(peek())) pos++;
    return '';
  };
  /** A dotted key: bare, "basic" or 'literal' parts separated by dots. */
  const readKey = (): string[] => {
    const parts: string[] = [];
    for (;;) {
      skipSpaces();
      const c = peek();
      if (c === '"' || c === "'") parts.push(readString());
      else {
        const start = pos;
        while (/[A-Za-z0-9_-]/.test(peek())) pos++;
        if (pos === start) break;
        parts.push(text.slice(start, pos));
      }
      skipSpaces();
      if (peek() === '.') pos++;
      else break;
    }
    return parts;
  };
  const skipScalar = () => {
    while (pos < text.length && !/[,\]}\n#]/.test(peek())) pos++;
  };
  /** Past a nested array or inline table without recording anything inside it (iterative: any depth). */
  const skipNested = () => {
    let depth = 0;
    while (pos < text.length) {
      const c = peek();
      if (c === '"' || c === "'") {
        readString();
        continue;
      }
      if (c === '#') {
        skipComment();
        continue;
      }
      pos++;
      if (c === '[' || c === '{') depth++;
      else if ((c === ']' || c === '}') && --depth === 0) return;
    }
  };
  const readValue = (path: TomlPath) => {
    skipSpaces();
    const c = peek();
    if (c === '"' || c === "'") readString();
    else if ((c === '[' || c === '{') && path.length > MAX_DEPTH) skipNested();
    else if (c === '[') readArray(path);
    else if (c === '{') readInlineTable(path);
    else skipScalar();
  };
  const readArray = (path: TomlPath) => {
    pos++; // [
    let index = 0;
    for (;;) {
      skipBlank();
      if (pos >= text.length) return;
      if (peek() === ']') {
        pos++;
        return;
      }
      if (peek() === ',') {
        pos++;
        continue;
      }
      const before = pos;
      record([...path, index], pos);
      readValue([...path, index]);
      index++;
      if (pos === before) pos++; // never loop on unexpected text
    }
  };
  const readInlineTable = (path: TomlPath) => {
    pos++; // {
    for (;;) {
      skipBlank();
      if (pos >= text.length) return;
      if (peek() === '}') {
        pos++;
        return;
      }
      if (peek() === ',') {
        pos++;
        continue;
      }
      const before = pos;
      readKeyValue(path);
      if (pos === before) pos++;
    }
  };
  const readKeyValue = (table: TomlPath) => {
    const start = pos;
    const key = readKey();
    if (key.length === 0) return;
    const path = [...table, ...key];
    record(path, start);
    skipSpaces();
    if (peek() === '=') pos++;
    readValue(path);
  };

  let table: TomlPath = [];
  while (pos < text.length) {
    skipBlank();
    if (pos >= text.length) break;
    const start = pos;
    if (peek() === '[') {
      const isArray = peek(1) === '[';
      pos += isArray ? 2 : 1;
      const keys = readKey();
      pos += isArray ? 2 : 1;
      if (isArray) {
        const parent = resolveHeader(keys.slice(0, -1));
        const base = [...parent, keys[keys.length - 1] ?? ''];
        const count = (arrayTableCounts.get(keyOf(base)) ?? 0) + 1;
        arrayTableCounts.set(keyOf(base), count);
        table = [...base, count - 1];
      } else {
        table = resolveHeader(keys);
      }
      record(table, start);
    } else {
      const before = pos;
      readKeyValue(table);
      if (pos === before) pos++;
    }
    // Rest of the line (comment).
    skipSpaces();
    skipComment();
  }

  return {
    find: (path) => positions.get(keyOf(path)),
    near: (path) => {
      for (let n = path.length; n > 0; n--) {
        const ref = positions.get(keyOf(path.slice(0, n)));
        if (ref) return ref;
      }
      return undefined;
    },
  };
}
