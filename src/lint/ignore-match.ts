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

export function patternToRegExp(pattern: string): RegExp | undefined {
  const p = clean(pattern);
  let re = '^';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '*') {
      if (p[i + 1] === '*') {
        i++;
        if (p[i + 1] === '/') {
          i++;
          re += '(.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '\\' && i + 1 < p.length) {
      i++;
      re += (p[i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (c === '[') {
      const close = p.indexOf(']', i + 1);
      if (close === -1) return undefined;
      let cls = p.slice(i + 1, close);
      if (cls.startsWith('!')) cls = `^${cls.slice(1)}`;
      re += `[${cls.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    return undefined;
  }
}

export interface IgnoreDecision {
  readonly excluded: boolean;
  /** The entry that decided it (undefined: no pattern matched). */
  readonly entry: IgnoreEntry | undefined;
}

const compiled = new WeakMap<IgnoreEntry, RegExp | null>();

function regexpOf(e: IgnoreEntry): RegExp | undefined {
  let r = compiled.get(e);
  if (r === undefined) {
    r = patternToRegExp(e.pattern) ?? null;
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
    const re = regexpOf(e);
    if (!re) continue;
    if (prefixes.some((p) => re.test(p))) decision = { excluded: !e.negated, entry: e };
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
