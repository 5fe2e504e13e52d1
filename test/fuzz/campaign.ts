import path from 'node:path';
import { type CrasherMeta, loadCrashers, saveCrasher, saveInput } from './crashers.js';
import { familyNamed } from './families.js';
import { minimise } from './minimise.js';
import { TIME_LIMIT_MS } from './oracle.js';
import type { FuzzPool, Stopped } from './pool.js';
import type { Finding } from './protocol.js';
import { generateInput } from './oracle.js';
import { seedsFor } from './seeds.js';

export interface FamilyStats {
  readonly family: string;
  readonly inputs: number;
  readonly seconds: number;
  /** Inputs that threw an internal error or ran over TIME_LIMIT_MS (hangs included). */
  readonly crashes: number;
  readonly slowestMs: number;
  /** Distinct signatures among the crashes. */
  readonly classes: readonly string[];
  /** Crashers written by this run. */
  readonly saved: readonly string[];
}

/** A run stops a family at a number of inputs (the bounded run in npm test) or at a time (npm run fuzz). */
export type Budget = { readonly inputs: number } | { readonly until: number };

const CHUNK = 25;
/** Slow inputs have no stack to tell classes apart: keep a few per family. */
const MAX_SLOW_SAVED = 4;
/** Time for minimising one class's input. */
const MINIMISE_MS = 60_000;

function signatureOf(f: Finding): string {
  return f.outcome.error ? f.outcome.error.signature : `slow: over ${TIME_LIMIT_MS} ms @ ${f.family}`;
}

/** Does `text` still fail the way `signature` says? Run on worker 0. */
async function stillFails(pool: FuzzPool, f: Finding, signature: string, text: string): Promise<boolean> {
  const { outcome, stopped } = await pool.check(0, { family: f.family, seedName: f.seedName, target: f.target, text });
  if (stopped) return signature.startsWith('slow:') || signature.startsWith(stoppedSignature(stopped, f.family));
  if (!outcome) return false;
  if (signature.startsWith('slow:')) return outcome.ms > TIME_LIMIT_MS;
  return outcome.error?.signature === signature;
}

function stoppedSignature(message: string, family: string): string {
  return message.startsWith('no answer') ? `slow: over ${TIME_LIMIT_MS} ms @ ${family}` : `worker died: ${message.replace(/\d+/g, 'N').slice(0, 80)} @ ${family}`;
}

/**
 * Fuzzes one family on every worker of the pool until the budget is spent; then minimises one input of each
 * new crash class (on worker 0) and saves it, unless a saved crasher already has that signature.
 */
export interface RunOptions {
  /** Minimise and write new crashers (the long run); the bounded run in npm test only counts. */
  readonly save: boolean;
  readonly log?: (line: string) => void;
  /** Also write every finding as found, unminimised, into this folder (`--keep DIR`), for `--replay`. */
  readonly keep?: string;
}

export async function runFamily(pool: FuzzPool, root: string, name: string, runSeed: number, budget: Budget, options: RunOptions): Promise<FamilyStats> {
  const family = familyNamed(name);
  const seeds = await seedsFor(family.matches);
  const findings: Finding[] = [];
  let next = 0;
  let inputs = 0;
  let slowestMs = 0;
  const start = performance.now();
  const more = () => ('inputs' in budget ? next < budget.inputs : Date.now() < budget.until);
  const onStopped = (s: Stopped) => {
    let input: ReturnType<typeof generateInput>;
    try {
      input = generateInput(family, seeds, runSeed, s.index);
    } catch (error) {
      // The worker died making the input, not running it: a harness bug, shown as one.
      throw new Error(`fuzz: cannot rebuild input ${s.index} of ${name} (seed ${runSeed}): ${String(error)}`, { cause: error });
    }
    const { seed, text } = input;
    const signature = s.reason === 'timeout' ? undefined : { name: 'WorkerDied', message: s.message, stackTop: '?', innermost: undefined, signature: stoppedSignature(s.message, name) };
    findings.push({ family: name, index: s.index, seedName: seed.name, target: seed.target, text, outcome: { ms: s.ms, error: signature } });
  };
  await Promise.all(
    Array.from({ length: pool.size }, async (_, n) => {
      while (more()) {
        const count = 'inputs' in budget ? Math.min(CHUNK, budget.inputs - next) : CHUNK;
        const job = { family: name, runSeed, start: next, count };
        next += count;
        const r = await pool.fuzz(n, job, (f) => findings.push(f));
        inputs += r.done;
        slowestMs = Math.max(slowestMs, r.slowestMs);
        if (r.stopped) {
          onStopped(r.stopped);
          // The rest of the chunk, after the stopped input.
          const rest = job.start + count - (r.stopped.index + 1);
          if (rest > 0) {
            const r2 = await pool.fuzz(n, { ...job, start: r.stopped.index + 1, count: rest }, (f) => findings.push(f));
            inputs += r2.done;
            slowestMs = Math.max(slowestMs, r2.slowestMs);
            if (r2.stopped) onStopped(r2.stopped);
          }
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  if (options.keep !== undefined) for (const f of findings) saveInput(path.join(options.keep, f.family), family.ext, f.text, metaOf(f, signatureOf(f), runSeed));
  const saved = options.save ? await saveNewClasses(pool, root, findings, runSeed, options.log ?? (() => {})) : [];
  return { family: name, inputs, seconds, crashes: findings.length, slowestMs, classes: [...new Set(findings.map(signatureOf))].sort(), saved };
}

function metaOf(f: Finding, signature: string, runSeed: number): Omit<CrasherMeta, 'exact'> {
  const error = f.outcome.error;
  return {
    family: f.family,
    seed: f.seedName,
    target: f.target,
    kind: signature.startsWith('slow:') ? 'slow' : 'crash',
    signature,
    threw: error ? `${error.name}: ${error.message}` : `took ${Math.round(f.outcome.ms)} ms (limit ${TIME_LIMIT_MS} ms)`,
    stackTop: error?.stackTop,
    ...(error?.innermost ? { innermost: error.innermost } : {}),
    found: { runSeed, index: f.index, originalLength: f.text.length },
  };
}

async function saveNewClasses(pool: FuzzPool, root: string, findings: readonly Finding[], runSeed: number, log: (line: string) => void): Promise<string[]> {
  const existing = loadCrashers(root).map((c) => c.meta);
  const known = new Set(existing.map((m) => m.signature));
  const slowSaved = (family: string) => existing.filter((m) => m.family === family && m.kind === 'slow').length;
  const bySignature = new Map<string, Finding[]>();
  for (const f of findings) bySignature.set(signatureOf(f), [...(bySignature.get(signatureOf(f)) ?? []), f]);
  const saved: string[] = [];
  for (const [signature, group] of bySignature) {
    const slow = signature.startsWith('slow:');
    if (slow ? slowSaved(group[0]?.family ?? '') >= MAX_SLOW_SAVED : known.has(signature)) continue;
    const f = [...group].sort((a, b) => a.text.length - b.text.length)[0] as Finding;
    log(`  minimising ${signature} (${f.text.length} chars) ...`);
    const text = await minimise(f.text, (t) => stillFails(pool, f, signature, t), { maxTests: slow ? 40 : 1500, deadline: Date.now() + MINIMISE_MS });
    const family = familyNamed(f.family);
    const meta = metaOf(f, signature, runSeed);
    const file = saveCrasher(root, family.ext, text, meta);
    log(`  saved ${file} (${text.length} chars)`);
    saved.push(file);
    known.add(signature);
    if (slow) existing.push({ ...meta });
  }
  return saved;
}
