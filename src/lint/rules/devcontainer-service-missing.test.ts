import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerServiceMissing } from './devcontainer-service-missing.js';

const compose = 'services:\n  dev:\n    image: python:3.12-slim\n';

ruleTester(devcontainerServiceMissing, {
  valid: [
    { code: '{ "dockerComposeFile": "../compose.yaml", "service": "dev", "workspaceFolder": "/app" }', files: { compose } },
    { name: 'an override file we cannot see may define it', code: '{ "dockerComposeFile": ["../compose.yaml", "compose.override.yaml"], "service": "other", "workspaceFolder": "/app" }', files: { compose } },
    { name: 'another compose file', code: '{ "dockerComposeFile": "docker-compose.yml", "service": "other", "workspaceFolder": "/app" }', files: { compose } },
    { name: 'no compose file checked', code: '{ "dockerComposeFile": "../compose.yaml", "service": "other", "workspaceFolder": "/app" }' },
  ],
  invalid: [
    { code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "app-dev",\n  "workspaceFolder": "/app"\n}\n', files: { compose }, errors: [{ messageId: 'missing', line: 3, column: 14, endLine: 3, endColumn: 23 }] },
  ],
});
