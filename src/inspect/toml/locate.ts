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

/** Deepest value the locator records (the parser refuses deeper documents); below it values are skipped. */
const MAX_DEPTH = MAX_TOML_DEPTH;

/**
 * One path of the document in a trie: sharing prefixes keeps a dotted key of n segments O(n) to record and
 * look up (a map keyed by whole paths costs O(n²) for `a.a.a…`). Segments are keyed by `String(segment)`.
 */
interface PathNode {
  readonly depth: number;
  readonly children: Map<string, PathNode>;
  /** Where the path is defined (implicit parents: their first mention). */
  ref?: SourceRef;
  /** For an array of tables: how many elements it has so far. */
  arrayCount?: number;
}

const newNode = (depth: number): PathNode => ({ depth, children: new Map() });
const childOf = (node: PathNode, segment: string | number): PathNode => {
  const key = String(segment);
  let child = node.children.get(key);
  if (!child) {
    child = newNode(node.depth + 1);
    node.children.set(key, child);
  }
  return child;
};

export function locateToml(source: string, file: string): TomlLocator {
  // A byte order mark is not a column.
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const root = newNode(0);
  const lines = new LineIndex(text);
  /**
   * The node under `base` at `segments`, every node on the way that has no position yet getting the one at
   * `offset`: implicit parents (dotted keys, sub-table headers) point at their first mention.
   */
  const record = (base: PathNode, segments: readonly (string | number)[], offset: number): PathNode => {
    let node = base;
    for (const segment of segments) node = recordChild(node, segment, offset);
    return node;
  };
  const recordChild = (node: PathNode, segment: string | number, offset: number): PathNode => {
    const child = childOf(node, segment);
    child.ref ??= lines.refAt(file, offset);
    return child;
  };

  /**
   * Records the table header at `offset` with keys `keys`, going into the current (last) element of
   * enclosing arrays of tables, and returns the table's node.
   */
  const recordHeader = (keys: readonly string[], offset: number): PathNode => {
    let node = root;
    for (const key of keys) {
      node = recordChild(node, key, offset);
      if (node.arrayCount !== undefined) node = recordChild(node, node.arrayCount - 1, offset);
    }
    return node;
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
  const readValue = (node: PathNode) => {
    skipSpaces();
    const c = peek();
    if (c === '"' || c === "'") readString();
    else if ((c === '[' || c === '{') && node.depth > MAX_DEPTH) skipNested();
    else if (c === '[') readArray(node);
    else if (c === '{') readInlineTable(node);
    else skipScalar();
  };
  const readArray = (node: PathNode) => {
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
      readValue(recordChild(node, index, pos));
      index++;
      if (pos === before) pos++; // never loop on unexpected text
    }
  };
  const readInlineTable = (node: PathNode) => {
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
      readKeyValue(node);
      if (pos === before) pos++;
    }
  };
  const readKeyValue = (table: PathNode) => {
    const start = pos;
    const key = readKey();
    if (key.length === 0) return;
    const node = record(table, key, start);
    skipSpaces();
    if (peek() === '=') pos++;
    readValue(node);
  };

  let table = root;
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
        const base = recordChild(recordHeader(keys.slice(0, -1), start), keys[keys.length - 1] ?? '', start);
        base.arrayCount = (base.arrayCount ?? 0) + 1;
        table = recordChild(base, base.arrayCount - 1, start);
      } else {
        table = recordHeader(keys, start);
      }
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
    find: (path) => {
      let node: PathNode | undefined = root;
      for (const segment of path) node = node?.children.get(String(segment));
      return node?.ref;
    },
    near: (path) => {
      let node: PathNode | undefined = root;
      let ref: SourceRef | undefined;
      for (const segment of path) {
        node = node.children.get(String(segment));
        if (!node) break;
        ref = node.ref ?? ref;
      }
      return ref;
    },
  };
}
