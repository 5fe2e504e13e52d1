import { formatRef, type SourceRef } from './location.js';

/** Exit codes shared by every command (see docs/cli.md). */
export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
  noEngine: 3,
  internal: 70,
  /** 128 + the signal's number, as shells report a command a signal stopped. */
  interrupted: 130,
  terminated: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: printed as one clear line, never as a stack trace. */
export class PycraneError extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly source: SourceRef | undefined;
  readonly hint: string | undefined;

  constructor(
    code: string,
    message: string,
    options: { exitCode?: ExitCode; source?: SourceRef; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PycraneError';
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.usage;
    this.source = options.source;
    this.hint = options.hint;
  }

  /** `file:line: message` when the error has a location. */
  describe(): string {
    const where = formatRef(this.source);
    return where ? `${where}: ${this.message}` : this.message;
  }
}

/** Bad input from the user: a malformed file, a missing lock, a bad flag. Exit code 2. */
export class UserError extends PycraneError {
  constructor(code: string, message: string, options: { source?: SourceRef; hint?: string; cause?: unknown } = {}) {
    super(code, message, { ...options, exitCode: ExitCode.usage });
    this.name = 'UserError';
  }
}

/** No Docker engine answers. Exit code 3. */
export class EngineUnavailableError extends PycraneError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('E_NO_ENGINE', message, { ...options, exitCode: ExitCode.noEngine });
    this.name = 'EngineUnavailableError';
  }
}

/** SIGINT/SIGTERM arrived while pycrane was doing something it must not leave half-done. Exit 130 / 143. */
export class InterruptedError extends PycraneError {
  readonly signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP';

  constructor(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP', what: string) {
    super('E_INTERRUPTED', `interrupted by ${signal}: ${what}`, { exitCode: signal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated });
    this.name = 'InterruptedError';
    this.signal = signal;
  }
}
