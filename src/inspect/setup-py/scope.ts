import type { SyntaxNode } from '@lezer/common';
import { bracketItems, childNodes, describeExpression, dottedName, type SourceText } from './syntax.js';

/**
 * One place where a name gets a value. Only `value` bindings (`NAME = expression`) can be
 * read without running the file; the others say what bound the name, for the reason.
 */
export type Binding =
  | { readonly kind: 'value'; readonly pos: number; readonly value: SyntaxNode }
  /** `import module` / `import module as name` (imported undefined), or `from module import imported`. */
  | { readonly kind: 'import'; readonly pos: number; readonly module: string; readonly imported: string | undefined }
  | { readonly kind: 'other'; readonly pos: number; readonly what: string };

export type Bindings = Map<string, Binding[]>;

/** Something that may change what a name holds: `NAME.append(...)`, `NAME[k] = v`, `NAME += ...`, `exec(code, NAME)`. */
export interface Mutation {
  readonly pos: number;
  readonly what: string;
  /** True when only a list or dict can be changed this way (a method call, an item assignment, passing it to a call). */
  readonly mutableOnly: boolean;
  /** Inside a function or lambda body: it may run at any time, so it counts wherever it is. */
  readonly inFunction: boolean;
  /** For a name passed to a call: the call, so the setup() call itself can be left out. */
  readonly call: SyntaxNode | undefined;
}

const MUTATING_METHODS = new Set([
  'append', 'extend', 'insert', 'remove', 'pop', 'clear', 'update', 'setdefault', 'sort', 'reverse', 'popitem', '__setitem__',
  '__delitem__', '__iadd__',
]);

/** Calls that read their arguments without changing them (by the last part of the callee's name). */
const PURE_CALLEES = new Set([
  'print', 'len', 'sorted', 'list', 'tuple', 'set', 'frozenset', 'dict', 'str', 'repr', 'isinstance', 'issubclass', 'any', 'all',
  'enumerate', 'zip', 'iter', 'reversed', 'min', 'max', 'sum', 'bool', 'int', 'float', 'format', 'hasattr', 'getattr', 'type',
  'id', 'hash', 'join', 'startswith', 'endswith', 'copy', 'get', 'keys', 'values', 'items', 'count', 'index', 'strip', 'split',
  'splitlines', 'exists', 'isfile', 'isdir', 'abspath', 'dirname', 'basename', 'realpath', 'open', 'warn', 'find_packages',
  'find_namespace_packages',
]);

function add(bindings: Bindings, name: string, binding: Binding): void {
  const list = bindings.get(name);
  if (list) list.push(binding);
  else bindings.set(name, [binding]);
}

/**
 * The names bound in one scope: the statements of `container` and of the blocks nested in
 * them (if, for, while, with, try), but not of nested functions or classes. Iterative, so
 * deep nesting cannot overflow the stack.
 */
export function collectBindings(container: SyntaxNode, src: SourceText): Bindings {
  const bindings: Bindings = new Map();
  const blocks: SyntaxNode[] = [container];
  for (let block = blocks.pop(); block; block = blocks.pop()) {
    for (const statement of childNodes(block)) {
      switch (statement.name) {
        case 'AssignStatement':
          assignmentBindings(statement, src, bindings);
          break;
        case 'ImportStatement':
          importBindings(statement, src, bindings);
          break;
        case 'FunctionDefinition':
        case 'ClassDefinition':
          definitionBinding(statement, src, bindings);
          break;
        case 'DecoratedStatement':
          for (const inner of childNodes(statement))
            if (inner.name === 'FunctionDefinition' || inner.name === 'ClassDefinition') definitionBinding(inner, src, bindings);
          break;
        default:
          compoundBindings(statement, src, bindings, blocks);
      }
    }
  }
  return bindings;
}

