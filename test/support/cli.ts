import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process, as a non-interactive terminal-less user would. */
export async function cli(args: readonly string[], cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    cwd,
    env: {},
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    color: false,
    interactive: false,
  };
  const code = await runCli(args, ctx);
  return { code, stdout, stderr };
}
