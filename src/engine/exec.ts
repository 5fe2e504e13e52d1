/**
 * The one module that starts processes. Everything else in engine/ receives an `ExecFn`,
 * so unit tests replace it with `fakeExec` (engine/testing/fake-exec.ts) and assert argv.
 *
 * Commands are argv arrays run without a shell; the environment is passed explicitly.
 */
import { spawn } from 'node:child_process';

export interface ExecRequest {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** The complete environment of the child (never merged with process.env here). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Written to the child's stdin, then stdin is closed. */
  readonly input?: string;
  /** Kill the child (SIGKILL) after this many milliseconds; the result then has `timedOut`. */
  readonly timeoutMs?: number;
  /**
   * How output travels: `capture` (default) collects stdout and stderr; `inherit-stderr` lets
   * the child draw on our stderr (BuildKit's TTY progress) and captures stdout; a function
   * receives every chunk as it arrives, and the output is captured as well; `inherit` hands
   * the child our stdin, stdout and stderr (an interactive shell) and captures nothing.
   */
  readonly output?: 'capture' | 'inherit-stderr' | 'inherit' | ((stream: 'stdout' | 'stderr', chunk: string) => void);
}

export interface ExecResult {
  /** Exit code; -1 when the process could not start or died of a signal. */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly signal?: string;
  readonly timedOut?: boolean;
  /** Set when the executable was not found (ENOENT) or could not be started. */
  readonly spawnError?: string;
  readonly notFound?: boolean;
}

export type ExecFn = (request: ExecRequest) => Promise<ExecResult>;

function cleanEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  return out;
}

/** The real ExecFn, over node:child_process spawn (no shell). */
export const nodeExec: ExecFn = (request) =>
  new Promise((resolve) => {
    const inherit = request.output === 'inherit-stderr';
    const interactive = request.output === 'inherit';
    const child = spawn(request.cmd, [...request.args], {
      cwd: request.cwd,
      env: cleanEnv(request.env),
      shell: false,
      stdio: interactive ? 'inherit' : ['pipe', 'pipe', inherit ? 'inherit' : 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const sink = typeof request.output === 'function' ? request.output : undefined;
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
      sink?.('stdout', chunk);
    });
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
      sink?.('stderr', chunk);
    });
    const timer =
      request.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, request.timeoutMs);
    const finish = (result: ExecResult): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(result);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        code: -1,
        stdout,
        stderr,
        spawnError: error.message,
        notFound: error.code === 'ENOENT',
      });
    });
    child.on('close', (code, signal) => {
      finish({
        code: code ?? -1,
        stdout,
        stderr,
        ...(signal ? { signal } : {}),
        ...(timedOut ? { timedOut: true } : {}),
      });
    });
    child.stdin?.on('error', () => {
      /* the child may exit before reading its input */
    });
    child.stdin?.end(request.input ?? '');
  });
