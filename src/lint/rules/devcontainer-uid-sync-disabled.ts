import { valueRange } from '../compose-model.js';
import { devcontainerConfig, isRootUser } from '../devcontainer-model.js';
import { defineRule } from '../rule.js';

export const devcontainerUidSyncDisabled = defineRule({
  id: 'PC802',
  name: 'devcontainer-uid-sync-disabled',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'warning',
  docs: {
    summary: '`updateRemoteUserUID` is false, so the container user keeps a UID that may not be yours.',
    why: 'On Linux hosts the Dev Containers CLI changes the remote user\'s UID/GID to yours so that files in the bind-mounted workspace stay owned by you. Turned off, anyone whose UID is not the image\'s (1000 by default) gets "permission denied" on the workspace, or root-owned-looking files on the host. Keep it on; turn it off only when the image must keep a fixed UID, and say why in a comment.',
    bad: { code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "remoteUser": "vscode",\n  "updateRemoteUserUID": false\n}\n' },
    good: { code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12",\n  "remoteUser": "vscode",\n  "updateRemoteUserUID": true\n}\n' },
  },
  messages: { disabled: 'updateRemoteUserUID is false: the container user keeps its UID, so files in the bind-mounted workspace get the wrong owner for anyone whose UID differs. Remove it (true is the default).' },
  create(ctx) {
    return {
      done() {
        const cfg = devcontainerConfig(ctx.devcontainer);
        if (!cfg || cfg.updateRemoteUserUID !== false) return;
        // Root is never remapped: the setting changes nothing there (PC801 covers root).
        if (typeof cfg.remoteUser === 'string' && isRootUser(cfg.remoteUser)) return;
        ctx.report({ messageId: 'disabled', range: valueRange(ctx.devcontainer, ['updateRemoteUserUID']) });
      },
    };
  },
});
