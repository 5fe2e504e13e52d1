import { defineRule } from '../rule.js';
import { schemaProblems } from '../schema-check.js';

export const composeSchemaInvalid = defineRule({
  id: 'PC709',
  name: 'compose-schema-invalid',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'error',
  docs: {
    summary: 'The compose file is not valid YAML or does not follow the Compose Specification\'s JSON schema.',
    why: 'Docker Compose validates the file against the same schema and refuses to run (`services.web additional property port is not allowed`), often only on the machine with the newer Compose. The other compose rules cannot read a file that does not parse. Checked against the compose-spec schema that Docker Compose v2 embeds.',
    bad: { code: 'services:\n  web:\n    image: python:3.12-slim\n    pull_policy: sometimes\n    port:\n      - "8000:8000"\n' },
    good: { code: 'services:\n  web:\n    image: python:3.12-slim\n    pull_policy: missing\n    ports:\n      - "8000:8000"\n' },
  },
  messages: {
    yaml: 'invalid YAML: {{message}}',
    schema: '{{message}} (compose-spec schema).',
  },
  create(ctx) {
    return {
      done() {
        const file = ctx.compose;
        if (file.errors.length > 0) {
          for (const e of file.errors) ctx.report({ messageId: 'yaml', range: e.range, data: { message: e.message } });
          return;
        }
        if (file.value === null || file.value === undefined) return;
        for (const p of schemaProblems(file, 'compose')) ctx.report({ messageId: 'schema', range: p.range, data: { message: p.message } });
      },
    };
  },
});
