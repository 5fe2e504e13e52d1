import { defineRule } from '../rule.js';

/**
 * Reported by the engine (see engine.ts) when part of the check could not run on an input: a value too
 * large to expand, or a parser or rule that stopped on the input. This file carries its id and docs.
 */
export const checkIncomplete = defineRule({
  id: 'PC191',
  name: 'check-incomplete',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Part of the check could not run on this input, so findings may be missing.',
    why: 'pycrane bounds the work it does on any input: a variable whose expansion would grow past 64 KiB (`ARG B=$A$A`, `ARG C=$B$B`, ... doubles at every line) is kept as written, so the rules that need its value skip it. Rules follow the FROM chain of a stage (`FROM a AS b`, `FROM b AS c`, ...) up to 128 stages deep. A .dockerignore over 256 KiB is not read (real ones are a few KB), so the rules about it skip it. A parser or rule that stops on an input it was not written for is reported here with the error, and every other rule still runs. Either way the result is incomplete: simplify the input, or report the input to pycrane when it is an ordinary file.',
    bad: {
      code: `FROM python:3.12-slim\nARG A=xxxxxxxxxxxxxxxx\n${Array.from({ length: 14 }, (_, i) => `ARG A${i + 1}=$A${i === 0 ? '' : i}$A${i === 0 ? '' : i}`).join('\n')}\n`,
    },
    good: { code: 'FROM python:3.12-slim\nARG A=x\nARG B=$A$A\n' },
  },
  messages: {
    tooLong: '{{name}} would expand to more than {{limit}} characters{{more}}: it is kept as written, and rules that need its value skip it',
    chainTooLong: 'this stage is built on a FROM chain of more than {{limit}} stages: the rules follow the nearest {{limit}}',
    ignoreTooLarge: 'this .dockerignore has {{chars}} characters, over the {{limit}} KiB pycrane reads: the rules that need it did not run',
    crashed: '{{what}} stopped on this input ({{error}}): its checks did not run, the others did',
  },
  create() {
    return {};
  },
});
