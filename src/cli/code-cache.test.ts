import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { codeCacheFile, loadWithCodeCache, readBundleManifest, userCacheDir } from './code-cache.js';

const SHA = 'ab'.repeat(32);
const runtime = { v8: '11.3.244.8-node.38', arch: 'x64' };

describe('userCacheDir', () => {
  it('takes an absolute XDG_CACHE_HOME on every platform, and ignores a relative one', () => {
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, 'linux', '/home/me')).toBe('/var/cache/me/pycrane');
    expect(userCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, 'darwin', '/Users/me')).toBe('/var/cache/me/pycrane');
    expect(userCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/me')).toBe('/home/me/.cache/pycrane');
  });
  it("uses the platform's per-user cache folder otherwise", () => {
    expect(userCacheDir({}, 'linux', '/home/me')).toBe('/home/me/.cache/pycrane');
    expect(userCacheDir({}, 'darwin', '/Users/me')).toBe('/Users/me/Library/Caches/pycrane');
    expect(userCacheDir({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32', 'C:\\Users\\me')).toBe(
      path.join('C:\\Users\\me\\AppData\\Local', 'pycrane', 'Cache'),
    );
  });
  it('has none without a home folder', () => {
    expect(userCacheDir({}, 'linux', '')).toBeUndefined();
    expect(userCacheDir({}, 'win32', 'C:\\Users\\me')).toBeUndefined();
  });
});

describe('codeCacheFile', () => {
  it('names the file after the command, the bundle, V8 and the architecture', () => {
    expect(codeCacheFile('/c', ['check', '.', '--format', 'json'], { sha256: SHA }, runtime)).toBe(
      '/c/v8/check-abababababababab-11.3.244.8_node.38-x64.bin',
    );
    expect(codeCacheFile('/c', ['--no-color', 'inspect'], { sha256: SHA }, runtime)).toBe('/c/v8/inspect-abababababababab-11.3.244.8_node.38-x64.bin');
  });
  it('puts option-only runs and unknown words under "main"', () => {
    for (const argv of [['--version'], [], ['../../etc'], ['Check']]) {
      expect(path.basename(codeCacheFile('/c', argv, { sha256: SHA }, runtime))).toBe('main-abababababababab-11.3.244.8_node.38-x64.bin');
    }
  });
});

describe('readBundleManifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pycrane-manifest-'));
  });
  it('reads the digest the bundle script wrote', () => {
    writeFileSync(path.join(dir, 'pycrane.json'), JSON.stringify({ sha256: SHA }));
    expect(readBundleManifest(path.join(dir, 'pycrane.json'))).toEqual({ sha256: SHA });
  });
  it('has none for a missing, malformed or foreign file', () => {
    expect(readBundleManifest(path.join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(path.join(dir, 'bad.json'), '{');
    expect(readBundleManifest(path.join(dir, 'bad.json'))).toBeUndefined();
    writeFileSync(path.join(dir, 'short.json'), JSON.stringify({ sha256: 'abc' }));
    expect(readBundleManifest(path.join(dir, 'short.json'))).toBeUndefined();
  });
});

