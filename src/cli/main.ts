import { Command, CommanderError } from 'commander';
import { ExitCode, PycraneError } from '../core/errors.js';
import { type CliContext, processContext } from './context.js';
import { registerCommands } from './commands/index.js';
import { VERSION } from './version.js';

/**
 * Runs the CLI and returns the exit code; never calls process.exit itself, so tests can
 * run it in-process. Errors a user can act on print as one line; anything else is a bug
 * and prints its stack only with --debug.
 */
export async function runCli(argv: readonly string[], ctx: CliContext = processContext()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = new Command('pycrane')
    .description('Production-grade container setups for Python projects.')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    });
  registerCommands(program, ctx, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; unknown options and missing arguments are usage errors.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof PycraneError) {
      ctx.stderr.write(`pycrane: ${error.describe()}\n`);
      if (error.hint) ctx.stderr.write(`  ${error.hint}\n`);
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    ctx.stderr.write(`pycrane: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    else ctx.stderr.write('  This is a bug in pycrane; run again with --debug and report the stack trace.\n');
    return ExitCode.internal;
  }
}
