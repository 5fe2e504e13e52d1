/**
 * The questions on a real terminal, drawn by @clack/prompts on stderr (stdout keeps init's
 * summary, as without questions). Each prompt shows the detected answer and where it came
 * from; Enter takes it. Ctrl-C (clack reads the keys raw, so it is a key, not SIGINT) gives
 * CANCELLED.
 */
import type { Writable } from 'node:stream';
import { confirm, intro, isCancel, multiselect, select, text } from '@clack/prompts';
import pc from 'picocolors';
import { CANCELLED, type Prompter } from './flow.js';
import type { Question } from './questions.js';

const OTHER = '\u0000other';

function heading(q: Question, color: boolean): string {
  const dim = color ? pc.dim : (s: string) => s;
  const detected = q.detected === undefined ? '' : `  ${q.detected}`;
  return `${q.message}${detected}${dim(`  (${q.from})`)}`;
}

/** The parse error of a typed answer; an empty answer is the detected one. */
function validator(q: Question) {
  return (value: string | undefined): string | undefined => {
    const answer = value === undefined || value === '' ? q.detected : value;
    if (answer === undefined) return 'an answer is needed';
    const parsed = q.parse(answer);
    return 'error' in parsed ? parsed.error : undefined;
  };
}

async function typed(q: Question, output: Writable, message: string): Promise<string | typeof CANCELLED> {
  const answer = await text({
    message,
    output,
    ...(q.detected === undefined ? {} : { placeholder: q.detected, defaultValue: q.detected }),
    validate: validator(q),
  });
  return isCancel(answer) ? CANCELLED : answer.trim();
}

export function clackPrompter(output: Writable, color: boolean, count: number): Prompter {
  let started = false;
  return {
    async ask(q) {
      if (!started) {
        intro(`pycrane init: ${count} question${count === 1 ? '' : 's'} (Enter takes the detected answer)`, { output });
        started = true;
      }
      const message = heading(q, color);
      if (q.kind === 'text') return typed(q, output, message);
      const choices = q.choices ?? [];
      if (q.kind === 'multiselect') {
        const detected = q.detected === undefined ? [] : q.detected.split(',');
        const picked = await multiselect({
          message,
          output,
          options: choices.map((c) => ({ value: c.value, label: c.label ?? c.value, ...(c.hint ? { hint: c.hint } : {}) })),
          initialValues: choices.map((c) => c.value).filter((v) => detected.includes(v)),
          required: false,
        });
        return isCancel(picked) ? CANCELLED : picked.length === 0 ? 'none' : picked.join(',');
      }
      const options = choices.map((c) => ({ value: c.value, label: c.label ?? c.value, ...(c.hint ? { hint: c.hint } : {}) }));
      if (q.other) options.push({ value: OTHER, label: 'another…', hint: 'type it' });
      const picked = await select({ message, output, options, ...(q.detected === undefined ? {} : { initialValue: q.detected }) });
      if (isCancel(picked)) return CANCELLED;
      return picked === OTHER ? typed({ ...q, detected: undefined }, output, q.message) : picked;
    },
  };
}

/** The last question: write the listed changes? Enter says yes. */
export async function confirmWrite(output: Writable): Promise<boolean | typeof CANCELLED> {
  const answer = await confirm({ message: 'Write these files?', output, initialValue: true });
  return isCancel(answer) ? CANCELLED : answer;
}
