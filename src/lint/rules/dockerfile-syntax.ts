import { defineRule } from '../rule.js';

/** Reported by the engine from the parser's problems (see engine.ts); this file carries its id and docs. */
export const dockerfileSyntax = defineRule({
  id: 'PC100',
  name: 'dockerfile-syntax',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'The Dockerfile has a problem the Docker builder rejects.',
    why: 'An unknown instruction, an instruction other than ARG before the first FROM, a FROM without an image or two stages with the same name make `docker build` fail before it runs a single step. pycrane still lints the rest of the file.',
    bad: { code: 'FROM python:3.12-slim\nRUNN pip install flask\n' },
    good: { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n' },
  },
  messages: { syntax: '{{problem}}' },
  create() {
    return {};
  },
});
