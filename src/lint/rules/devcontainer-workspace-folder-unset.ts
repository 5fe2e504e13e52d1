import { keyRange } from '../compose-model.js';
import { devcontainerConfig, isComposeConfig } from '../devcontainer-model.js';
import { defineRule } from '../rule.js';

export const devcontainerWorkspaceFolderUnset = defineRule({
  id: 'PC804',
  name: 'devcontainer-workspace-folder-unset',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A compose-based devcontainer.json has no `workspaceFolder`, so the editor opens `/`.',
    why: 'For image and Dockerfile configs the CLI mounts the project at /workspaces/<name> and opens it; for compose configs it mounts nothing itself and opens `workspaceFolder`, which defaults to `/`. The editor then shows the container\'s root file system, not your project, and the Python extension finds no pyproject.toml. Set it to the target of the service\'s bind mount.',
    bad: { code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev"\n}\n' },
    good: { code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app"\n}\n' },
  },
  messages: { unset: 'no "workspaceFolder": a compose-based dev container opens / instead of your project. Set it to where the service mounts the project (e.g. "/app").' },
  create(ctx) {
    return {
      done() {
        const cfg = devcontainerConfig(ctx.devcontainer);
        if (!cfg || !isComposeConfig(cfg) || typeof cfg.workspaceFolder === 'string') return;
        ctx.report({ messageId: 'unset', range: keyRange(ctx.devcontainer, ['dockerComposeFile']) });
      },
    };
  },
});