function assignmentBindings(statement: SyntaxNode, src: SourceText, bindings: Bindings): void {
  const segments: SyntaxNode[][] = [[]];
  for (const child of childNodes(statement)) {
    if (child.name === 'AssignOp') segments.push([]);
    else if (child.name !== 'TypeDef') segments[segments.length - 1]?.push(child);
  }
  if (segments.length < 2) return; // an annotation without a value binds nothing
  const valueNodes = segments[segments.length - 1] ?? [];
  for (const target of segments.slice(0, -1)) {
    const only = target.length === 1 ? target[0] : undefined;
    if (only?.name === 'VariableName') {
      const value = valueNodes.length === 1 ? valueNodes[0] : undefined;
      add(
        bindings,
        src.slice(only),
        value ? { kind: 'value', pos: only.from, value } : { kind: 'other', pos: only.from, what: 'an unparenthesized tuple' },
      );
      continue;
    }
    for (const node of target) unpackedNames(node, src, bindings);
  }
}

function unpackedNames(node: SyntaxNode, src: SourceText, bindings: Bindings): void {
  const pending = [node];
  for (let current = pending.pop(); current; current = pending.pop()) {
    if (current.name === 'VariableName') add(bindings, src.slice(current), { kind: 'other', pos: current.from, what: 'bound by unpacking' });
    else if (current.name === 'TupleExpression' || current.name === 'ArrayExpression' || current.name === 'ParenthesizedExpression')
      pending.push(...childNodes(current));
  }
}

function importBindings(statement: SyntaxNode, src: SourceText, bindings: Bindings): void {
  const children = childNodes(statement);
  const isFrom = children[0]?.name === 'from';
  let module = '';
  let i = 1;
  if (isFrom) {
    const parts: string[] = [];
    for (; i < children.length && children[i]?.name !== 'import'; i++) parts.push(src.slice(children[i] as SyntaxNode));
    module = parts.join('');
    i++;
  }
  // Names come as `a.b.c [as x]` runs separated by commas (and, after `from`, maybe parentheses).
  let dotted: string[] = [];
  const flush = (alias: string | undefined, pos: number): void => {
    if (dotted.length === 0) return;
    const full = dotted.join('.');
    const bound = alias ?? (isFrom ? full : (dotted[0] ?? full));
    add(bindings, bound, {
      kind: 'import',
      pos,
      module: isFrom ? module : alias ? full : bound,
      imported: isFrom ? full : undefined,
    });
    dotted = [];
  };
  for (; i < children.length; i++) {
    const child = children[i] as SyntaxNode;
    if (child.name === 'VariableName') dotted.push(src.slice(child));
    else if (child.name === 'as') {
      const alias = children[i + 1];
      flush(alias?.name === 'VariableName' ? src.slice(alias) : undefined, child.from);
      i++;
    } else if (child.name === ',' || child.name === ')') flush(undefined, child.from);
    else if (child.name === '*') add(bindings, '*', { kind: 'import', pos: child.from, module, imported: '*' });
  }
  flush(undefined, statement.to);
}

function definitionBinding(statement: SyntaxNode, src: SourceText, bindings: Bindings): void {
  const name = childNodes(statement).find((c) => c.name === 'VariableName');
  if (name)
    add(bindings, src.slice(name), {
      kind: 'other',
      pos: name.from,
      what: statement.name === 'ClassDefinition' ? 'a class' : 'a function',
    });
}

/** for / with / try / if / while / match: their own bindings, then their blocks in the same scope. */
function compoundBindings(statement: SyntaxNode, src: SourceText, bindings: Bindings, blocks: SyntaxNode[]): void {
  const children = childNodes(statement);
  if (statement.name === 'ForStatement') {
    const end = children.findIndex((c) => c.name === 'in');
    for (const target of children.slice(1, end < 0 ? 1 : end)) unpackedNames(target, src, bindings);
  }
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as SyntaxNode;
    if (child.name === 'as' && (statement.name === 'WithStatement' || statement.name === 'TryStatement')) {
      const target = children[i + 1];
      if (target?.name === 'VariableName')
        add(bindings, src.slice(target), {
          kind: 'other',
          pos: target.from,
          what: statement.name === 'WithStatement' ? 'bound by with … as' : 'an exception',
        });
    }
    if (child.name === 'Body' || child.name === 'MatchBody' || child.name === 'MatchClause') blocks.push(child);
  }
}

