import { runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

export const nonNumericUser = defineRule({
  id: 'PC202',
  name: 'non-numeric-user',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The runtime stage\'s USER is a name, not a numeric UID.',
    why: 'Kubernetes (`runAsNonRoot: true`) and other platforms can only verify that an image does not run as root when USER is numeric: with a name they refuse to start the pod ("image has non-numeric user"). A numeric UID also maps cleanly onto volume ownership. Create the user with a fixed UID and write `USER 10001:10001`.',
    bad: { code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER app\n' },
    good: { code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER 10001:10001\n' },
  },
  messages: { name: 'USER {{user}} is a name; use the numeric UID (and GID), e.g. `USER 10001:10001`, so platforms can verify it is not root.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const user = runtimeStageOf(model)?.user;
        if (!user || !user.resolved.complete) return;
        const name = (user.resolved.value.split(':')[0] ?? '').trim();
        if (name === '' || name === 'root' || /^\d+$/.test(name)) return;
        ctx.report({ messageId: 'name', range: user.argsRange, data: { user: user.resolved.value } });
      },
    };
  },
});
