/**
 * Holds SIGINT, SIGTERM and SIGHUP off while pycrane does something that must not be left
 * half-done (writing the generated files): the signal aborts the work at its next safe point
 * instead of killing the process mid-write. A second signal of the same kind is not held:
 * the user who presses Ctrl-C twice gets the default (immediate) exit.
 */
import { InterruptedError } from '../core/errors.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HeldSignal = (typeof SIGNALS)[number];

export interface Guarded<T> {
  readonly result: T;
  /** A signal that arrived after the last safe point: the work completed, the command should still stop with its code. */
  readonly lateSignal: HeldSignal | undefined;
}

export async function withSignalsHeld<T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<Guarded<T>> {
  const controller = new AbortController();
  let received: HeldSignal | undefined;
  const handlers = SIGNALS.map((name) => {
    const handler = () => {
      if (received === name) {
        // The second one: give up holding it.
        process.removeListener(name, handler);
        process.kill(process.pid, name);
        return;
      }
      received = name;
      controller.abort(new InterruptedError(name, what));
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  try {
    const result = await work(controller.signal);
    return { result, lateSignal: received };
  } finally {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
  }
}
