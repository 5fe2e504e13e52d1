import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { SourceRef } from '../../core/location.js';
import { LineIndex } from '../../core/text.js';

/**
 * The text of a setup.py as the parser saw it, with positions turned into 1-based lines and
 * columns. Python reads source with universal newlines, so CRLF and CR become LF first; that
 * keeps every line number and column of the original file.
 */
export class SourceText {
  readonly text: string;
  private readonly lines: LineIndex;

  constructor(
    raw: string,
    readonly file: string,
  ) {
    const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    this.text = noBom.replace(/\r\n?/g, '\n');
    this.lines = new LineIndex(this.text);
  }

  line(pos: number): number {
    return this.lines.positionAt(pos).line + 1;
  }

  ref(pos: number): SourceRef {
    return this.lines.refAt(this.file, pos);
  }

  slice(node: SyntaxNode): string {
    return this.text.slice(node.from, node.to);
  }
}

const strictParser = parser.configure({ strict: true });

/**
 * A file with a syntax error larger than this is not parsed past the error. The parser's error
 * recovery, which reads on after a mistake, costs up to ~16 µs a character on garbage (found by the
 * fuzzer: a 200 KB setup.py took 1.7 s to recover) where a strict parse of valid code takes ~0.3 µs.
 */
export const MAX_RECOVERED_CHARS = 32 * 1024;

export type ParsedPython = { readonly tree: Tree; readonly errorAt?: number } | { readonly tree: undefined; readonly errorAt: number };

/**
 * Parses Python source: strictly first (linear, stops at the first syntax error), and, when there is an
 * error and the text is at most MAX_RECOVERED_CHARS, again with error recovery so the code around
 * the mistake is still read. `errorAt` is the offset of the first syntax error.
 */
export function parsePython(text: string): ParsedPython {
  try {
    return { tree: strictParser.parse(text) };
  } catch (error) {
    const at = error instanceof SyntaxError ? /^No parse at (\d+)$/.exec(error.message) : null;
    if (!at) throw error;
    const errorAt = Number(at[1]);
    return text.length <= MAX_RECOVERED_CHARS ? { tree: parser.parse(text), errorAt } : { tree: undefined, errorAt };
  }
}

/** The children of a node that carry meaning: comments are dropped. */
export function childNodes(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.name !== 'Comment') out.push(child);
  return out;
}

/**
 * The items of a bracketed node (argument list, list, tuple, dict), split at its top-level
 * commas. The parser keeps the punctuation as flat siblings, so `f(a, k=1, **kw)` gives
 * `[[a], [k, =, 1], [**, kw]]`.
 */
export function bracketItems(node: SyntaxNode): SyntaxNode[][] {
  const children = childNodes(node);
  const open = children[0]?.name;
  const inner = open === '(' || open === '[' || open === '{' ? children.slice(1) : children;
  const last = inner[inner.length - 1]?.name;
  const body = last === ')' || last === ']' || last === '}' ? inner.slice(0, -1) : inner;
  const items: SyntaxNode[][] = [];
  let current: SyntaxNode[] = [];
  for (const child of body) {
    if (child.name === ',') {
      if (current.length > 0) items.push(current);
      current = [];
    } else current.push(child);
  }
  if (current.length > 0) items.push(current);
  return items;
}

