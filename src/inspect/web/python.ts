import { type SyntaxNode, Tree } from '@lezer/common';
import type { SourceRef } from '../../core/location.js';
import { bracketItems, childNodes, decodeStringLiteral, dottedName, parsePython, SourceText } from '../setup-py/syntax.js';

/** `name = value` (or `a.b = value`), anywhere but inside a class body. */
export interface PyAssign {
  /** The target as written: `app`, `app.conf.broker_url`. */
  readonly target: string;
  readonly value: SyntaxNode;
  readonly line: number;
  /** The top-level function it is in (`create_app`), undefined at module level. */
  readonly fn: string | undefined;
}

export interface PyCall {
  /** The callee with its first name resolved through the imports: `fastapi.FastAPI`, `app.get`. */
  readonly callee: string | undefined;
  /** The callee as written (`env.db`, `os.getenv`). */
  readonly written: string | undefined;
  readonly node: SyntaxNode;
  readonly args: SyntaxNode | undefined;
  readonly line: number;
  readonly fn: string | undefined;
}

export interface PyDecorator {
  /** `app.get`, `bp.route`, `litestar.get` (resolved like calls). */
  readonly callee: string;
  /** As written: `app.get`. */
  readonly written: string;
  readonly args: SyntaxNode | undefined;
  readonly line: number;
  readonly fn: string | undefined;
}

export interface PyFunction {
  readonly name: string;
  readonly params: readonly string[];
  readonly line: number;
  /** The expressions of its `return` statements (nested functions excluded). */
  readonly returns: readonly SyntaxNode[];
}

export interface PyClass {
  readonly name: string;
  readonly bases: readonly string[];
  /** Annotated or assigned names of the class body (`DATABASE_URL: PostgresDsn`). */
  readonly fields: readonly { readonly name: string; readonly line: number }[];
}

/** One Python file, reduced to what web detection looks at. */
export interface PyModule {
  readonly file: string;
  /** The dotted module name (`app.main`, `mysite.settings`), relative to its import root. */
  readonly module: string;
  readonly src: SourceText;
  /** Local name -> what it stands for (`FastAPI` -> `fastapi.FastAPI`, `utils` -> `app.api.routes.utils`). */
  readonly imports: ReadonlyMap<string, string>;
  /** Modules named by `from X import *`, resolved. */
  readonly starImports: readonly string[];
  readonly assigns: readonly PyAssign[];
  readonly calls: readonly PyCall[];
  /** The calls by the offset they start at (a node is looked up by its `from`). */
  readonly callsAt: ReadonlyMap<number, PyCall>;
  readonly decorators: readonly PyDecorator[];
  /** Top-level functions (also those defined inside a top-level `if`/`try`). */
  readonly functions: ReadonlyMap<string, PyFunction>;
  readonly classes: readonly PyClass[];
}

/**
 * Parses one file (never throws: the parser recovers from any text). A large file with a syntax error
 * (over MAX_RECOVERED_CHARS) reads as empty: Python could not import it either.
 */
export function readPythonModule(text: string, file: string, module: string): PyModule {
  const src = new SourceText(text, file);
  const tree = parsePython(src.text).tree ?? Tree.empty;
  const imports = new Map<string, string>();
  const starImports: string[] = [];
  const assigns: PyAssign[] = [];
  const rawCalls: { node: SyntaxNode; fn: string | undefined }[] = [];
  const rawDecorators: { node: SyntaxNode; fn: string | undefined }[] = [];
  const functions = new Map<string, PyFunction>();
  const classes: PyClass[] = [];
  const isPackage = /(?:^|\/)__init__\.py$/.test(file);
  let fn: string | undefined;
  let fnDepth = 0;
  let classDepth = 0;
  tree.iterate({
    enter: (ref) => {
      switch (ref.name) {
        case 'ImportStatement':
          readImport(ref.node, src, module, isPackage, imports, starImports);
          return false;
        case 'FunctionDefinition': {
          const node = ref.node;
          if (fnDepth === 0 && classDepth === 0) {
            const name = childNodes(node).find((c) => c.name === 'VariableName');
            if (name) {
              fn = src.slice(name);
              functions.set(fn, { name: fn, params: paramNames(node, src), line: src.line(node.from), returns: returnsOf(node) });
            }
          }
          fnDepth++;
          return undefined;
        }
        case 'ClassDefinition':
          if (fnDepth === 0 && classDepth === 0) classes.push(readClass(ref.node, src));
          classDepth++;
          return undefined;
        case 'AssignStatement': {
          if (classDepth > 0) return undefined;
          const children = childNodes(ref.node);
          const op = children.findIndex((c) => c.name === 'AssignOp');
          const value = children[children.length - 1];
          if (op === 1 && value && op < children.length - 1) {
            const target = children[0] && targetName(children[0], src);
            if (target) assigns.push({ target, value, line: src.line(ref.from), fn });
          } else if (op > 1 && value && children[1]?.name === 'TypeDef' && children[0]?.name === 'VariableName') {
            assigns.push({ target: src.slice(children[0]), value, line: src.line(ref.from), fn });
          }
          return undefined;
        }
        case 'CallExpression':
          rawCalls.push({ node: ref.node, fn });
          return undefined;
        case 'Decorator':
          rawDecorators.push({ node: ref.node, fn });
          return undefined;
        case 'String':
        case 'FormatString':
        case 'Comment':
          return false;
        default:
          return undefined;
      }
    },
    leave: (ref) => {
      if (ref.name === 'FunctionDefinition') {
        fnDepth--;
        if (fnDepth === 0) fn = undefined;
      } else if (ref.name === 'ClassDefinition') classDepth--;
    },
  });
  const resolve = (dotted: string) => resolveName(dotted, imports);
  const calls: PyCall[] = rawCalls.map(({ node, fn: inFn }) => {
    const children = childNodes(node);
    const name = children[0] ? dottedName(children[0], src) : undefined;
    const args = children.find((c) => c.name === 'ArgList');
    return { callee: name === undefined ? undefined : resolve(name), written: name, node, args, line: src.line(node.from), fn: inFn };
  });
  const decorators: PyDecorator[] = [];
  for (const { node, fn: inFn } of rawDecorators) {
    const parts: string[] = [];
    let args: SyntaxNode | undefined;
    for (const child of childNodes(node)) {
      if (child.name === 'VariableName') parts.push(src.slice(child));
      else if (child.name === 'ArgList') args = child;
    }
    if (parts.length > 0) decorators.push({ callee: resolve(parts.join('.')), written: parts.join('.'), args, line: src.line(node.from), fn: inFn });
  }
  // Nested calls can start at the same offset (`f()()`): the outermost, longest one is kept.
  const callsAt = new Map<number, PyCall>();
  for (const call of calls) if ((callsAt.get(call.node.from)?.node.to ?? -1) < call.node.to) callsAt.set(call.node.from, call);
  return { file, module, src, imports, starImports, assigns, calls, callsAt, decorators, functions, classes };
}

