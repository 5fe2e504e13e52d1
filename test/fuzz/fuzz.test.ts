import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDED_INPUTS, BOUNDED_SEED } from './bounded.js';
import { runFamily } from './campaign.js';
import { loadCrashers } from './crashers.js';
import { FAMILIES } from './families.js';
import { FuzzPool } from './pool.js';
import { statsTable } from './report.js';
import { repoRoot } from './seeds.js';
import type { FamilyStats } from './campaign.js';

// The bounded fuzzing run: every family, a fixed seed, a fixed number of inputs (npm run fuzz runs long).
// A crash class that a saved crasher already has is left to crashers.test.ts, which fails on it until it
// is fixed; here only a new class fails.
const root = repoRoot();
let pool: FuzzPool;
const rows: FamilyStats[] = [];

beforeAll(async () => {
  pool = await FuzzPool.start(root, 1);
});

afterAll(async () => {
  await pool.close();
  console.log(`bounded fuzz run, seed ${BOUNDED_SEED}:\n${statsTable(rows)}`);
});

describe('bounded fuzzing run', () => {
  const saved = loadCrashers(root).map((c) => c.meta);
  it('runs every family', () => {
    expect(Object.keys(BOUNDED_INPUTS).sort()).toEqual(FAMILIES.map((f) => f.name).sort());
  });
  for (const family of FAMILIES) {
    it(`${family.name}: no new internal error, no input over the time limit`, { timeout: 60_000 }, async () => {
      const stats = await runFamily(pool, root, family.name, BOUNDED_SEED, { inputs: BOUNDED_INPUTS[family.name] ?? 100 }, { save: false });
      rows.push(stats);
      expect(stats.inputs).toBe(BOUNDED_INPUTS[family.name]);
      const known = (signature: string) =>
        saved.some((m) => m.signature === signature || (signature.startsWith('slow:') && m.kind === 'slow' && m.family === family.name));
      expect(stats.classes.filter((c) => !known(c)), 'new crash classes: `npm run fuzz -- --family ' + family.name + ' --seed ' + BOUNDED_SEED + '` saves them').toEqual([]);
    });
  }
});