/** A short rendering of an expression for messages: arguments and subscripts become `…`. */
export function describeExpression(node: SyntaxNode, src: SourceText): string {
  const text = render(node, src, 0);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function render(node: SyntaxNode, src: SourceText, depth: number): string {
  if (depth > 8) return '…';
  const children = childNodes(node);
  switch (node.name) {
    case 'CallExpression': {
      const callee = children[0];
      const args = children[1];
      const items = args ? bracketItems(args) : [];
      // Short literal arguments say what is read (`get_version("src/pip/__init__.py")`); others become `…`.
      const literal = items.every((item) => item.length === 1 && (item[0]?.name === 'String' || item[0]?.name === 'Number'));
      const shown = items.map((item) => (item[0] ? src.slice(item[0]) : '')).join(', ');
      const inside = items.length === 0 ? '' : literal && shown.length <= 40 ? shown : '…';
      return `${callee ? render(callee, src, depth + 1) : '…'}(${inside})`;
    }
    case 'MemberExpression': {
      const object = children[0];
      const head = object ? render(object, src, depth + 1) : '…';
      if (children[1]?.name === '[') {
        const index = children[2];
        const simple = index && (index.name === 'String' || index.name === 'Number') && index.to - index.from <= 30;
        return `${head}[${simple ? src.slice(index) : '…'}]`;
      }
      const property = children[children.length - 1];
      return `${head}.${property ? src.slice(property) : '…'}`;
    }
    case 'String':
    case 'FormatString':
    case 'ContinuedString': {
      const text = src.slice(node).replace(/\s+/g, ' ');
      return text.length > 24 ? `${text.slice(0, 20)}…${text.slice(-1)}` : text;
    }
    default: {
      const text = src.slice(node).replace(/\s+/g, ' ');
      return text.length > 40 ? `${text.slice(0, 39)}…` : text;
    }
  }
}

/** The source of a node with runs of whitespace collapsed, cut at 80 characters. */
export function collapsedSource(node: SyntaxNode, src: SourceText): string {
  const text = src.slice(node).replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export type StringLiteral =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'invalid'; readonly why: string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * The value of one Python string token (prefix, quotes, escapes), as Python computes it.
 * The parser has already found the token; this only decodes it.
 */
export function decodeStringLiteral(token: string): StringLiteral {
  let p = 0;
  while (p < token.length && /[rRbBuUfF]/.test(token.charAt(p))) p++;
  const prefix = token.slice(0, p).toLowerCase();
  const quote = token.startsWith("'''", p) || token.startsWith('"""', p) ? token.slice(p, p + 3) : token.charAt(p);
  if (quote !== "'" && quote !== '"' && quote !== "'''" && quote !== '"""') return { kind: 'invalid', why: 'not a string' };
  if (token.length < p + 2 * quote.length || !token.endsWith(quote)) return { kind: 'invalid', why: 'an unterminated string' };
  if (prefix.includes('b')) return { kind: 'bytes' };
  const body = token.slice(p + quote.length, token.length - quote.length);
  const decoded = prefix.includes('r') ? body : unescape(body);
  if (decoded === undefined) return { kind: 'invalid', why: 'a string with an escape pycrane does not decode' };
  return { kind: 'str', value: prefix.includes('f') ? decoded.replace(/\{\{/g, '{').replace(/\}\}/g, '}') : decoded };
}

function unescape(body: string): string | undefined {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const slash = body.indexOf('\\', i);
    if (slash < 0) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, slash);
    const c = body.charAt(slash + 1);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      i = slash + 2;
    } else if (c >= '0' && c <= '7') {
      let j = slash + 1;
      while (j < body.length && j < slash + 4 && body.charAt(j) >= '0' && body.charAt(j) <= '7') j++;
      out += String.fromCodePoint(parseInt(body.slice(slash + 1, j), 8));
      i = j;
    } else if (c === 'x' || c === 'u' || c === 'U') {
      const width = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = body.slice(slash + 2, slash + 2 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i = slash + 2 + width;
    } else if (c === 'N') {
      return undefined;
    } else {
      out += '\\';
      i = slash + 1;
    }
  }
  return out;
}

/** The name a call is made through: `setup` for `setup(...)`, `setuptools.setup` for a member call. */
export function dottedName(node: SyntaxNode, src: SourceText): string | undefined {
  const parts: string[] = [];
  let current: SyntaxNode | null = node;
  for (let guard = 0; current && guard < 16; guard++) {
    if (current.name === 'VariableName') {
      parts.unshift(src.slice(current));
      return parts.join('.');
    }
    if (current.name !== 'MemberExpression') return undefined;
    const children = childNodes(current);
    const property = children[children.length - 1];
    if (children[1]?.name !== '.' || property?.name !== 'PropertyName') return undefined;
    parts.unshift(src.slice(property));
    current = children[0] ?? null;
  }
  return undefined;
}
