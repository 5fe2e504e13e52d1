import type { SyntaxNode } from '@lezer/common';
import type { Binding, Bindings, Mutation } from './scope.js';
import { bracketItems, childNodes, collapsedSource, decodeStringLiteral, describeExpression, dottedName, type SourceText } from './syntax.js';

/** What an expression is known to be without running the file. */
export type PyValue =
  | { readonly kind: 'str'; readonly value: string; readonly node: SyntaxNode }
  | { readonly kind: 'seq'; readonly items: readonly PyValue[]; readonly node: SyntaxNode }
  | { readonly kind: 'dict'; readonly entries: ReadonlyMap<string, PyValue>; readonly node: SyntaxNode }
  | { readonly kind: 'const'; readonly what: string; readonly node: SyntaxNode }
  | { readonly kind: 'unread'; readonly reason: string; readonly node: SyntaxNode };

/** Deeper than this, a value is reported unread: Python itself stops at 200 nested brackets. */
const MAX_DEPTH = 100;

const unread = (node: SyntaxNode, reason: string): PyValue => ({ kind: 'unread', reason, node });

/**
 * Evaluates literal expressions of one setup.py: strings (with implicit concatenation), lists,
 * tuples, dicts, `dict(k=v)`, `+` of two literals, and names bound once to a literal before
 * the setup() call. Anything else is `unread` with a reason that names it.
 */
export class Evaluator {
  private readonly memo = new Map<Binding, PyValue>();

  constructor(
    private readonly src: SourceText,
    /** Innermost scope first: the functions around the setup() call, then the module. */
    private readonly scopes: readonly Bindings[],
    private readonly mutations: ReadonlyMap<string, readonly Mutation[]>,
    /** Where setup() is called: what happens to a value after it does not matter. */
    private readonly callPos: number,
    /** Every setup() call: passing a value to one of them does not change it. */
    private readonly setupCalls: readonly SyntaxNode[],
  ) {}

  evaluate(node: SyntaxNode, depth = 0): PyValue {
    if (depth > MAX_DEPTH) return unread(node, `nested more than ${MAX_DEPTH} levels deep`);
    const src = this.src;
    switch (node.name) {
      case 'String':
      case 'FormatString':
        return this.string(node);
      case 'ContinuedString': {
        let text = '';
        for (const part of childNodes(node)) {
          const value = this.string(part);
          if (value.kind !== 'str') return value.kind === 'unread' ? unread(node, value.reason) : value;
          text += value.value;
        }
        return { kind: 'str', value: text, node };
      }
      case 'ArrayExpression':
      case 'TupleExpression':
        return this.sequence(node, depth);
      case 'ParenthesizedExpression': {
        const inner = childNodes(node).filter((c) => c.name !== '(' && c.name !== ')');
        return inner.length === 1 && inner[0] ? this.evaluate(inner[0], depth + 1) : unread(node, 'not an expression pycrane reads');
      }
      case 'DictionaryExpression':
        return this.dictionary(node, depth);
      case 'VariableName':
        return this.name(node, depth);
      case 'Number':
        return { kind: 'const', what: 'a number', node };
      case 'Boolean':
        return { kind: 'const', what: src.slice(node), node };
      case 'None':
        return { kind: 'const', what: 'None', node };
      case 'CallExpression':
        return this.call(node, depth);
      case 'BinaryExpression':
        return this.binary(node, depth);
      case 'MemberExpression':
        return this.member(node, depth);
      case 'ArrayComprehensionExpression':
      case 'SetComprehensionExpression':
      case 'DictionaryComprehensionExpression':
      case 'ComprehensionExpression':
        return this.comprehension(node);
      case 'ConditionalExpression':
        return unread(node, `decided at run time (a conditional expression: ${describeExpression(node, src)})`);
      default:
        return node.type.isError
          ? unread(node, 'not valid Python here')
          : unread(node, `computed at run time (${describeExpression(node, src)})`);
    }
  }

  private comprehension(node: SyntaxNode): PyValue {
    const children = childNodes(node);
    const source = children[children.findIndex((c) => c.name === 'in') + 1];
    const over = source && children.some((c) => c.name === 'in') ? ` over ${describeExpression(source, this.src)}` : '';
    return unread(node, `computed at run time (a comprehension${over})`);
  }