/** The names a function's parameters bind: they hold what the caller passed. */
export function parameterBindings(fn: SyntaxNode, src: SourceText, into: Bindings): void {
  const params = childNodes(fn).find((c) => c.name === 'ParamList');
  if (!params) return;
  for (const item of bracketItems(params)) {
    const name = item.find((n) => n.name === 'VariableName');
    if (name) add(into, src.slice(name), { kind: 'other', pos: name.from, what: 'a parameter of the enclosing function' });
  }
}

/** The outermost name of `a.b[c].d`: what an item or attribute assignment changes. */
function rootName(node: SyntaxNode, src: SourceText): string | undefined {
  let current: SyntaxNode | null = node;
  for (let guard = 0; current && guard < 64; guard++) {
    if (current.name === 'VariableName') return src.slice(current);
    if (current.name !== 'MemberExpression') return undefined;
    current = current.firstChild;
  }
  return undefined;
}

/**
 * Every place in the file that may change a name's value after it was bound, found in one
 * pass over the tree (the caller's iteration feeds nodes in).
 */
export class MutationCollector {
  readonly byName = new Map<string, Mutation[]>();
  private functionDepth = 0;

  constructor(private readonly src: SourceText) {}

  private note(name: string, pos: number, what: string, mutableOnly: boolean, call?: SyntaxNode): void {
    const event: Mutation = { pos, what, mutableOnly, inFunction: this.functionDepth > 0, call };
    const list = this.byName.get(name);
    if (list) list.push(event);
    else this.byName.set(name, [event]);
  }

  enter(node: SyntaxNode): void {
    const src = this.src;
    switch (node.name) {
      case 'FunctionDefinition':
      case 'LambdaExpression':
        this.functionDepth++;
        break;
      case 'CallExpression': {
        const [callee, args] = childNodes(node);
        if (!callee) break;
        const calleeName = dottedName(callee, src);
        const last = calleeName?.split('.').pop();
        if (callee.name === 'MemberExpression') {
          const root = callee.firstChild;
          if (root?.name === 'VariableName' && last !== undefined && MUTATING_METHODS.has(last))
            this.note(src.slice(root), node.from, describeExpression(node, src), true);
        }
        if (args?.name !== 'ArgList' || (last !== undefined && PURE_CALLEES.has(last))) break;
        for (const item of bracketItems(args)) {
          const value = item[item.length - 1];
          if (value?.name === 'VariableName')
            this.note(src.slice(value), node.from, `passed to ${describeExpression(callee, src)}()`, true, node);
        }
        break;
      }
      case 'AssignStatement': {
        const children = childNodes(node);
        let lastOp = -1;
        children.forEach((child, i) => {
          if (child.name === 'AssignOp') lastOp = i;
        });
        for (const child of children.slice(0, Math.max(lastOp, 0))) {
          if (child.name !== 'MemberExpression') continue;
          const root = rootName(child, src);
          if (root) this.note(root, child.from, `${describeExpression(child, src)} = …`, true);
        }
        break;
      }
      case 'UpdateStatement': {
        const [target, op] = childNodes(node);
        if (target?.name === 'VariableName') this.note(src.slice(target), node.from, `${src.slice(target)} ${op ? src.slice(op) : ''} …`, false);
        else if (target) {
          const root = rootName(target, src);
          if (root) this.note(root, node.from, `${describeExpression(target, src)} ${op ? src.slice(op) : ''} …`, true);
        }
        break;
      }
      case 'DeleteStatement':
        for (const child of childNodes(node)) {
          if (child.name === 'VariableName') this.note(src.slice(child), node.from, `del ${src.slice(child)}`, false);
          else if (child.name === 'MemberExpression') {
            const root = rootName(child, src);
            if (root) this.note(root, node.from, `del ${describeExpression(child, src)}`, true);
          }
        }
        break;
      case 'NamedExpression': {
        const target = node.firstChild;
        if (target?.name === 'VariableName') this.note(src.slice(target), node.from, `${src.slice(target)} := …`, false);
        break;
      }
    }
  }

  leave(node: SyntaxNode): void {
    if (node.name === 'FunctionDefinition' || node.name === 'LambdaExpression') this.functionDepth--;
  }
}
