import { describe, expect, it } from 'vitest';
import { planSetup } from '../../generate/index.js';
import { djangoPostgresFacts } from '../../generate/testing/facts.js';
import { answerQuestions, CANCELLED, changedEntries, type Prompter } from './flow.js';
import { initQuestions, type Question } from './questions.js';

const facts = djangoPostgresFacts();
const questions = initQuestions(facts, planSetup(facts, { directoryName: 'x' }));

/** Answers from a script (by question id; `undefined`: the detected answer, as pressing Enter gives), recording what was asked. */
function scripted(script: Record<string, string | typeof CANCELLED | undefined>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async ask(q: Question) {
      asked.push(q.id);
      return script[q.id] ?? q.detected ?? '';
    },
  };
}

describe('answerQuestions', () => {
  it('asks only the questions marked ask, in order, and takes detection for the rest', async () => {
    const prompter = scripted({});
    const answers = await answerQuestions(questions, {}, prompter);
    expect(prompter.asked).toEqual(['python', 'port', 'services']);
    expect(answers).toContainEqual({ id: 'port', text: '8000', value: 8000, by: 'prompt' });
    expect(answers).toContainEqual({ id: 'app', text: 'mysite.wsgi:application', value: 'mysite.wsgi:application', by: 'detected' });
    expect(changedEntries(questions, answers as never)).toEqual([]);
  });

  it('takes a flag instead of asking, and remembers only what differs from detection', async () => {
    const prompter = scripted({ services: 'postgres', python: '3.13' });
    const answers = await answerQuestions(questions, { port: '9000', 'health-path': '/admin/login/' }, prompter);
    expect(prompter.asked).toEqual(['python', 'services']);
    expect(answers === CANCELLED ? [] : changedEntries(questions, answers)).toEqual([
      { key: 'port', value: 9000 },
      { key: 'services', value: ['postgres'] },
    ]);
  });

  it('asks nothing without a prompter (--yes, not a terminal), but still takes the flags', async () => {
    const answers = await answerQuestions(questions, { services: 'none', command: 'gunicorn mysite.wsgi' }, undefined);
    expect(answers === CANCELLED ? [] : changedEntries(questions, answers)).toEqual([
      { key: 'command', value: ['gunicorn', 'mysite.wsgi'] },
      { key: 'services', value: [] },
    ]);
  });

  it('stops at Ctrl-C', async () => {
    const prompter = scripted({ port: CANCELLED });
    expect(await answerQuestions(questions, {}, prompter)).toBe(CANCELLED);
    expect(prompter.asked).toEqual(['python', 'port']);
  });

  it('refuses a bad flag before asking anything', async () => {
    const prompter = scripted({});
    await expect(answerQuestions(questions, { port: 'http' }, prompter)).rejects.toThrow('--port "http": expected a port number from 1 to 65535');
    await expect(answerQuestions(questions, { services: 'mysql' }, prompter)).rejects.toMatchObject({ code: 'E_USAGE' });
    expect(prompter.asked).toEqual([]);
  });
});
