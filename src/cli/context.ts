/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): void; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean };
  /** Colours on stdout: a TTY and no NO_COLOR (FORCE_COLOR forces them on). */
  readonly color: boolean;
  /** Prompts are allowed: stdin is a TTY and CI is not set. */
  readonly interactive: boolean;
}

export function processContext(): CliContext {
  const env = process.env;
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  const color = forced || (Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  return {
    cwd: process.cwd(),
    env,
    stdout: process.stdout,
    stderr: process.stderr,
    color,
    interactive: Boolean(process.stdin.isTTY) && !env.CI,
  };
}
