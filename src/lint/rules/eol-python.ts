import { pythonMinorOf } from '../analysis.js';
import { pythonEol } from '../python-eol.js';
import { defineRule } from '../rule.js';

export const eolPython = defineRule({
  id: 'PC604',
  name: 'eol-python',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A base image runs a Python version past its end of life.',
    why: 'After end of life a Python minor gets no security fixes, the official images stop being rebuilt (so their Debian packages go stale too), and libraries drop support, which pins you to old, vulnerable releases. Move to a supported minor (see devguide.python.org/versions).',
    bad: { code: 'FROM python:3.8-slim\n' },
    good: { code: 'FROM python:3.13-slim\n' },
  },
  messages: { eol: 'Python {{minor}} reached end of life on {{date}}; use a supported version (3.11 or newer).' },
  create(ctx) {
    return {
      FROM(node, stage) {
        if (stage.baseStage !== undefined) return;
        const minor = pythonMinorOf(node);
        if (!minor) return;
        const date = pythonEol(minor, ctx.now);
        if (date) ctx.report({ messageId: 'eol', range: node.tagRange ?? node.imageRange ?? node.range, data: { minor, date } });
      },
    };
  },
});
