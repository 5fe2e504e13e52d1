import { type Family, familyNamed } from './families.js';
import { generateInput, runOne, TIME_LIMIT_MS } from './oracle.js';
import { CHECKING, type FromWorker, type ToWorker } from './protocol.js';
import { type Seed, seedsFor } from './seeds.js';

// A fuzz worker process (forked by pool.ts): runs inputs and answers over IPC. Input i is rebuilt from
// (runSeed, family, i), so only numbers cross; a process (not a thread) so that a fatal V8 error
// (a RegExp compiler out of memory) kills only the worker.
// Deep enough to see src/ through a few layers of a dependency (whole stacks of an overflow cost too much to format).
Error.stackTraceLimit = 200;
const send = process.send?.bind(process);
if (!send) throw new Error('fuzz worker: run me with child_process.fork');
const post = (message: FromWorker) => new Promise<void>((resolve) => send(message, undefined, undefined, () => resolve()));
const seeds = new Map<string, Promise<Seed[]>>();

function seedsOf(family: Family): Promise<Seed[]> {
  let s = seeds.get(family.name);
  if (!s) {
    s = seedsFor(family.matches);
    seeds.set(family.name, s);
  }
  return s;
}

async function fuzz(message: Extract<ToWorker, { type: 'fuzz' }>): Promise<void> {
  const family = familyNamed(message.family);
  const all = await seedsOf(family);
  let slowestMs = 0;
  let slowestIndex = -1;
  for (let index = message.start; index < message.start + message.count; index++) {
    const { seed, text } = generateInput(family, all, message.runSeed, index);
    await post({ type: 'start', index });
    const outcome = await runOne(family, seed, text);
    if (outcome.ms > slowestMs) [slowestMs, slowestIndex] = [outcome.ms, index];
    if (outcome.error || outcome.ms > TIME_LIMIT_MS) await post({ type: 'finding', finding: { family: family.name, index, seedName: seed.name, target: seed.target, text, outcome } });
  }
  await post({ type: 'fuzzed', count: message.count, slowestMs, slowestIndex });
}

async function check(message: Extract<ToWorker, { type: 'check' }>): Promise<void> {
  const family = familyNamed(message.family);
  const seed = (await seedsOf(family)).find((s) => s.name === message.seedName && s.target === message.target);
  await post({ type: 'start', index: CHECKING });
  const outcome = await runOne(family, seed ?? { project: {}, target: message.target }, message.text);
  await post({ type: 'checked', outcome });
}

// The pool went away (its run ended, or it was interrupted): nothing left to do.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: ToWorker) => {
  const job = message.type === 'fuzz' ? fuzz(message) : check(message);
  job.catch((error: unknown) => {
    // A harness bug, not a finding: the pool sees the worker die with this on stderr.
    console.error(error);
    process.exit(70);
  });
});
