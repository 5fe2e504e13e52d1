/**
 * init's questions, end to end: build them from the facts, answer them from the flags and
 * (on a terminal, without --yes) the user, and turn the answers that differ from detection
 * into the edit of the project's config file that init writes with the generated files.
 */
import type { Writable } from 'node:stream';
import type { FileReader } from '../../core/reader.js';
import { planSetup } from '../../generate/index.js';
import type { ProjectFacts } from '../../inspect/model.js';
import { type ConfigEdit, rememberConfig } from '../../io/remember-config.js';
import { type AnswerFlags, answerQuestions, CANCELLED, changedEntries } from './flow.js';
import { initQuestions } from './questions.js';

export { CANCELLED } from './flow.js';

/** The confirmation before writing, drawn by clack (loaded only on a terminal). */
export async function confirmWrite(output: Writable): Promise<boolean | typeof CANCELLED> {
  return (await import('./clack.js')).confirmWrite(output);
}

export interface AskOptions {
  readonly flags: AnswerFlags;
  /** Draw the questions here (a terminal); undefined: take the flags and detection only. */
  readonly terminal: { readonly output: Writable; readonly color: boolean } | undefined;
  readonly directoryName: string;
}

/** The config edit that remembers the answers (undefined: nothing differs from detection), or CANCELLED. */
export async function askAndRemember(reader: FileReader, facts: ProjectFacts, options: AskOptions): Promise<ConfigEdit | undefined | typeof CANCELLED> {
  const questions = initQuestions(facts, planSetup(facts, { directoryName: options.directoryName }));
  const count = questions.filter((q) => q.ask && options.flags[q.id] === undefined).length;
  // @clack/prompts is loaded only when something is asked.
  const prompter = options.terminal && count > 0 ? (await import('./clack.js')).clackPrompter(options.terminal.output, options.terminal.color, count) : undefined;
  const answers = await answerQuestions(questions, options.flags, prompter);
  if (answers === CANCELLED) return CANCELLED;
  return rememberConfig(reader, facts.configFile, changedEntries(questions, answers));
}
