import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Loads the CLI's CommonJS bundle with a V8 code cache. Most of a short command's time is V8 compiling code the
 * first time it runs; the cache, created after the command ran (`vm.Script#createCachedData`), holds the bytecode
 * of every function that ran, so the next run of the same command skips that. A cache made right after compiling
 * (what v8-compile-cache and Node's `module.enableCompileCache` do) holds only the top level of the bundle and
 * saved nothing measurable (docs/check.md, "Start-up time").
 *
 * One cache file per command, since each runs different code: `<command>-<bundle sha256>-<V8>-<arch>.bin` in a
 * folder of the user's own. The bundle's digest comes from the build (V8 itself only checks the source's length).
 * Whatever goes wrong with the cache (no home, a read-only disk, a rejected or damaged file) only means compiling
 * without it: the cache can make pycrane faster, never fail.
 */

/** What the bundle script writes next to the bundle (pycrane.json beside pycrane.cjs). */
export interface BundleManifest {
  readonly sha256: string;
}

export function readBundleManifest(file: string): BundleManifest | undefined {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<BundleManifest>;
    return typeof m.sha256 === 'string' && /^[0-9a-f]{64}$/.test(m.sha256) ? { sha256: m.sha256 } : undefined;
  } catch {
    return undefined;
  }
}

/** The folder for pycrane's caches: `$XDG_CACHE_HOME/pycrane`, else the platform's per-user cache folder. */
export function userCacheDir(env: Readonly<Record<string, string | undefined>>, platform: string, home: string): string | undefined {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'pycrane');
  if (platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'pycrane', 'Cache') : undefined;
  if (!home) return undefined;
  return platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'pycrane') : path.join(home, '.cache', 'pycrane');
}

/** The cache file of one command: the first argument that is not an option (`main` for --version, --help). */
export function codeCacheFile(dir: string, argv: readonly string[], manifest: BundleManifest, runtime: { v8: string; arch: string }): string {
  const first = argv.find((a) => !a.startsWith('-'));
  const command = first !== undefined && /^[a-z]{1,20}$/.test(first) ? first : 'main';
  const v8 = runtime.v8.replace(/[^0-9A-Za-z.]/g, '_');
  return path.join(dir, 'v8', `${command}-${manifest.sha256.slice(0, 16)}-${v8}-${runtime.arch}.bin`);
}

export interface LoadedBundle<T> {
  readonly exports: T;
  /** V8 took the cache. */
  readonly cacheUsed: boolean;
  /** Writes the cache when there was none or V8 rejected it (call it after the command ran); never throws. */
  save(): void;
}

/** Cache files written longer ago are removed when a new one is written (other versions of pycrane, of Node). */
const STALE_MS = 30 * 24 * 3600 * 1000;

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * `mkdir -p` that gives up instead of looping: Node's recursive mkdirSync spins forever where mkdir answers ENOENT
 * under a folder that exists (procfs, for one).
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = path.dirname(d)) {
    if (path.dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
}

/** Writes what `data()` returns; the folder comes first, so that a run that cannot write pays nothing for it. */
function writeCache(file: string, data: () => Buffer, now: number): void {
  const dir = path.dirname(file);
  makeDirs(dir);
  for (const name of readdirSync(dir)) {
    const other = path.join(dir, name);
    if (other !== file && name.endsWith('.bin') && now - statSync(other).mtimeMs > STALE_MS) unlinkSync(other);
  }
  // Atomic: a concurrent run reads the old file or the new one, never half of one.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data(), { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * Runs a CommonJS file the way Node's loader would (same wrapper, `require` relative to it), compiled with the
 * code cache in `cacheFile` when there is one.
 */
export function loadWithCodeCache<T>(file: string, cacheFile: string): LoadedBundle<T> {
  const source = readFileSync(file, 'utf8');
  const cachedData = readCache(cacheFile);
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    path.dirname(file),
  );
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return {
    exports: module.exports,
    cacheUsed,
    save() {
      if (cacheUsed) return;
      try {
        writeCache(cacheFile, () => script.createCachedData(), Date.now());
      } catch {
        // No cache this time: the next run tries again.
      }
    },
  };
}