/** `FastAPI` -> `fastapi.FastAPI` when imported so; other names stay as written. */
export function resolveName(dotted: string, imports: ReadonlyMap<string, string>): string {
  const dot = dotted.indexOf('.');
  const head = dot < 0 ? dotted : dotted.slice(0, dot);
  const origin = imports.get(head);
  return origin === undefined ? dotted : `${origin}${dot < 0 ? '' : dotted.slice(dot)}`;
}

function targetName(node: SyntaxNode, src: SourceText): string | undefined {
  if (node.name === 'VariableName') return src.slice(node);
  return node.name === 'MemberExpression' ? dottedName(node, src) : undefined;
}

function readImport(node: SyntaxNode, src: SourceText, module: string, isPackage: boolean, into: Map<string, string>, stars: string[]): void {
  const children = childNodes(node);
  if (children[0]?.name === 'from') {
    const importAt = children.findIndex((c) => c.name === 'import');
    const head = children.slice(1, importAt);
    let dots = 0;
    const names: string[] = [];
    for (const c of head) {
      if (c.name === '.') dots++;
      else if (c.name === 'Ellipsis') dots += 3;
      else if (c.name === 'VariableName') names.push(src.slice(c));
    }
    // `.` after a name is the separator, not a level: count only the leading dots.
    const leading = head.findIndex((c) => c.name === 'VariableName');
    const level = leading < 0 ? dots : head.slice(0, leading).reduce((n, c) => n + (c.name === 'Ellipsis' ? 3 : c.name === '.' ? 1 : 0), 0);
    const base = level === 0 ? names.join('.') : relativeModule(module, isPackage, level, names.join('.'));
    if (base === undefined) return;
    const rest = children.slice(importAt + 1).filter((c) => c.name !== '(' && c.name !== ')');
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (c?.name === '*') stars.push(base);
      if (c?.name !== 'VariableName') continue;
      const name = src.slice(c);
      const alias = rest[i + 1]?.name === 'as' && rest[i + 2] ? src.slice(rest[i + 2] as SyntaxNode) : name;
      into.set(alias, base === '' ? name : `${base}.${name}`);
      if (alias !== name) i += 2;
    }
    return;
  }
  // `import a.b.c` binds `a`; `import a.b as c` binds `c` to `a.b`.
  const parts: string[] = [];
  const flush = (alias: string | undefined) => {
    if (parts.length === 0) return;
    const dotted = parts.join('.');
    if (alias !== undefined) into.set(alias, dotted);
    else into.set(parts[0] as string, parts[0] as string);
    parts.length = 0;
  };
  for (let i = 1; i < children.length; i++) {
    const c = children[i] as SyntaxNode;
    if (c.name === 'VariableName') parts.push(src.slice(c));
    else if (c.name === 'as') {
      const alias = children[i + 1];
      flush(alias ? src.slice(alias) : undefined);
      i++;
    } else if (c.name === ',') flush(undefined);
  }
  flush(undefined);
}

