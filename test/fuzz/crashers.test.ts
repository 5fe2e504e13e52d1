import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCrashers } from './crashers.js';
import { TIME_LIMIT_MS } from './oracle.js';
import { FuzzPool } from './pool.js';
import { repoRoot } from './seeds.js';

// Every saved crasher (test/fuzz/crashers/<family>/<hash>.<ext>, what it threw in <hash>.meta.json) runs
// through the same entry points as when it was found, in a worker that is stopped after the time limit.
const root = repoRoot();
const crashers = loadCrashers(root);
let pool: FuzzPool;

beforeAll(async () => {
  pool = await FuzzPool.start(root, 1);
});

afterAll(async () => {
  await pool.close();
});

describe('saved fuzz crashers', () => {
  it('are there and readable', () => {
    expect(crashers.length).toBeGreaterThan(0);
  });
  for (const c of crashers) {
    it(`${c.file}: ${c.meta.threw} (${c.meta.stackTop ?? 'no stack'})`, { timeout: 30_000 }, async () => {
      const { outcome, stopped } = await pool.check(0, { family: c.meta.family, seedName: c.meta.seed, target: c.meta.target, text: c.text });
      expect(stopped, 'the worker had to be stopped').toBeUndefined();
      expect(outcome?.error, 'internal error').toBeUndefined();
      expect(outcome?.ms ?? Infinity, 'ms').toBeLessThanOrEqual(TIME_LIMIT_MS);
    });
  }
});
