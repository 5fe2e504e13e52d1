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
  /** Whether the pattern matches `path` or one of its parent folders (`a` or `a/b` of `a/b/c`), in one pass. */
  matchesPathOrParent(path: string): boolean;
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
  // Literal characters the path must hold whatever the wildcards match: those before the first wildcard
  // start it, and the longest run of them is in it. Checked first, they turn most patterns down in O(1).
  let prefix = '';
  let onlyLiterals = true;
  let literalRun = '';
  let longestRun = '';
  const literal = (lit: string) => {
    char((x) => x === lit);
    literalRun += lit;
    if (onlyLiterals) prefix += lit;
  };
  const endOfLiterals = () => {
    onlyLiterals = false;
    if (literalRun.length > longestRun.length) longestRun = literalRun;
    literalRun = '';
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*' || c === '?' || c === '[') endOfLiterals();
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
      literal(p[i] as string);
    } else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) return undefined;
      const test = classTest(p.slice(i + 1, close));
      if (!test) return undefined;
      char(test);
      i = close;
    } else literal(c);
  }
  endOfLiterals();
  const mayMatch = (path: string) => path.startsWith(prefix) && path.includes(longestRun);
  return {
    matches: (path) => mayMatch(path) && run(steps, path, false),
    matchesPathOrParent: (path) => mayMatch(path) && run(steps, path, true),
  };
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

/**
 * The buffers every run shares (runs never nest): a run allocates nothing, so 60,000 patterns against a
 * path make no garbage. `seen[s] === generation` marks step s as already in the list being built.
 */
const shared = { seen: new Uint32Array(64), generation: 0, current: [] as number[], next: [] as number[], stack: [] as number[] };

function nextGeneration(): void {
  if (++shared.generation === 0xffffffff) {
    shared.seen.fill(0);
    shared.generation = 1;
  }
}

/** Adds `start` and every step reachable from it without consuming a character. */
function addStep(steps: readonly Step[], list: number[], start: number): void {
  const { seen, generation, stack } = shared;
  stack.push(start);
  while (stack.length > 0) {
    const s = stack.pop() as number;
    if (seen[s] === generation) continue;
    seen[s] = generation;
    const step = steps[s];
    if (step?.kind === 'split') stack.push(step.b, step.a);
    else list.push(s);
  }
}

/**
 * Runs the steps over the path: each character advances every live step at once. With `orParent`, also
 * true when the steps accept right before a `/`, which is where a parent folder of the path ends.
 */
function run(steps: readonly Step[], path: string, orParent: boolean): boolean {
  const accept = steps.length;
  if (shared.seen.length <= accept) shared.seen = new Uint32Array(2 * (accept + 1));
  let { current, next } = shared;
  nextGeneration();
  current.length = 0;
  addStep(steps, current, 0);
  for (let i = 0; i < path.length; i++) {
    const c = path[i] as string;
    if (orParent && c === '/' && current.includes(accept)) return true;
    nextGeneration();
    next.length = 0;
    for (const s of current) {
      const step = steps[s];
      if (step?.kind === 'char' && step.test(c)) addStep(steps, next, step.next);
    }
    if (next.length === 0) return false;
    const done = current;
    current = next;
    next = done;
  }
  return current.includes(accept);
}

export interface IgnoreDecision {
  readonly excluded: boolean;
  /** The entry that decided it (undefined: no pattern matched). */
  readonly entry: IgnoreEntry | undefined;
}

interface Candidate {
  readonly entry: IgnoreEntry;
  readonly pattern: PathPattern;
}

/**
 * A file's patterns as isIgnored reads them: each distinct pattern compiled once, and of the entries
 * that repeat one (same pattern, same `!`) only the last, in file order. The last matching entry
 * decides, and a repeated entry matches exactly where its last repeat does, so the others never decide.
 */
const candidatesOf = new WeakMap<IgnoreFile, readonly Candidate[]>();

function candidates(file: IgnoreFile): readonly Candidate[] {
  const known = candidatesOf.get(file);
  if (known) return known;
  const compiled = new Map<string, PathPattern | null>();
  const last = new Map<string, IgnoreEntry>();
  for (const e of file.entries) {
    if (e.pattern === '') continue;
    const key = `${e.negated ? '!' : ' '}${e.pattern}`;
    last.delete(key);
    last.set(key, e);
  }
  const list: Candidate[] = [];
  // A Map keeps the order of insertion, and each key was last inserted at its last repeat.
  for (const entry of last.values()) {
    let pattern = compiled.get(entry.pattern);
    if (pattern === undefined) compiled.set(entry.pattern, (pattern = compilePattern(entry.pattern) ?? null));
    if (pattern) list.push({ entry, pattern });
  }
  candidatesOf.set(file, list);
  return list;
}

/** Whether `path` (relative to the context, `/`-separated) is left out of the build context. */
export function isIgnored(file: IgnoreFile, path: string): IgnoreDecision {
  const normalised = path
    .split('/')
    .filter((x) => x !== '')
    .join('/');
  if (normalised === '') return { excluded: false, entry: undefined };
  const list = candidates(file);
  // The last matching pattern wins: read from the end and stop at the first match.
  for (let i = list.length - 1; i >= 0; i--) {
    const c = list[i] as Candidate;
    if (c.pattern.matchesPathOrParent(normalised)) return { excluded: !c.entry.negated, entry: c.entry };
  }
  return { excluded: false, entry: undefined };
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
