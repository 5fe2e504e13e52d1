import type { SyntaxNode } from '@lezer/common';
import { childNodes } from '../setup-py/syntax.js';
import { callArgs, callAt, type PyCall, type PyModule, stringValue } from './python.js';

/** An environment variable the code reads, with the default it falls back to when that is a string. */
export interface EnvRead {
  readonly name: string;
  readonly file: string;
  readonly line: number;
  readonly default: string | undefined;
}

const OS_READERS = new Set(['os.environ.get', 'os.getenv', 'os.environ.setdefault', 'os.environ.pop']);
/** django-environ / environs readers that take the variable's name first (`env.db("DATABASE_URL")`). */
const ENV_METHODS = /^(?:str|bool|int|float|list|tuple|dict|json|url|path|db|db_url|cache|cache_url|email|email_url|search_url|decimal)$/;
/** What `env.db()` and friends read without a name. */
const DEFAULT_NAMES: Readonly<Record<string, string>> = { db: 'DATABASE_URL', db_url: 'DATABASE_URL', cache: 'CACHE_URL', cache_url: 'CACHE_URL', email: 'EMAIL_URL', email_url: 'EMAIL_URL' };
const DJ_DATABASE_URL = new Set(['dj_database_url.config']);

/** Local names that stand for a django-environ/environs reader: `env = environ.Env()`, `from config.settings import env`. */
function envReaders(mod: PyModule): Set<string> {
  const names = new Set<string>();
  for (const a of mod.assigns) {
    if (a.fn !== undefined || a.value.name !== 'CallExpression') continue;
    const call = callAt(mod, a.value);
    if (call?.callee && /(?:^|\.)Env$/.test(call.callee)) names.add(a.target);
  }
  for (const [local, origin] of mod.imports) if (local === 'env' && origin.endsWith('.env')) names.add(local);
  return names;
}

/** The environment read of one expression (`os.environ["X"]`, `os.getenv("X", "d")`, `env.db()`, `config("X")`). */
export function envReadOf(node: SyntaxNode, mod: PyModule, readers = envReaders(mod)): EnvRead | undefined {
  const src = mod.src;
  if (node.name === 'MemberExpression') {
    const children = childNodes(node);
    if (children[1]?.name !== '[' || !children[0]) return undefined;
    const object = src.slice(children[0]).replace(/\s+/g, '');
    const resolved = object === 'environ' && mod.imports.get('environ') === 'os.environ' ? 'os.environ' : object;
    const name = stringValue(children[2], src);
    return resolved === 'os.environ' && name !== undefined ? { name, file: mod.file, line: src.line(node.from), default: undefined } : undefined;
  }
  if (node.name !== 'CallExpression') return undefined;
  const call = callAt(mod, node);
  return call ? envReadOfCall(call, mod, readers) : undefined;
}

function envReadOfCall(call: PyCall, mod: PyModule, readers: ReadonlySet<string>): EnvRead | undefined {
  const { callee, written } = call;
  if (callee === undefined || written === undefined) return undefined;
  const { positional, keywords } = callArgs(call.args, mod.src);
  const at = (name: string | undefined, fallback: SyntaxNode | undefined): EnvRead | undefined =>
    name === undefined ? undefined : { name, file: mod.file, line: call.line, default: stringValue(fallback, mod.src) };
  if (OS_READERS.has(callee)) return at(stringValue(positional[0], mod.src), positional[1] ?? keywords.get('default'));
  if (callee === 'decouple.config' || callee === 'decouple.AutoConfig') return at(stringValue(positional[0], mod.src), keywords.get('default') ?? positional[1]);
  if (DJ_DATABASE_URL.has(callee)) return at(stringValue(keywords.get('env'), mod.src) ?? 'DATABASE_URL', keywords.get('default'));
  const [head, method, ...rest] = written.split('.');
  if (head === undefined || !readers.has(head) || rest.length > 0) return undefined;
  if (method === undefined) return at(stringValue(positional[0], mod.src), keywords.get('default') ?? positional[1]);
  if (!ENV_METHODS.test(method)) return undefined;
  return at(stringValue(positional[0], mod.src) ?? DEFAULT_NAMES[method], keywords.get('default') ?? positional[1]);
}

/**
 * Every environment variable a module reads, in file order: `os.environ[...]`,
 * `os.environ.get`, `os.getenv`, django-environ's `env(...)`/`env.db(...)`, python-decouple's
 * `config(...)`, dj-database-url's `config()`, and the fields of pydantic `BaseSettings` classes.
 */
export function envReads(mod: PyModule): EnvRead[] {
  const readers = envReaders(mod);
  const out: EnvRead[] = [];
  for (const call of mod.calls) {
    const read = envReadOfCall(call, mod, readers);
    if (read) out.push(read);
  }
  const subscript = /\benviron\s*\[\s*(["'])(\w+)\1\s*\]/g;
  const { text } = mod.src;
  // The first `#` of a match's line, found once per line: scanning from the line's start for
  // each match was quadratic on a long line of `os.environ["A"]`s.
  let lineEnd = -1;
  let hash = -1;
  for (let m = subscript.exec(text); m; m = subscript.exec(text)) {
    if (m.index > lineEnd) {
      const lineStart = text.lastIndexOf('\n', m.index) + 1;
      lineEnd = text.indexOf('\n', m.index);
      if (lineEnd < 0) lineEnd = text.length;
      const at = text.slice(lineStart, lineEnd).indexOf('#');
      hash = at < 0 ? Infinity : lineStart + at;
    }
    if (hash < m.index) continue;
    out.push({ name: m[2] as string, file: mod.file, line: mod.src.line(m.index), default: undefined });
  }
  for (const cls of mod.classes) {
    if (!cls.bases.some((b) => /(?:^|\.)BaseSettings$/.test(b))) continue;
    for (const field of cls.fields) {
      if (field.name === 'model_config' || field.name.startsWith('_')) continue;
      out.push({ name: field.name.toUpperCase(), file: mod.file, line: field.line, default: undefined });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** Names in first-read order, without repeats. */
export function uniqueNames(reads: readonly EnvRead[]): string[] {
  return [...new Set(reads.map((r) => r.name))];
}
