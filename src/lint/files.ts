import { isMap, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { LineIndex, type Range } from '../dockerfile/text.js';
import { nestingDepth } from './nesting.js';
import type { TextFile } from './types.js';

export type PathSegment = string | number;

/** A parsed YAML or JSON(C) file with ranges for any path in it. */
export interface TreeFile {
  readonly path: string;
  readonly text: string;
  readonly index: LineIndex;
  /** The plain value (undefined when the file does not parse). */
  readonly value: unknown;
  readonly errors: readonly { readonly message: string; readonly range: Range }[];
  /** Range of the value (or key) at a path, e.g. `['services', 'app', 'volumes', 0]`. */
  rangeAt(path: readonly PathSegment[], part?: 'key' | 'value'): Range | undefined;
}

export interface IgnoreEntry {
  /** The pattern without a leading `!`, trimmed. */
  readonly pattern: string;
  readonly negated: boolean;
  readonly line: number;
  readonly range: Range;
}

export interface IgnoreFile {
  readonly path: string;
  readonly text: string;
  readonly index: LineIndex;
  readonly entries: readonly IgnoreEntry[];
}

/** Deeper than this, a compose or devcontainer file is not parsed (none is more than a dozen levels deep). */
export const MAX_NESTING = 100;

/** Syntax errors reported per file: the first ones, then one that counts the rest (a garbage file has tens of thousands). */
export const MAX_SYNTAX_ERRORS = 50;

/**
 * The yaml library makes an Error, with a stack trace, for each syntax error it finds; on a garbage file
 * (67,000 errors in 470 KB, found by the fuzzer) the traces cost more than the parse. They are never read.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function unparsed(file: TextFile, index: LineIndex, message: string, offset: number): TreeFile {
  const range = index.rangeOf(offset, offset + 1);
  return { path: file.path, text: file.text, index, value: undefined, errors: [{ message, range }], rangeAt: () => undefined };
}

/** A compose file or devcontainer.json longer than this is not parsed (real ones are a few KB; see MAX_DOCKERFILE_CHARS). */
export const MAX_TREE_FILE_CHARS = 256 * 1024;

function treeFile(file: TextFile, parsedText: string): TreeFile {
  const index = new LineIndex(file.text);
  if (parsedText.length > MAX_TREE_FILE_CHARS) {
    return unparsed(file, index, `${parsedText.length.toLocaleString('en-US')} characters, over the ${MAX_TREE_FILE_CHARS / 1024} KiB pycrane reads: not parsed`, 0);
  }
  // The yaml library recurses per level (a stack overflow near 2,000, seconds at 1,500 flow brackets).
  const depth = nestingDepth(parsedText, MAX_NESTING);
  const tooDeep = `collections nested more than ${MAX_NESTING} levels deep: not parsed`;
  if (depth.depth > MAX_NESTING) return unparsed(file, index, tooDeep, depth.offset);
  let doc: Document.Parsed;
  try {
    doc = withoutStackTraces(() => parseDocument(parsedText, { prettyErrors: false, uniqueKeys: false, merge: true }));
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return unparsed(file, index, `too deeply nested to parse (${e.message})`, depth.offset);
  }
  const errors = doc.errors.slice(0, MAX_SYNTAX_ERRORS).map((e) => ({ message: e.message.split('\n')[0] ?? e.message, range: index.rangeOf(e.pos[0], e.pos[1]) }));
  const more = doc.errors[MAX_SYNTAX_ERRORS];
  if (more) {
    const message = `${doc.errors.length - MAX_SYNTAX_ERRORS} more syntax errors from here on, not listed (fix the first ones: later errors often follow from them)`;
    errors.push({ message, range: index.rangeOf(more.pos[0], more.pos[1]) });
  }
  let value: unknown;
  try {
    value = errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 1000 });
  } catch {
    value = undefined;
  }
  const rangeAt = (path: readonly PathSegment[], part: 'key' | 'value' = 'value'): Range | undefined => {
    let node: unknown = doc.contents;
    let keyNode: Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => {
          const k = p.key as { value?: unknown } | null;
          return (k && typeof k === 'object' && 'value' in k ? k.value : k) === seg;
        });
        if (!pair) return undefined;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        keyNode = undefined;
      } else return undefined;
    }
    const target = (part === 'key' && keyNode ? keyNode : node) as Node | null | undefined;
    const r = target?.range;
    if (!r) return keyNode?.range ? index.rangeOf(keyNode.range[0], keyNode.range[1]) : undefined;
    return index.rangeOf(r[0], r[1]);
  };
  return { path: file.path, text: file.text, index, value, errors, rangeAt };
}

export function parseYamlFile(file: TextFile): TreeFile {
  return treeFile(file, file.text);
}

/** JSON with comments and trailing commas (devcontainer.json): blanked out, so offsets stay the same. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      const end = nl === -1 ? text.length : nl;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      out += text.slice(i, end).replace(/[^\n]/g, ' ');
      i = end;
    } else if (c === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      out += text[j] === '}' || text[j] === ']' ? ' ' : ',';
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export function parseJsoncFile(file: TextFile): TreeFile {
  // JSON is YAML 1.2; tabs are the only JSON whitespace YAML rejects in indentation.
  return treeFile(file, stripJsonc(file.text).replace(/\t/g, ' '));
}

/**
 * A .dockerignore longer than this is not read (real ones are a few KB). Matching is linear, and repeated
 * patterns count once, but 60,000 distinct patterns against one path is still work per path.
 */
export const MAX_IGNORE_FILE_CHARS = 256 * 1024;

export function parseIgnoreFile(file: TextFile): IgnoreFile {
  const index = new LineIndex(file.text);
  const entries: IgnoreEntry[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const raw = index.line(line);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const negated = trimmed.startsWith('!');
    const pattern = (negated ? trimmed.slice(1) : trimmed).trim();
    const startChar = raw.indexOf(trimmed);
    entries.push({ pattern, negated, line, range: { start: { line, character: startChar }, end: { line, character: startChar + trimmed.length } } });
  }
  return { path: file.path, text: file.text, index, entries };
}
