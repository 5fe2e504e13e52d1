import { minorAdmits, pep440, poetryToPep440, satisfiesUnion, type Pep440Union } from '../../inspect/python/constraint.js';
import { formatRef } from '../../core/location.js';
import { pythonMinorOf, pythonVersionOf } from '../analysis.js';
import { defineRule } from '../rule.js';

export const pythonVersionMismatch = defineRule({
  id: 'PC502',
  name: 'python-version-mismatch',
  kind: 'dockerfile',
  category: 'flexibility',
  defaultSeverity: 'error',
  docs: {
    summary: 'A Python base image does not satisfy the project\'s Python constraint (requires-python).',
    why: 'pip, Poetry and uv refuse to install a project whose `requires-python` excludes the interpreter ("requires a different Python"), or, worse, resolve older releases of dependencies that still accept it. The base image tag should be a Python the project supports.',
    bad: { code: 'FROM python:3.9-slim\n', facts: { requiresPython: '>=3.11' } },
    good: { code: 'FROM python:3.12-slim\n', facts: { requiresPython: '>=3.11' } },
  },
  messages: { mismatch: 'Python {{version}} ({{image}}) does not satisfy the project\'s Python constraint {{constraint}}{{where}}.' },
  create(ctx) {
    const facts = ctx.facts;
    const constraints = (facts?.python.constraints ?? [])
      .map((c) => ({ c, union: (poetryToPep440(c.value) ?? pep440(c.value)) as Pep440Union | undefined }))
      .filter((x): x is { c: (typeof x)['c']; union: Pep440Union } => x.union !== undefined);
    return {
      FROM(node, stage) {
        if (constraints.length === 0 || stage.baseStage !== undefined) return;
        const minor = pythonMinorOf(node);
        if (!minor) return;
        const full = pythonVersionOf(node) ?? minor;
        const exact = full.split('.').length === 3;
        for (const { c, union } of constraints) {
          const ok = exact ? satisfiesUnion(full, union) : minorAdmits(minor, [union]);
          if (ok) continue;
          const where = c.source ? ` (${formatRef(c.source)})` : '';
          ctx.report({ messageId: 'mismatch', range: node.tagRange ?? node.imageRange ?? node.range, data: { version: full, image: node.image ?? '', constraint: c.value, where } });
          return;
        }
      },
    };
  },
});
