import { composeServices, isObj, valueRange } from '../compose-model.js';
import type { PathSegment } from '../files.js';
import { defineRule } from '../rule.js';

/** `$UID`, `${UID}`, `${GID}` without a default (`${UID:-1000}` has one, `${UID:?msg}` fails loudly, `$$UID` is literal). */
const BARE = /(?<!\$)\$(?:\{(UID|GID)\}|(UID|GID)\b)/;

export const composeUidVariableUnset = defineRule({
  id: 'PC711',
  name: 'compose-uid-variable-unset',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: '`${UID}`/`${GID}` is used without a default; the shell does not export them, so Compose substitutes an empty string.',
    why: 'UID and GID are variables of bash, not environment variables: `docker compose` does not see them unless you export them, warns "The UID variable is not set. Defaulting to a blank string." and passes an empty build arg or `user: ":"`. The image then creates a user with no UID, or the build fails. Give a default (`${UID:-1000}`) or set them in `.env`.',
    bad: { code: 'services:\n  dev:\n    build:\n      context: .\n      args:\n        UID: ${UID}\n        GID: ${GID}\n' },
    good: { code: 'services:\n  dev:\n    build:\n      context: .\n      args:\n        UID: ${UID:-1000}\n        GID: ${GID:-1000}\n' },
  },
  messages: { unset: '{{name}} is not exported by the shell: Compose substitutes an empty string here. Use ${{{name}}:-1000} or set it in .env.' },
  create(ctx) {
    return {
      done() {
        for (const svc of composeServices(ctx.compose)) {
          const check = (value: unknown, path: PathSegment[]) => {
            if (typeof value !== 'string') return;
            const m = BARE.exec(value);
            if (m) ctx.report({ messageId: 'unset', range: valueRange(ctx.compose, path), data: { name: (m[1] ?? m[2]) as string } });
          };
          check(svc.value.user, [...svc.path, 'user']);
          const build = svc.value.build;
          const args = isObj(build) ? build.args : undefined;
          if (isObj(args)) for (const [k, v] of Object.entries(args)) check(v, [...svc.path, 'build', 'args', k]);
          else if (Array.isArray(args)) args.forEach((a: unknown, i) => check(a, [...svc.path, 'build', 'args', i]));
        }
      },
    };
  },
});
