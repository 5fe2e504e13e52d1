import type { DockerfileModel } from '../dockerfile/model.js';
import type { Word } from '../dockerfile/shell.js';
import type { IgnoreEntry, IgnoreFile } from './files.js';

/** .dockerignore matching as BuildKit does it (moby/patternmatcher): last matching pattern wins, parents count. */

function clean(pattern: string): string {
  let p = pattern;
  const abs = p.startsWith('/');
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!abs) parts.push('..');
      continue;
    }
    parts.push(part);
  }
  p = parts.join('/');
  return p === '' ? '.' : p;
}

/**
 * One step of a compiled pattern (a Thompson NFA): `char` consumes one character that passes `test`,
 * `split` continues at both `a` and `b` without consuming.
 */
type Step =
  | { readonly kind: 'char'; readonly test: (c: string) => boolean; readonly next: number }
  | { readonly kind: 'split'; readonly a: number; readonly b: number };

/**
 * A .dockerignore pattern compiled for matching in O(pattern × path) time, whatever the pattern: no
 * regular expression, so no catastrophic backtracking (`*a*a*a*...`) and no size limit (100,000 `**\/`).
 */
export interface PathPattern {
  matches(path: string): boolean;
}

const notSlash = (c: string) => c !== '/';
const anyChar = () => true;

/** Compiles a pattern (moby/patternmatcher's syntax); undefined when it is malformed (an unclosed `[`). */
export function compilePattern(pattern: string): PathPattern | undefined {
  const p = clean(pattern);
  // Each token appends steps; `next` of the last step of a token is the index of the following token's first step.
  const steps: Step[] = [];
  const char = (test: (c: string) => boolean) => {
    steps.push({ kind: 'char', test, next: steps.length + 1 });
  };
  /** `X*` for one character class X: a split that loops back over one char step. */
  const star = (test: (c: string) => boolean) => {
    const at = steps.length;
    steps.push({ kind: 'split', a: at + 1, b: at + 2 });
    steps.push({ kind: 'char', test, next: at });
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*') {
      if (p[i + 1] === '*') {
        i++;
        if (p[i + 1] === '/') {
          i++;
          // `(.*/)?`: skip it, or any characters then a slash.
          const at = steps.length;
          steps.push({ kind: 'split', a: at + 1, b: at + 4 });
          steps.push({ kind: 'split', a: at + 2, b: at + 3 });
          steps.push({ kind: 'char', test: anyChar, next: at + 1 });
          steps.push({ kind: 'char', test: (x) => x === '/', next: at + 4 });
        } else star(anyChar);
      } else star(notSlash);
    } else if (c === '?') char(notSlash);
    else if (c === '\\' && i + 1 < p.length) {
      i++;
      const lit = p[i] as string;
      char((x) => x === lit);
    } else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) return undefined;
      const test = classTest(p.slice(i + 1, close));
      if (!test) return undefined;
      char(test);
      i = close;
    } else char((x) => x === c);
  }
  return { matches: (path) => run(steps, path) };
}

/** `[a-z]`, `[!abc]`, `[\]]`: a test for one character, undefined when malformed. */
function classTest(body: string): ((c: string) => boolean) | undefined {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = negated ? body.slice(1) : body;
  const ranges: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    let lo = chars[i] as string;
    if (lo === '\\' && i + 1 < chars.length) lo = chars[++i] as string;
    let hi = lo;
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      hi = chars[i + 2] as string;
      if (hi === '\\' && i + 3 < chars.length) hi = chars[++i + 2] as string;
      i += 2;
    }
    if (hi < lo) return undefined;
    ranges.push([lo, hi]);
  }
  if (ranges.length === 0) return undefined;
  return (c) => c !== '/' && ranges.some(([lo, hi]) => c >= lo && c <= hi) !== negated;
}

/** Runs the NFA over the whole path: each character advances every live step at once. */
function run(steps: readonly Step[], path: string): boolean {
  const accept = steps.length;
  const seen = new Uint32Array(steps.length + 1);
  let generation = 0;
  const add = (list: number[], start: number) => {
    const stack = [start];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (seen[s] === generation) continue;
      seen[s] = generation;
      const step = steps[s];
      if (step?.kind === 'split') stack.push(step.b, step.a);
      else list.push(s);
    }
  };
  generation++;
  let current: number[] = [];
  add(current, 0);
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    generation++;
    const next: number[] = [];
    for (const s of current) {
      const step = steps[s];
      if (step?.kind === 'char' && step.test(c)) add(next, step.next);
    }
    if (next.length === 0) return false;
    current = next;
  }
  return current.includes(accept);
}

export interface IgnoreDecision {
  readonly excluded: boolean;
  /** The entry that decided it (undefined: no pattern matched). */
  readonly entry: IgnoreEntry | undefined;
}

const compiled = new WeakMap<IgnoreEntry, PathPattern | null>();

function patternOf(e: IgnoreEntry): PathPattern | undefined {
  let r = compiled.get(e);
  if (r === undefined) {
    r = compilePattern(e.pattern) ?? null;
    compiled.set(e, r);
  }
  return r ?? undefined;
}

/** Whether `path` (relative to the context, `/`-separated) is left out of the build context. */
export function isIgnored(file: IgnoreFile, path: string): IgnoreDecision {
  const parts = path.split('/').filter((x) => x !== '');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let decision: IgnoreDecision = { excluded: false, entry: undefined };
  for (const e of file.entries) {
    if (e.pattern === '') continue;
    const compiledPattern = patternOf(e);
    if (!compiledPattern) continue;
    if (prefixes.some((p) => compiledPattern.matches(p))) decision = { excluded: !e.negated, entry: e };
  }
  return decision;
}

/** Instructions that send the whole build context into the image: `COPY . x`, `ADD ./ x`, `COPY * x`. */
export const WHOLE_CONTEXT = /^(\.\/?|\*|\.\/\*)$/;

/** The COPY/ADD sources that send the whole build context (the first one in the file), if any. */
export function wholeContextCopy(model: DockerfileModel | undefined): Word | undefined {
  if (!model) return undefined;
  for (const n of model.instructions) {
    if (n.kind !== 'copy' || n.from !== undefined || n.heredoc) continue;
    const src = n.sources.find((w) => WHOLE_CONTEXT.test(w.hasExpansion ? n.scope.expand(w.value).value : w.value));
    if (src) return src;
  }
  return undefined;
}
