import os from 'node:os';
import { runFamily, type FamilyStats } from './campaign.js';
import { readCrasher } from './crashers.js';
import { FAMILIES, familyNamed } from './families.js';
import { runOne, TIME_LIMIT_MS } from './oracle.js';
import { FuzzPool } from './pool.js';
import { statsTable } from './report.js';
import { repoRoot, seedsFor } from './seeds.js';

// `npm run fuzz -- --minutes N [--family F[,G]] [--seed S] [--workers W] [--inputs N]` (scripts/fuzz.mjs bundles and runs this).
const USAGE = 'usage: npm run fuzz -- [--minutes N] [--family NAME[,NAME]] [--seed S] [--workers W] [--inputs N per family] [--keep DIR]\n       npm run fuzz -- --replay CRASHER [CRASHER ...]';

interface Args {
  readonly minutes: number;
  readonly families: readonly string[];
  readonly seed: number;
  readonly workers: number;
  readonly inputs: number | undefined;
  readonly keep: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (!/^--(minutes|family|seed|workers|inputs|keep)$/.test(flag) || value === undefined) throw new Error(`${flag}: unknown or without a value\n${USAGE}`);
    values.set(flag.slice(2), value);
    i++;
  }
  const number = (name: string, fallback: number) => {
    const v = values.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} ${v}: not a positive number\n${USAGE}`);
    return n;
  };
  const families = values.get('family')?.split(',') ?? FAMILIES.map((f) => f.name);
  for (const f of families) familyNamed(f);
  return {
    minutes: number('minutes', 1),
    families,
    seed: values.has('seed') ? number('seed', 1) >>> 0 : Math.floor(Math.random() * 2 ** 32) >>> 0,
    // Half the cores: the machine is shared.
    workers: number('workers', Math.max(1, Math.floor(os.availableParallelism() / 2))),
    inputs: values.has('inputs') ? number('inputs', 1) : undefined,
    keep: values.get('keep'),
  };
}

/**
 * `--replay FILE...`: runs saved inputs in this process, three times each, and prints what they threw and
 * how long they took; in-process so that `node --cpu-prof scripts/fuzz.mjs --replay FILE` profiles them.
 */
async function replay(files: readonly string[]): Promise<number> {
  let failed = false;
  // A shell glob also names the .meta.json files: each goes with its input.
  for (const file of files.filter((f) => !f.endsWith('.meta.json'))) {
    const { text, meta } = readCrasher(file);
    const family = familyNamed(meta.family);
    const seed = (await seedsFor(family.matches)).find((s) => s.name === meta.seed && s.target === meta.target);
    if (!seed) console.log(`${file}: seed ${meta.seed} (${meta.target}) is gone; run alone`);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await runOne(family, seed ?? { project: {}, target: meta.target }, text));
    const error = runs.find((r) => r.error)?.error;
    const slowest = Math.max(...runs.map((r) => r.ms));
    failed ||= error !== undefined || slowest > TIME_LIMIT_MS;
    console.log(`${file} (${meta.family}, ${text.length} chars): ${runs.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')}${error ? `; ${error.name}: ${error.message} at ${error.stackTop}` : ''}`);
  }
  return failed ? 1 : 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--replay') {
    if (argv.length < 2) throw new Error(`--replay: name at least one crasher\n${USAGE}`);
    return replay(argv.slice(1));
  }
  const args = parseArgs(argv);
  const root = repoRoot();
  const perFamilyMs = (args.minutes * 60_000) / args.families.length;
  console.log(`fuzz: seed ${args.seed} (repeat with --seed ${args.seed}), ${args.workers} worker(s), ${args.inputs === undefined ? `${(perFamilyMs / 1000).toFixed(0)} s per family` : `${args.inputs} inputs per family`}`);
  const pool = await FuzzPool.start(root, args.workers);
  const rows: FamilyStats[] = [];
  try {
    for (const family of args.families) {
      const budget = args.inputs === undefined ? { until: Date.now() + perFamilyMs } : { inputs: args.inputs };
      const stats = await runFamily(pool, root, family, args.seed, budget, { save: true, log: (line) => console.log(line), ...(args.keep === undefined ? {} : { keep: args.keep }) });
      rows.push(stats);
      console.log(`${family}: ${stats.inputs} inputs, ${(stats.inputs / stats.seconds).toFixed(0)}/s, ${stats.crashes} crashes, slowest ${stats.slowestMs.toFixed(0)} ms`);
      for (const c of stats.classes) console.log(`  class: ${c}`);
    }
  } finally {
    await pool.close();
  }
  console.log(`\n${statsTable(rows)}`);
  const saved = rows.flatMap((r) => r.saved);
  if (saved.length > 0) console.log(`\nnew crashers (run by test/fuzz/crashers.test.ts):\n${saved.map((s) => `  ${s}`).join('\n')}`);
  return rows.some((r) => r.crashes > 0) ? 1 : 0;
}
