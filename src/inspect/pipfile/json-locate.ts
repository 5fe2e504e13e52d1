import type { SourceRef } from '../../core/location.js';
import { LineIndex } from '../../core/text.js';

/** A key path into a JSON document: object keys and array indexes, e.g. `['default', 'flask', 'version']`. */
export type JsonPath = readonly (string | number)[];

export interface JsonScan {
  /** The first syntax error (RFC 8259), with its 1-based line and column; undefined for valid JSON. */
  readonly error: { readonly message: string; readonly line: number; readonly column: number } | undefined;
  /** Where the member at `path` starts: its key for object members, its first character for array elements. */
  find(path: JsonPath): SourceRef | undefined;
}

const SEP = '\u0000';
const keyOf = (path: JsonPath): string => path.map(String).join(SEP);

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class JsonSyntax extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Validates JSON and records where each member starts. `JSON.parse` gives neither positions
 * of values nor, on Node 20, a position for every syntax error ("Unexpected token ']'"), so
 * this strict scanner does both in one pass; values still come from `JSON.parse`.
 */
export function scanJson(source: string, file: string): JsonScan {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const positions = new Map<string, SourceRef>();
  const lines = new LineIndex(text);
  const refAt = (offset: number): { line: number; column: number } => {
    const { line, column } = lines.refAt(file, offset);
    return { line, column: column ?? 1 };
  };

  let pos = 0;
  const peek = () => text[pos] ?? '';
  const fail = (message: string): never => {
    throw new JsonSyntax(message, pos);
  };
  const describe = () => (pos >= text.length ? 'unexpected end of JSON' : `unexpected ${JSON.stringify(peek())}`);
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(peek())) pos++;
  };
  const expect = (ch: string, what: string) => {
    if (peek() !== ch) fail(`${describe()}, expected ${what}`);
    pos++;
  };

  const readString = (): string => {
    const start = pos;
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const c = peek();
      if (c === '"') break;
      if (c < ' ') fail('control character in string');
      if (c === '\\') {
        pos++;
        const e = peek();
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 1, pos + 5))) fail('bad \\u escape in string');
          pos += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail('bad escape in string');
      }
      pos++;
    }
    pos++; // closing quote
    return JSON.parse(text.slice(start, pos)) as string;
  };
  const readNumber = () => {
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) fail(`${describe()}, expected a value`);
    pos += m?.[0].length ?? 0;
  };
  const readValue = (path: JsonPath, depth: number) => {
    if (depth > 500) fail('nesting too deep');
    skipSpace();
    const c = peek();
    if (c === '{') readObject(path, depth);
    else if (c === '[') readArray(path, depth);
    else if (c === '"') readString();
    else if (c === '-' || (c >= '0' && c <= '9')) readNumber();
    else {
      const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, pos));
      if (word === undefined) fail(`${describe()}, expected a value`);
      pos += word?.length ?? 0;
    }
  };
  const readObject = (path: JsonPath, depth: number) => {
    pos++; // {
    skipSpace();
    if (peek() === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (peek() !== '"') fail(`${describe()}, expected a property name in double quotes`);
      const at = refAt(pos);
      const key = readString();
      const member = [...path, key];
      if (!positions.has(keyOf(member))) positions.set(keyOf(member), { file, ...at });
      skipSpace();
      expect(':', "':' after the property name");
      readValue(member, depth + 1);
      skipSpace();
      if (peek() === ',') {
        pos++;
        continue;
      }
      expect('}', "',' or '}'");
      return;
    }
  };
  const readArray = (path: JsonPath, depth: number) => {
    pos++; // [
    skipSpace();
    if (peek() === ']') {
      pos++;
      return;
    }
    for (let i = 0; ; i++) {
      skipSpace();
      positions.set(keyOf([...path, i]), { file, ...refAt(pos) });
      readValue([...path, i], depth + 1);
      skipSpace();
      if (peek() === ',') {
        pos++;
        continue;
      }
      expect(']', "',' or ']'");
      return;
    }
  };

  let error: JsonScan['error'];
  try {
    readValue([], 0);
    skipSpace();
    if (pos < text.length) fail(`${describe()} after the JSON value`);
  } catch (e) {
    if (!(e instanceof JsonSyntax)) throw e;
    error = { message: e.message, ...refAt(e.offset) };
  }
  return { error, find: (path) => positions.get(keyOf(path)) };
}
