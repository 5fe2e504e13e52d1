import type { ErrorObject } from 'ajv';
import { isObj } from '../compose-model.js';
import { defineRule } from '../rule.js';
import { schemaProblems, type ValidatorName } from '../schema-check.js';

/** The config's own keys say which kind of config it is; each kind has a validator for its branch of the schema. */
function branchOf(cfg: Record<string, unknown>): ValidatorName {
  if ('dockerComposeFile' in cfg) return 'devcontainerCompose';
  if ('image' in cfg) return 'devcontainerImage';
  if ('dockerFile' in cfg) return 'devcontainerDockerFile';
  if ('build' in cfg) return 'devcontainerBuild';
  return 'devcontainerFeaturesOnly';
}

// PC804 reports a missing workspaceFolder with a better message.
const keep = (e: ErrorObject) => !(e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'workspaceFolder');

export const devcontainerSchemaInvalid = defineRule({
  id: 'PC806',
  name: 'devcontainer-schema-invalid',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'error',
  docs: {
    summary: 'devcontainer.json does not parse as JSON with comments, or does not follow the Dev Container specification\'s schema.',
    why: 'Editors and the Dev Containers CLI ignore or reject what the schema does not allow: a misspelt property (`forwardPort`) or one moved under `customizations.vscode` (`extensions`, `settings`) is silently dropped, and a wrong type stops the container from being created. Checked against devContainer.base.schema.json of the specification.',
    bad: { code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "forwardPort": [8000],\n  "shutdownAction": "stopCompose"\n}\n' },
    good: { code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "forwardPorts": [8000],\n  "shutdownAction": "stopContainer"\n}\n' },
  },
  messages: {
    syntax: 'invalid JSON: {{message}}',
    schema: '{{message}} (devcontainer schema).',
  },
  create(ctx) {
    return {
      done() {
        const file = ctx.devcontainer;
        if (file.errors.length > 0) {
          for (const e of file.errors) ctx.report({ messageId: 'syntax', range: e.range, data: { message: e.message } });
          return;
        }
        if (!isObj(file.value)) {
          if (file.value !== undefined && file.value !== null) ctx.report({ messageId: 'schema', range: file.rangeAt([]) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data: { message: 'the file must hold a JSON object' } });
          return;
        }
        for (const p of schemaProblems(file, branchOf(file.value), keep)) {
          // Top-level VS Code properties that moved under customizations.vscode: PC807 reports them.
          if (/^property "(extensions|settings|devPort)" is not allowed$/.test(p.message)) continue;
          ctx.report({ messageId: 'schema', range: p.range, data: { message: p.message } });
        }
      },
    };
  },
});
