import { type ChildProcess, fork } from 'node:child_process';
import { bundleEntry } from './bundle.js';
import type { Outcome } from './oracle.js';
import { TIME_LIMIT_MS } from './oracle.js';
import { CHECKING, type Finding, type FromWorker, type ToWorker } from './protocol.js';

/** An input still running this long after it started is stopped (the worker is replaced). */
export const HARD_LIMIT_MS = TIME_LIMIT_MS + 500;
const POLL_MS = 50;
const NOT_STARTED = -1;

/** What a worker that had to be stopped was running: a hang, or the death of the process (fatal out of memory). */
export interface Stopped {
  readonly index: number;
  readonly ms: number;
  readonly reason: 'timeout' | 'worker-died';
  readonly message: string;
}

export interface ChunkResult {
  /** Inputs run, the stopped one included. */
  readonly done: number;
  readonly slowestMs: number;
  readonly slowestIndex: number;
  readonly stopped: Stopped | undefined;
}

interface Slot {
  child: ChildProcess;
  /** The end of its stderr, for why it died. */
  stderr: string;
}

/** The input a worker runs (from its `start` messages) and since when; calls onHang past HARD_LIMIT_MS. */
function watch(slot: Slot, onHang: (index: number, ms: number) => void, onMessage: (m: FromWorker) => void, onExit: (index: number, ms: number, why: string) => void) {
  const state = { index: NOT_STARTED, since: performance.now() };
  const child = slot.child;
  const message = (m: FromWorker) => {
    if (m.type === 'start') [state.index, state.since] = [m.index, performance.now()];
    onMessage(m);
  };
  const exit = (code: number | null, signal: string | null) => {
    const fatal = (/FATAL ERROR[^\n]*/.exec(slot.stderr) ?? /\w*Error\b[^\n]*/.exec(slot.stderr))?.[0];
    onExit(state.index, performance.now() - state.since, fatal ?? `exited with ${signal ?? code}`);
  };
  const timer = setInterval(() => {
    if (state.index !== NOT_STARTED && performance.now() - state.since > HARD_LIMIT_MS) onHang(state.index, performance.now() - state.since);
  }, POLL_MS);
  child.on('message', message);
  child.on('exit', exit);
  return () => {
    clearInterval(timer);
    child.off('message', message);
    child.off('exit', exit);
  };
}

/** Fuzz worker processes (worker.ts, bundled), each replaced when an input hangs it or kills it. */
export class FuzzPool {
  private readonly slots: Slot[] = [];

  private constructor(
    private readonly root: string,
    private readonly bundle: { file: string; remove: () => void },
  ) {}

  static async start(root: string, workers: number): Promise<FuzzPool> {
    const pool = new FuzzPool(root, await bundleEntry(root, 'test/fuzz/worker.ts'));
    for (let i = 0; i < workers; i++) pool.slots.push(pool.spawn());
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    // Node's own default stack (what the CLI runs with), a heap limit, and source maps for stack tops in src/.
    const child = fork(this.bundle.file, [], {
      env: { ...process.env, PYCRANE_ROOT: this.root },
      execArgv: ['--enable-source-maps', '--max-old-space-size=2048', '--no-warnings'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const slot: Slot = { child, stderr: '' };
    child.stderr?.on('data', (chunk: Buffer) => {
      slot.stderr = (slot.stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('error', () => {}); // a send to a dead worker: its exit is handled by watch()
    child.unref();
    return slot;
  }

  private replace(n: number): void {
    const slot = this.slots[n] as Slot;
    slot.child.kill('SIGKILL');
    this.slots[n] = this.spawn();
  }

  /** Runs inputs start..start+count-1 of a family on worker `n`; findings go to onFinding as they come. */
  fuzz(n: number, job: { family: string; runSeed: number; start: number; count: number }, onFinding: (f: Finding) => void): Promise<ChunkResult> {
    const slot = this.slots[n] as Slot;
    return new Promise((resolve) => {
      const finish = (result: ChunkResult) => {
        unwatch();
        resolve(result);
      };
      const stop = (reason: Stopped['reason'], message: string, index: number, ms: number) => {
        this.replace(n);
        const at = Math.max(job.start, index);
        finish({ done: at - job.start + 1, slowestMs: ms, slowestIndex: at, stopped: { index: at, ms, reason, message } });
      };
      const unwatch = watch(
        slot,
        (index, ms) => stop('timeout', `no answer after ${HARD_LIMIT_MS} ms`, index, ms),
        (m) => {
          if (m.type === 'finding') onFinding(m.finding);
          else if (m.type === 'fuzzed') finish({ done: m.count, slowestMs: m.slowestMs, slowestIndex: m.slowestIndex, stopped: undefined });
        },
        (index, ms, why) => stop('worker-died', why, index, ms),
      );
      slot.child.send({ type: 'fuzz', ...job } satisfies ToWorker);
    });
  }

  /** One input on worker `n`: its outcome, or why it had to be stopped (a hang, a dead worker). */
  check(n: number, input: { family: string; seedName: string; target: string; text: string }): Promise<{ outcome: Outcome | undefined; stopped: string | undefined }> {
    const slot = this.slots[n] as Slot;
    return new Promise((resolve) => {
      const finish = (result: { outcome: Outcome | undefined; stopped: string | undefined }) => {
        unwatch();
        resolve(result);
      };
      const unwatch = watch(
        slot,
        () => {
          this.replace(n);
          finish({ outcome: undefined, stopped: `no answer after ${HARD_LIMIT_MS} ms` });
        },
        (m) => {
          if (m.type === 'checked') finish({ outcome: m.outcome, stopped: undefined });
        },
        (index, _ms, why) => {
          this.replace(n);
          finish({ outcome: undefined, stopped: index === CHECKING ? why : `worker died before the input: ${why}` });
        },
      );
      slot.child.send({ type: 'check', ...input } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    for (const slot of this.slots) slot.child.kill('SIGKILL');
    this.bundle.remove();
  }
}
