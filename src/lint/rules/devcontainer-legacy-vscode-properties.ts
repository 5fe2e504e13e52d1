import { keyRange } from '../compose-model.js';
import { devcontainerConfig } from '../devcontainer-model.js';
import { defineRule } from '../rule.js';

const MOVED = ['extensions', 'settings', 'devPort'] as const;

export const devcontainerLegacyVscodeProperties = defineRule({
  id: 'PC807',
  name: 'devcontainer-legacy-vscode-properties',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'warning',
  docs: {
    summary: 'VS Code settings are at the top level of devcontainer.json (`extensions`, `settings`) instead of under `customizations.vscode`.',
    why: 'The Dev Container specification moved tool-specific properties under `customizations.<tool>`. Top-level `extensions` and `settings` are deprecated: VS Code still reads them for now, but the Dev Containers CLI, Codespaces prebuilds and other tools ignore them, so the same container comes up without your extensions or settings elsewhere.',
    bad: { code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "extensions": ["ms-python.python"]\n}\n' },
    good: { code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "customizations": { "vscode": { "extensions": ["ms-python.python"] } }\n}\n' },
  },
  messages: { moved: 'top-level "{{name}}" is deprecated: move it to customizations.vscode.{{name}}.' },
  create(ctx) {
    return {
      done() {
        const cfg = devcontainerConfig(ctx.devcontainer);
        if (!cfg) return;
        for (const name of MOVED) if (name in cfg) ctx.report({ messageId: 'moved', range: keyRange(ctx.devcontainer, [name]), data: { name } });
      },
    };
  },
});