describe('loadWithCodeCache', () => {
  let dir: string;
  let n = 0;
  // A distinct source per bundle: V8 keeps compiled scripts per process, which would hide whether the file was used.
  const bundle = (body = ''): string => {
    const file = path.join(dir, `bundle-${++n}.cjs`);
    writeFileSync(
      file,
      `"use strict";\nconst path = require("node:path");\nmodule.exports = { id: ${n}, dir: __dirname, file: path.basename(__filename), self: this === module.exports, twice: (x) => x * 2 };\n${body}\n`,
    );
    return file;
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'pycrane-code-cache-'));
  });

  it('runs the file as Node would: exports, require, __filename, __dirname, this', () => {
    const file = bundle();
    const loaded = loadWithCodeCache<{ id: number; dir: string; file: string; self: boolean; twice(x: number): number }>(file, path.join(dir, 'cache', 'a.bin'));
    expect(loaded.exports).toMatchObject({ id: n, dir, file: path.basename(file), self: true });
    expect(loaded.exports.twice(21)).toBe(42);
    expect(loaded.cacheUsed).toBe(false);
  });

  it('writes the cache after the run, in a folder and file of the user only, and uses it next time', () => {
    const file = bundle();
    const cacheFile = path.join(dir, 'cache', 'v8', 'check.bin');
    loadWithCodeCache(file, cacheFile).save();
    expect(statSync(cacheFile).size).toBeGreaterThan(0);
    expect(statSync(cacheFile).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(cacheFile)).mode & 0o777).toBe(0o700);
    const again = loadWithCodeCache<{ id: number }>(file, cacheFile);
    expect(again.cacheUsed).toBe(true);
    expect(again.exports.id).toBe(n);
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(cacheFile, past, past);
    again.save(); // accepted: nothing to write
    expect(statSync(cacheFile).mtimeMs).toBe(past.getTime());
  });

  it('ignores a damaged cache, still runs the file, and replaces the cache', () => {
    const file = bundle();
    const cacheFile = path.join(dir, 'damaged.bin');
    writeFileSync(cacheFile, 'not a V8 code cache');
    const loaded = loadWithCodeCache<{ id: number }>(file, cacheFile);
    expect(loaded.cacheUsed).toBe(false);
    expect(loaded.exports.id).toBe(n);
    loaded.save();
    expect(readFileSync(cacheFile, 'utf8')).not.toBe('not a V8 code cache');
    // Another bundle of another length (V8 checks no more than the length: the file name holds the bundle's digest).
    expect(loadWithCodeCache(bundle('// another bundle'), cacheFile).cacheUsed).toBe(false);
  });

  it('never fails when the cache cannot be written', () => {
    const file = bundle();
    writeFileSync(path.join(dir, 'blocker'), '');
    const loaded = loadWithCodeCache(file, path.join(dir, 'blocker', 'v8', 'x.bin'));
    expect(() => loaded.save()).not.toThrow();
    expect(existsSync(path.join(dir, 'blocker', 'v8'))).toBe(false);
  });

  it.runIf(process.platform === 'linux')('gives up where mkdir answers ENOENT under a folder that exists (procfs)', () => {
    // Node's recursive mkdirSync loops forever there.
    const loaded = loadWithCodeCache(bundle(), '/proc/pycrane-test/v8/x.bin');
    expect(() => loaded.save()).not.toThrow();
  });

  it('creates the missing folders above the cache, for the user only', () => {
    const cacheFile = path.join(dir, 'home', '.cache', 'pycrane', 'v8', 'x.bin');
    loadWithCodeCache(bundle(), cacheFile).save();
    expect(existsSync(cacheFile)).toBe(true);
    expect(statSync(path.join(dir, 'home', '.cache')).mode & 0o777).toBe(0o700);
  });

  it('removes cache files written more than 30 days ago when it writes one, and keeps the others', () => {
    const cacheDir = path.join(dir, 'v8');
    mkdirSync(cacheDir);
    const old = path.join(cacheDir, 'check-0000000000000000-10.2-x64.bin');
    const recent = path.join(cacheDir, 'inspect-1111111111111111-11.3-x64.bin');
    const notOurs = path.join(cacheDir, 'README');
    for (const f of [old, recent, notOurs]) writeFileSync(f, 'x');
    const days = (d: number) => new Date(Date.now() - d * 24 * 3600 * 1000);
    utimesSync(old, days(31), days(31));
    utimesSync(recent, days(29), days(29));
    utimesSync(notOurs, days(400), days(400));
    loadWithCodeCache(bundle(), path.join(cacheDir, 'rules.bin')).save();
    expect([existsSync(old), existsSync(recent), existsSync(notOurs), existsSync(path.join(cacheDir, 'rules.bin'))]).toEqual([false, true, true, true]);
  });
});