  private string(node: SyntaxNode): PyValue {
    const replacement = node.name === 'FormatString' ? childNodes(node).find((c) => c.name === 'FormatReplacement') : undefined;
    if (replacement) return unread(node, `computed at run time (an f-string with ${describeExpression(replacement, this.src)})`);
    const literal = decodeStringLiteral(this.src.slice(node));
    if (literal.kind === 'str') return { kind: 'str', value: literal.value, node };
    return unread(node, literal.kind === 'bytes' ? 'bytes, not a string' : literal.why);
  }

  private sequence(node: SyntaxNode, depth: number): PyValue {
    const children = childNodes(node);
    if (children.some((c) => c.name === 'for')) return this.comprehension(node);
    const items: PyValue[] = [];
    for (const item of bracketItems(node)) {
      const [first, second] = item;
      if (first?.name === '*' && second) {
        const spread = this.evaluate(second, depth + 1);
        if (spread.kind === 'seq') items.push(...spread.items);
        else items.push(spread.kind === 'unread' ? spread : unread(second, 'not a list'));
      } else if (first && item.length === 1) items.push(this.evaluate(first, depth + 1));
      else if (first) items.push(unread(first, 'not an expression pycrane reads'));
    }
    return { kind: 'seq', items, node };
  }

  private dictionary(node: SyntaxNode, depth: number): PyValue {
    const entries = new Map<string, PyValue>();
    for (const item of bracketItems(node)) {
      const [first, second, third] = item;
      if (first?.name === '**' && second) {
        const spread = this.evaluate(second, depth + 1);
        if (spread.kind !== 'dict')
          return unread(node, `merges ${describeExpression(second, this.src)}, which ${spread.kind === 'unread' ? `is ${spread.reason}` : 'is not a dict'}`);
        for (const [k, v] of spread.entries) entries.set(k, v);
      } else if (first && second?.name === ':' && third) {
        const key = this.evaluate(first, depth + 1);
        if (key.kind === 'str') entries.set(key.value, this.evaluate(third, depth + 1));
        else if (key.kind === 'unread') return unread(node, `has a key computed at run time (${describeExpression(first, this.src)})`);
      } else return unread(node, 'computed at run time (a dict comprehension)');
    }
    return { kind: 'dict', entries, node };
  }

  private call(node: SyntaxNode, depth: number): PyValue {
    const [callee, args] = childNodes(node);
    if (!callee) return unread(node, 'not valid Python here');
    const name = dottedName(callee, this.src);
    const last = name?.split('.').pop();
    if (last === 'find_packages' || last === 'find_namespace_packages')
      return unread(node, `found at run time by ${collapsedSource(node, this.src)}`);
    const items = args?.name === 'ArgList' ? bracketItems(args) : [];
    if (name === 'dict' && this.isBuiltin('dict', node.from)) {
      const entries = new Map<string, PyValue>();
      for (const item of items) {
        const [first, second, third] = item;
        if (first?.name === 'VariableName' && second?.name === 'AssignOp' && third) entries.set(this.src.slice(first), this.evaluate(third, depth + 1));
        else if (first?.name === '**' && second) {
          const spread = this.evaluate(second, depth + 1);
          if (spread.kind !== 'dict') return unread(node, `computed at run time (${describeExpression(node, this.src)})`);
          for (const [k, v] of spread.entries) entries.set(k, v);
        } else return unread(node, `computed at run time (${describeExpression(node, this.src)})`);
      }
      return { kind: 'dict', entries, node };
    }
    if ((name === 'list' || name === 'tuple') && items.length === 1 && items[0]?.length === 1 && this.isBuiltin(name, node.from)) {
      const inner = this.evaluate(items[0][0] as SyntaxNode, depth + 1);
      if (inner.kind === 'seq') return { kind: 'seq', items: inner.items, node };
    }
    return unread(node, `computed at run time (a call to ${describeExpression(node, this.src)})`);
  }

