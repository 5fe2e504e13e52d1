/**
 * Sets keys of one table of a TOML document by editing its text, so that everything else
 * (comments, key order, blank lines, quoting, line endings) stays byte for byte as it was.
 * smol-toml can parse but not re-emit a document as written, so this scanner walks the
 * top-level statements (table headers and key/value pairs, with where each value starts and
 * ends) of a document that already parsed, and the edit replaces one value or inserts a line.
 */

/** A value pycrane writes: the types of the `[tool.pycrane]` keys init remembers. */
export type TomlValue = string | number | boolean | readonly string[];

export interface TomlEntry {
  readonly key: string;
  readonly value: TomlValue;
}

interface Header {
  readonly kind: 'header';
  readonly keys: readonly string[];
  readonly array: boolean;
  /** Offset of the `[` and just after the line's end (its newline included). */
  readonly start: number;
  readonly lineEnd: number;
}

interface Pair {
  readonly kind: 'pair';
  readonly keys: readonly string[];
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly lineEnd: number;
}

type Statement = Header | Pair;

const BARE_KEY = /[A-Za-z0-9_-]/;

/** The statements of a document that parses as TOML (the scanner is lenient, not a validator). */
export function tomlStatements(text: string): Statement[] {
  let pos = text.startsWith('\uFEFF') ? 1 : 0;
  const at = (n = 0) => text[pos + n] ?? '';
  const out: Statement[] = [];
  const skipSpaces = () => {
    while (at() === ' ' || at() === '\t') pos++;
  };
  const skipComment = () => {
    if (at() === '#') while (pos < text.length && at() !== '\n') pos++;
  };
  const skipBlank = () => {
    for (;;) {
      const c = at();
      if (c === ' ' || c === '\t' || c === '\r' || c === '\n') pos++;
      else if (c === '#') skipComment();
      else return;
    }
  };
  const lineEnd = () => {
    skipSpaces();
    skipComment();
    while (pos < text.length && at() !== '\n') pos++;
    if (at() === '\n') pos++;
    return pos;
  };
  /** Skips a string at pos and returns its value (escapes are decoded only as far as keys need). */
  const readString = (): string => {
    const quote = at();
    const multi = text.startsWith(quote.repeat(3), pos);
    const literal = quote === "'";
    const open = pos;
    pos += multi ? 3 : 1;
    while (pos < text.length) {
      if (multi ? text.startsWith(quote.repeat(3), pos) : at() === quote) break;
      if (!literal && at() === '\\') pos++;
      pos++;
    }
    pos += multi ? 3 : 1;
    // A multi-line string may end with up to two more quotes.
    if (multi) while (at() === quote) pos++;
    const raw = text.slice(open, pos);
    if (literal) return raw.slice(multi ? 3 : 1, multi ? -3 : -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  };
  const readKeys = (): string[] => {
    const keys: string[] = [];
    for (;;) {
      skipSpaces();
      if (at() === '"' || at() === "'") keys.push(readString());
      else {
        const start = pos;
        while (BARE_KEY.test(at())) pos++;
        keys.push(text.slice(start, pos));
      }
      skipSpaces();
      if (at() !== '.') return keys;
      pos++;
    }
  };
  const skipValue = () => {
    const c = at();
    if (c === '"' || c === "'") {
      readString();
      return;
    }
    if (c === '[' || c === '{') {
      const close = c === '[' ? ']' : '}';
      pos++;
      for (;;) {
        skipBlank();
        if (pos >= text.length) return;
        if (at() === close) {
          pos++;
          return;
        }
        if (at() === ',') {
          pos++;
          continue;
        }
        if (c === '{') {
          readKeys();
          skipSpaces();
          if (at() === '=') pos++;
          skipSpaces();
        }
        skipValue();
      }
    }
    // A number, boolean or date: up to the next delimiter.
    while (pos < text.length && !/[\s,\]}#]/.test(at())) pos++;
    // Dates may hold one space between the day and the time.
    if (at() === ' ' && /^\d{4}-\d\d-\d\d$/.test(text.slice(pos - 10, pos)) && /\d/.test(text[pos + 1] ?? '')) {
      pos++;
      while (pos < text.length && !/[\s,\]}#]/.test(at())) pos++;
    }
  };

  for (;;) {
    skipBlank();
    if (pos >= text.length) return out;
    if (at() === '[') {
      const start = pos;
      const array = at(1) === '[';
      pos += array ? 2 : 1;
      const keys = readKeys();
      pos += array ? 2 : 1;
      out.push({ kind: 'header', keys, array, start, lineEnd: lineEnd() });
      continue;
    }
    const keys = readKeys();
    skipSpaces();
    if (at() !== '=') throw new Error(`not TOML at offset ${pos}`);
    pos++;
    skipSpaces();
    const valueStart = pos;
    skipValue();
    const valueEnd = pos;
    out.push({ kind: 'pair', keys, valueStart, valueEnd, lineEnd: lineEnd() });
  }
}

/** A key as TOML writes it: bare when it can be. */
function tomlKey(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : tomlString(key);
}

/** A basic string: JSON's escapes are TOML's, except that TOML also escapes DEL. */
function tomlString(value: string): string {
  return JSON.stringify(value).replace(/\x7f/g, '\\u007f');
}

export function tomlValue(value: TomlValue): string {
  if (typeof value === 'string') return tomlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `[${value.map(tomlString).join(', ')}]`;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((k, i) => k === b[i]);

/**
 * The text with each entry set in `table` (`['tool', 'pycrane']`; `[]` for the top level):
 * an existing `key = value` gets its value replaced where it stands, a new key goes on its
 * own line after the table's last key, and a missing table is appended at the end. Keys the
 * table defines in dotted or inline form elsewhere are not found here: the caller re-parses
 * the result to be sure it says what was meant.
 */
export function setTomlKeys(text: string, table: readonly string[], entries: readonly TomlEntry[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const statements = tomlStatements(text);
  const line = (e: TomlEntry) => `${tomlKey(e.key)} = ${tomlValue(e.value)}${eol}`;

  // The section of the table: its header (none for the top level) and its pairs.
  let current: readonly string[] = [];
  let header: Header | undefined;
  let firstHeader: Header | undefined;
  const pairs: Pair[] = [];
  for (const s of statements) {
    if (s.kind === 'header') {
      firstHeader ??= s;
      current = s.array ? ['\u0000'] : s.keys;
      if (!s.array && sameKeys(s.keys, table)) header = s;
    } else if (sameKeys(current, table)) pairs.push(s);
  }

  const edits: { start: number; end: number; text: string }[] = [];
  const added: TomlEntry[] = [];
  for (const entry of entries) {
    const pair = pairs.find((p) => sameKeys(p.keys, [entry.key]));
    if (pair) edits.push({ start: pair.valueStart, end: pair.valueEnd, text: tomlValue(entry.value) });
    else added.push(entry);
  }
  if (added.length > 0) {
    const block = added.map(line).join('');
    const last = pairs[pairs.length - 1];
    if (table.length > 0 && !header) {
      const sep = text.length === 0 ? '' : text.endsWith('\n') ? eol : `${eol}${eol}`;
      const name = table.map(tomlKey).join('.');
      edits.push({ start: text.length, end: text.length, text: `${sep}[${name}]${eol}${block}` });
    } else {
      const offset = last ? last.lineEnd : header ? header.lineEnd : (firstHeader?.start ?? text.length);
      const needsBreak = offset > 0 && text[offset - 1] !== '\n';
      // At the top level, a blank line keeps the new keys apart from the first table.
      const gap = !last && !header && firstHeader ? eol : '';
      edits.push({ start: offset, end: offset, text: `${needsBreak ? eol : ''}${block}${gap}` });
    }
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
