import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { register as inspect } from './inspect.js';
import { register as init } from './init.js';
import { register as check } from './check.js';
import { register as rules } from './rules.js';
import { register as build } from './build.js';
import { register as verify } from './verify.js';
import { register as dev } from './dev.js';

/** Sets the process's exit code from a command's result. */
export type SetExit = (code: number) => void;

/**
 * Each command file defines its options here and imports its implementation lazily in its
 * action, so `pycrane --help` and each command start without loading the others.
 */
export type Register = (program: Command, ctx: CliContext, setExit: SetExit) => void;

// One line per command, in the order --help lists them.
const commands: readonly Register[] = [inspect, init, check, rules, build, verify, dev];

export function registerCommands(program: Command, ctx: CliContext, setExit: SetExit): void {
  for (const register of commands) register(program, ctx, setExit);
}