function relativeModule(module: string, isPackage: boolean, level: number, rest: string): string | undefined {
  const parts = module === '' ? [] : module.split('.');
  const pkg = isPackage ? parts : parts.slice(0, -1);
  if (level - 1 > pkg.length) return undefined;
  const base = pkg.slice(0, pkg.length - (level - 1));
  return [...base, ...(rest === '' ? [] : [rest])].join('.');
}

function paramNames(node: SyntaxNode, src: SourceText): string[] {
  const list = childNodes(node).find((c) => c.name === 'ParamList');
  if (!list) return [];
  // `*args` and `**kw` start with their operator; `self`, `x: int = 1` with the name.
  return bracketItems(list)
    .map((item) => item[0])
    .filter((c): c is SyntaxNode => c?.name === 'VariableName')
    .map((c) => src.slice(c));
}

function returnsOf(fn: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const body = childNodes(fn).find((c) => c.name === 'Body');
  const visit = (node: SyntaxNode, depth: number) => {
    if (depth > 12) return;
    for (const child of childNodes(node)) {
      if (child.name === 'FunctionDefinition' || child.name === 'ClassDefinition' || child.name === 'LambdaExpression') continue;
      if (child.name === 'ReturnStatement') {
        const value = childNodes(child)[1];
        if (value) out.push(value);
      } else if (child.name === 'Body' || child.name.endsWith('Statement') || child.name === 'DecoratedStatement') visit(child, depth + 1);
    }
  };
  if (body) visit(body, 0);
  return out;
}

function readClass(node: SyntaxNode, src: SourceText): PyClass {
  const children = childNodes(node);
  const nameNode = children.find((c) => c.name === 'VariableName');
  const argList = children.find((c) => c.name === 'ArgList');
  const bases = argList ? bracketItems(argList).flatMap((item) => (item.length === 1 && item[0] ? [dottedName(item[0], src) ?? ''] : [])) : [];
  const fields: { name: string; line: number }[] = [];
  const body = children.find((c) => c.name === 'Body');
  for (const stmt of body ? childNodes(body) : []) {
    if (stmt.name !== 'AssignStatement') continue;
    const first = childNodes(stmt)[0];
    if (first?.name === 'VariableName') fields.push({ name: src.slice(first), line: src.line(stmt.from) });
  }
  return { name: nameNode ? src.slice(nameNode) : '', bases: bases.filter(Boolean), fields };
}

/** The value of a string literal (implicit concatenation included); undefined for anything else. */
export function stringValue(node: SyntaxNode | undefined, src: SourceText): string | undefined {
  if (!node) return undefined;
  if (node.name === 'String') {
    const value = decodeStringLiteral(src.slice(node));
    return value.kind === 'str' ? value.value : undefined;
  }
  if (node.name === 'ContinuedString') {
    let out = '';
    for (const part of childNodes(node)) {
      const value = stringValue(part, src);
      if (value === undefined) return undefined;
      out += value;
    }
    return out;
  }
  return undefined;
}

/** An integer literal (`8080`), undefined for anything else. */
export function intValue(node: SyntaxNode | undefined, src: SourceText): number | undefined {
  if (node?.name !== 'Number') return undefined;
  const text = src.slice(node).replaceAll('_', '');
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The arguments of a call: positional nodes in order, keyword nodes by name (`**kw` and `*a` dropped). */
export function callArgs(args: SyntaxNode | undefined, src: SourceText): { positional: SyntaxNode[]; keywords: Map<string, SyntaxNode> } {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  for (const item of args ? bracketItems(args) : []) {
    if (item.length === 3 && item[0]?.name === 'VariableName' && item[1]?.name === 'AssignOp' && item[2]) keywords.set(src.slice(item[0]), item[2]);
    else if (item.length === 1 && item[0]) positional.push(item[0]);
  }
  return { positional, keywords };
}

/** The items of a list/tuple literal, or undefined when the node is not one. */
export function sequenceItems(node: SyntaxNode | undefined): SyntaxNode[] | undefined {
  if (node?.name !== 'ArrayExpression' && node?.name !== 'TupleExpression') return undefined;
  return bracketItems(node).flatMap((item) => (item.length === 1 && item[0] ? [item[0]] : []));
}

/** The `key: value` pairs of a dict literal with string keys. */
export function dictEntries(node: SyntaxNode | undefined, src: SourceText): Map<string, SyntaxNode> | undefined {
  if (node?.name !== 'DictionaryExpression') return undefined;
  const out = new Map<string, SyntaxNode>();
  for (const item of bracketItems(node)) {
    const key = stringValue(item[0], src);
    if (item.length === 3 && item[1]?.name === ':' && key !== undefined && item[2]) out.set(key, item[2]);
  }
  return out;
}

export function refAt(mod: PyModule, line: number): SourceRef {
  return { file: mod.file, line };
}

/** The call a node is (`CallExpression`), as recorded by readPythonModule. */
export function callAt(mod: PyModule, node: SyntaxNode): PyCall | undefined {
  if (node.name !== 'CallExpression') return undefined;
  const call = mod.callsAt.get(node.from);
  return call?.node.to === node.to ? call : mod.calls.find((c) => c.node.from === node.from && c.node.to === node.to);
}
