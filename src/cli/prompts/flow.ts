/**
 * The question flow of `pycrane init`: a flag answers its question; on a terminal the
 * questions pycrane is unsure of are put to the user (through a Prompter, clack.ts on a real
 * terminal); every other question takes what detection gives. Answers that differ from the
 * detected ones become the config entries init remembers, so that `init --check` (which asks
 * nothing) plans the same files.
 */
import { UserError } from '../../core/errors.js';
import type { TomlEntry, TomlValue } from '../../io/remember-config.js';
import type { Question, QuestionId } from './questions.js';

export const CANCELLED: unique symbol = Symbol('cancelled');

/** Puts one question to the user: the answer as flag text (checked with `question.parse`), or CANCELLED (Ctrl-C). */
export interface Prompter {
  ask(question: Question): Promise<string | typeof CANCELLED>;
}

export interface Answer {
  readonly id: QuestionId;
  readonly text: string;
  readonly value: TomlValue;
  readonly by: 'flag' | 'prompt' | 'detected';
}

/** Flag values by question id (`{ port: '9000' }`), as commander gives them. */
export type AnswerFlags = Partial<Record<QuestionId, string>>;

const same = (a: TomlValue, b: TomlValue) => JSON.stringify(a) === JSON.stringify(b);

function flagAnswer(question: Question, text: string): Answer {
  const parsed = question.parse(text);
  if ('error' in parsed) throw new UserError('E_USAGE', `--${question.id} "${text}": ${parsed.error}`);
  return { id: question.id, text, value: parsed.value, by: 'flag' };
}

/**
 * Answers every question: flags first, then (with a prompter) the questions marked `ask`,
 * in order. Returns CANCELLED when the user pressed Ctrl-C at a question.
 */
export async function answerQuestions(questions: readonly Question[], flags: AnswerFlags, prompter: Prompter | undefined): Promise<Answer[] | typeof CANCELLED> {
  // Flags are checked before anything is asked: a bad one stops init at once.
  const given = new Map(questions.flatMap((q) => (flags[q.id] === undefined ? [] : [[q.id, flagAnswer(q, flags[q.id] as string)] as const])));
  const answers: Answer[] = [];
  for (const question of questions) {
    const flag = given.get(question.id);
    if (flag) {
      answers.push(flag);
      continue;
    }
    if (prompter && question.ask) {
      const text = await prompter.ask(question);
      if (text === CANCELLED) return CANCELLED;
      const parsed = question.parse(text);
      // The prompter validates with parse; a prompter that did not is a bug.
      if ('error' in parsed) throw new Error(`prompt for ${question.id} returned an invalid answer: ${parsed.error}`);
      answers.push({ id: question.id, text, value: parsed.value, by: 'prompt' });
      continue;
    }
    if (question.detected !== undefined) {
      const parsed = question.parse(question.detected);
      if ('value' in parsed) answers.push({ id: question.id, text: question.detected, value: parsed.value, by: 'detected' });
    }
  }
  return answers;
}

/** The answers to remember: those that differ from what detection gives (answers equal to it are not written). */
export function changedEntries(questions: readonly Question[], answers: readonly Answer[]): TomlEntry[] {
  const entries: TomlEntry[] = [];
  for (const question of questions) {
    const answer = answers.find((a) => a.id === question.id);
    if (!answer || answer.by === 'detected') continue;
    const detected = question.detected === undefined ? undefined : question.parse(question.detected);
    if (detected && 'value' in detected && same(detected.value, answer.value)) continue;
    entries.push({ key: question.id, value: answer.value });
  }
  return entries;
}
