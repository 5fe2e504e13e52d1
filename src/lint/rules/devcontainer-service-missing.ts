import { composeServices } from '../compose-model.js';
import { valueRange } from '../compose-model.js';
import { devcontainerConfig, devService, isComposeConfig } from '../devcontainer-model.js';
import { defineRule } from '../rule.js';

export const devcontainerServiceMissing = defineRule({
  id: 'PC803',
  name: 'devcontainer-service-missing',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'error',
  docs: {
    summary: '`service` names a service that the compose file does not define.',
    why: 'The Dev Containers CLI starts the compose project and then looks for the container of `service`; when the name is wrong (a renamed service, `app-dev` vs `dev`) "Reopen in Container" fails after the whole build, with a message about a missing container rather than a typo.',
    bad: { code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "app-dev",\n  "workspaceFolder": "/app"\n}\n', files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    command: sleep infinity\n' } },
    good: { code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app"\n}\n', files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    command: sleep infinity\n' } },
  },
  messages: { missing: 'service "{{service}}" is not in {{compose}} (services: {{services}}).' },
  create(ctx) {
    return {
      done() {
        const cfg = devcontainerConfig(ctx.devcontainer);
        if (!cfg || !isComposeConfig(cfg)) return;
        const dev = devService(ctx, ctx.devcontainer, cfg);
        // Only when every compose file is the checked one: an override file may add the service.
        if (!dev || !dev.complete || dev.service || dev.compose.value === undefined) return;
        const names = composeServices(dev.compose).map((s) => s.name);
        ctx.report({ messageId: 'missing', range: valueRange(ctx.devcontainer, ['service']), data: { service: dev.name, compose: ctx.paths.compose ?? 'the compose file', services: names.join(', ') || 'none' } });
      },
    };
  },
});