  private binary(node: SyntaxNode, depth: number): PyValue {
    const [left, op, right] = childNodes(node);
    if (!left || !right || !op || this.src.slice(op) !== '+')
      return unread(node, `computed at run time (${describeExpression(node, this.src)})`);
    const a = this.evaluate(left, depth + 1);
    const b = this.evaluate(right, depth + 1);
    if (a.kind === 'str' && b.kind === 'str') return { kind: 'str', value: a.value + b.value, node };
    if (a.kind === 'seq' && b.kind === 'seq') return { kind: 'seq', items: [...a.items, ...b.items], node };
    const bad = a.kind === 'unread' ? a : b.kind === 'unread' ? b : undefined;
    return unread(node, bad ? bad.reason : `computed at run time (${describeExpression(node, this.src)})`);
  }

  private member(node: SyntaxNode, depth: number): PyValue {
    const children = childNodes(node);
    const [object, bracket, index] = children;
    const text = describeExpression(node, this.src);
    if (!object || bracket?.name !== '[' || !index) return unread(node, `read at run time (${text})`);
    const container = this.evaluate(object, depth + 1);
    if (container.kind === 'unread') return unread(node, `read at run time (${text}): ${container.reason}`);
    const key = this.evaluate(index, depth + 1);
    if (container.kind === 'dict' && key.kind === 'str') {
      const found = container.entries.get(key.value);
      return found ?? unread(node, `read at run time (${text}): the dict has no key ${JSON.stringify(key.value)} where it is bound`);
    }
    if (container.kind === 'seq' && key.kind === 'const' && key.what === 'a number') {
      const i = Number(this.src.slice(index));
      const found = Number.isInteger(i) ? container.items[i < 0 ? container.items.length + i : i] : undefined;
      if (found) return found;
    }
    return unread(node, `read at run time (${text})`);
  }

  /** A builtin such as `dict` is meant only when the file does not bind that name itself. */
  private isBuiltin(name: string, pos: number): boolean {
    return this.scopes.every((scope) => !(scope.get(name) ?? []).some((b) => b.pos < pos));
  }

  private name(node: SyntaxNode, depth: number): PyValue {
    const name = this.src.slice(node);
    const pos = node.from;
    for (const scope of this.scopes) {
      const all = scope.get(name);
      if (!all) continue;
      const before = all.filter((b) => b.pos < pos);
      if (before.length === 0)
        return unread(node, `${name} is bound only after it is used (line ${this.src.line(all[0]?.pos ?? pos)})`);
      if (before.length > 1) {
        const lines = [...new Set(before.map((b) => this.src.line(b.pos)))].join(', ');
        return unread(node, `${name} is bound more than once (lines ${lines}), so its value is decided at run time`);
      }
      return this.binding(name, before[0] as Binding, node, depth);
    }
    const star = this.scopes.flatMap((scope) => scope.get('*') ?? [])[0];
    if (star?.kind === 'import') return unread(node, `${name} may come from "from ${star.module} import *" (line ${this.src.line(star.pos)})`);
    return unread(node, `${name} is not bound in this file`);
  }

  private binding(name: string, binding: Binding, use: SyntaxNode, depth: number): PyValue {
    if (binding.kind === 'import')
      return unread(use, `${name} is imported from ${binding.module} (line ${this.src.line(binding.pos)}), known only when the file runs`);
    if (binding.kind === 'other') return unread(use, `${name} is ${binding.what} (line ${this.src.line(binding.pos)})`);
    let value = this.memo.get(binding);
    if (!value) {
      value = this.evaluate(binding.value, depth + 1);
      this.memo.set(binding, value);
    }
    const change = this.changeOf(name, binding, value);
    return change ? unread(use, `${name} is changed at line ${this.src.line(change.pos)} (${change.what})`) : value;
  }

  /** The first change to a name's value that happens before setup() runs, if any. */
  private changeOf(name: string, binding: Binding, value: PyValue): Mutation | undefined {
    const mutable = value.kind === 'seq' || value.kind === 'dict';
    return (this.mutations.get(name) ?? []).find(
      (m) =>
        (m.inFunction || (m.pos > binding.pos && m.pos < this.callPos)) &&
        (mutable || !m.mutableOnly) &&
        !this.setupCalls.some((call) => m.call?.from === call.from && m.call.to === call.to),
    );
  }
}
