import { isObj, keyRange } from '../compose-model.js';
import { defineRule } from '../rule.js';

export const composeVersionObsolete = defineRule({
  id: 'PC701',
  name: 'compose-version-obsolete',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The compose file has a top-level `version:`, which Compose v2 ignores.',
    why: 'The Compose Specification dropped `version:`; Docker Compose v2 ignores it and prints "the attribute `version` is obsolete" on every command. It also misleads readers into thinking the file is limited to the features of that old format version. Delete the line.',
    bad: { code: 'version: "3.8"\nservices:\n  app:\n    build: .\n' },
    good: { code: 'services:\n  app:\n    build: .\n' },
  },
  messages: { obsolete: '`version: {{version}}` is obsolete: Compose v2 ignores it and warns; delete it.' },
  create(ctx) {
    return {
      done() {
        const root = ctx.compose.value;
        if (!isObj(root) || !('version' in root)) return;
        ctx.report({ messageId: 'obsolete', range: keyRange(ctx.compose, ['version']), data: { version: String(root.version) } });
      },
    };
  },
});
