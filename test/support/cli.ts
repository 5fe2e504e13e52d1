import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A CliContext that collects what a command prints: no terminal, no colours, no prompts. */
export function captureContext(cwd = process.cwd(), env: Readonly<Record<string, string | undefined>> = {}) {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    cwd,
    env,
    stdout: { write: (s) => void (out += s), isTTY: false },
    stderr: { write: (s) => void (err += s), isTTY: false },
    color: false,
    interactive: false,
  };
  return { ctx, out: () => out, err: () => err };
}

/** Runs the CLI in-process, as a non-interactive terminal-less user would. */
export async function cli(args: readonly string[], cwd = process.cwd(), env: Readonly<Record<string, string | undefined>> = {}): Promise<CliRun> {
  const captured = captureContext(cwd, env);
  const code = await runCli(args, captured.ctx);
  return { code, stdout: captured.out(), stderr: captured.err() };
}
