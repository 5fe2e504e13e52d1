import { UserError } from '../../src/core/errors.js';
import { type Family, runInput } from './families.js';
import { mutate } from './mutate.js';
import { makeRng, mixSeed } from './rng.js';
import type { Seed } from './seeds.js';

/**
 * Every input must be answered within this (the harness's second oracle, after "no internal error"):
 * 2 s in `npm run fuzz`, where the budget is measured. `npm test` (vitest.config.ts) sets
 * PYCRANE_FUZZ_LIMIT_MS higher: there it guards against hangs and regressions on a loaded
 * machine, not speed, which a timed unit test cannot measure reliably.
 */
export const TIME_LIMIT_MS = Number(process.env.PYCRANE_FUZZ_LIMIT_MS) > 0 ? Number(process.env.PYCRANE_FUZZ_LIMIT_MS) : 2000;

export interface InternalError {
  readonly name: string;
  readonly message: string;
  /** The innermost frame in src/ (`src/dockerfile/expand.ts:88 expandVars`), or the innermost frame. */
  readonly stackTop: string;
  /** The innermost frame, when it is not in src/ (a dependency's parser that recursed too deep). */
  readonly innermost: string | undefined;
  /** Groups crashes of one class: the error type, its message without numbers, and the stack top's file and function. */
  readonly signature: string;
}

export interface Outcome {
  readonly ms: number;
  readonly error: InternalError | undefined;
}

/** Source frames of the stack, innermost first, as `file:line function`. */
function frames(stack: string): string[] {
  const out: string[] = [];
  for (const line of stack.split('\n')) {
    const m = /^\s+at (?:(.*?) \()?(.*?):(\d+):\d+\)?$/.exec(line);
    if (!m) continue;
    const [, fn, file, row] = m as unknown as [string, string | undefined, string, string];
    const src = /(?:^|\/)((?:src|test|node_modules)\/.*)$/.exec(file.replace(/^file:\/\//, ''))?.[1] ?? file;
    out.push(`${src}:${row} ${fn ?? '<anonymous>'}`);
  }
  return out;
}

export function describeError(error: unknown): InternalError {
  const e = error instanceof Error ? error : new Error(String(error));
  const all = frames(e.stack ?? '');
  const stackTop = all.find((f) => f.startsWith('src/')) ?? all[0] ?? '?';
  const innermost = all[0] !== undefined && all[0] !== stackTop ? all[0] : undefined;
  const message = (e.message.split('\n')[0] ?? '').slice(0, 300);
  const shape = message.replace(/\d+/g, 'N').replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"').slice(0, 80);
  // A stack overflow stops anywhere in its cycle of calls: its class is the file (or the package) it recursed in.
  const overflow = e instanceof RangeError && /call stack/.test(e.message);
  const where = overflow ? stackTop.replace(/:\d+ .*$/, '').replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, '$1') : stackTop.replace(/:\d+ /, ' ');
  return { name: e.name, message, stackTop, innermost, signature: `${e.name}: ${shape} @ ${where}` };
}

/** Runs one input; anything but a UserError that escapes is an internal error. */
export async function runOne(family: Family, seed: Pick<Seed, 'project' | 'target'>, text: string): Promise<Outcome> {
  const start = performance.now();
  try {
    await runInput(family, seed, text);
    return { ms: performance.now() - start, error: undefined };
  } catch (error) {
    const ms = performance.now() - start;
    return { ms, error: error instanceof UserError ? undefined : describeError(error) };
  }
}

/**
 * Input `index` of a run: a seed and its mutation, both drawn from (runSeed, family, index) alone, so any
 * input can be made again from its number (a hung worker's input is rebuilt by the pool).
 */
export function generateInput(family: Family, seeds: readonly Seed[], runSeed: number, index: number): { seed: Seed; text: string } {
  const rng = makeRng(mixSeed(runSeed, family.name, index));
  const seed = rng.pick(seeds);
  const donors = [rng.pick(seeds), rng.pick(seeds)].map((s) => s.project[s.target] ?? '');
  const text = mutate(seed.project[seed.target] ?? '', { rng, format: family.format, donors });
  // What a user's file can hold: it is read as UTF-8, so a cut surrogate pair becomes U+FFFD.
  return { seed, text: Buffer.from(text, 'utf8').toString('utf8') };
}
