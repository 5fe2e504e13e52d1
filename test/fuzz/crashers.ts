import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { shortHash } from './rng.js';

const META = '.meta.json';

/** What a saved crasher threw (or how long it ran), next to it as <hash>.meta.json. */
export interface CrasherMeta {
  readonly family: string;
  /** The seed project it was run in (companion files), and the file of it the input replaces. */
  readonly seed: string;
  readonly target: string;
  readonly kind: 'crash' | 'slow';
  readonly signature: string;
  /** `RangeError: Maximum call stack size exceeded`, or `took 2400 ms` / `no answer after 2500 ms`. */
  readonly threw: string;
  readonly stackTop: string | undefined;
  /** The innermost frame, when outside src/ (inside a dependency). */
  readonly innermost?: string;
  /** The run that found it: `npm run fuzz -- --seed S --family F` rebuilds input `index`. */
  readonly found: { readonly runSeed: number; readonly index: number; readonly originalLength: number };
  /** The input, when its UTF-8 file would not give it back exactly. */
  readonly exact?: string;
}

export interface Crasher {
  readonly file: string;
  readonly text: string;
  readonly meta: CrasherMeta;
}

export function crashersDir(root: string): string {
  return path.join(root, 'test', 'fuzz', 'crashers');
}

export function loadCrashers(root: string): Crasher[] {
  const dir = crashersDir(root);
  const out: Crasher[] = [];
  let families: string[] = [];
  try {
    families = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return out;
  }
  for (const family of families) {
    const files = readdirSync(path.join(dir, family)).sort();
    for (const json of files.filter((f) => f.endsWith(META))) {
      const meta = JSON.parse(readFileSync(path.join(dir, family, json), 'utf8')) as CrasherMeta;
      const hash = json.slice(0, -META.length);
      const input = files.find((f) => f !== json && f.startsWith(`${hash}.`));
      if (!input) continue;
      const text = meta.exact ?? readFileSync(path.join(dir, family, input), 'utf8');
      out.push({ file: `test/fuzz/crashers/${family}/${input}`, text, meta });
    }
  }
  return out;
}

/** One saved input (<hash>.<ext>) with the .meta.json beside it: to replay it alone (`npm run fuzz -- --replay FILE`). */
export function readCrasher(file: string): Crasher {
  const base = path.basename(file);
  const hash = base.slice(0, base.indexOf('.'));
  const metaFile = path.join(path.dirname(file), `${hash}${META}`);
  let meta: CrasherMeta;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as CrasherMeta;
  } catch (error) {
    throw new Error(`${file}: no readable ${hash}${META} beside it (${(error as Error).message})`);
  }
  return { file, text: meta.exact ?? readFileSync(file, 'utf8'), meta };
}

/** Writes test/fuzz/crashers/<family>/<hash>.<ext> and its .meta.json; returns the input's path. */
export function saveCrasher(root: string, ext: string, text: string, meta: Omit<CrasherMeta, 'exact'>): string {
  return path.relative(root, saveInput(path.join(crashersDir(root), meta.family), ext, text, meta));
}

/** Writes <dir>/<hash>.<ext> and its .meta.json (what `--replay` reads); returns the input's path. */
export function saveInput(dir: string, ext: string, text: string, meta: Omit<CrasherMeta, 'exact'>): string {
  mkdirSync(dir, { recursive: true });
  const hash = shortHash(text);
  const exact = Buffer.from(text, 'utf8').toString('utf8') === text ? {} : { exact: text };
  writeFileSync(path.join(dir, `${hash}.${ext}`), text);
  writeFileSync(path.join(dir, `${hash}${META}`), `${JSON.stringify({ ...meta, ...exact }, null, 2)}\n`);
  return path.join(dir, `${hash}.${ext}`);
}
