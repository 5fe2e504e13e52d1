import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerSchemaInvalid } from './devcontainer-schema-invalid.js';

ruleTester(devcontainerSchemaInvalid, {
  valid: [
    '{\n  // comment\n  "image": "python:3.12",\n  "forwardPorts": [8000, "db:5432"],\n}\n',
    { name: 'compose config', code: '{ "dockerComposeFile": ["../compose.yaml"], "service": "dev", "workspaceFolder": "/app", "shutdownAction": "stopCompose", "remoteUser": "dev", "customizations": { "vscode": { "extensions": ["ms-python.python"] } } }' },
    { name: 'Dockerfile config', code: '{ "build": { "dockerfile": "Dockerfile", "context": "..", "target": "dev", "args": { "A": "1" } }, "runArgs": ["--init"] }' },
    { name: 'legacy dockerFile', code: '{ "dockerFile": "Dockerfile", "context": ".." }' },
    { name: 'legacy top-level extensions are PC807\'s', code: '{ "image": "python:3.12", "extensions": ["ms-python.python"], "settings": {} }' },
    { name: 'missing workspaceFolder is PC804\'s', code: '{ "dockerComposeFile": "../compose.yaml", "service": "dev" }' },
  ],
  invalid: [
    {
      name: 'misspelt property and wrong enum',
      code: '{\n  "image": "python:3.12",\n  "forwardPort": [8000],\n  "shutdownAction": "stopCompose"\n}\n',
      errors: [
        { messageId: 'schema', line: 3, column: 3, endLine: 3, endColumn: 16 },
        { messageId: 'schema', line: 4, column: 21, endLine: 4, endColumn: 34 },
      ],
    },
    { name: 'wrong type', code: '{\n  "image": "python:3.12",\n  "forwardPorts": [true]\n}\n', errors: [{ messageId: 'schema', line: 3, column: 20, endLine: 3, endColumn: 24 }] },
    { name: 'compose without service', code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "workspaceFolder": "/app"\n}\n', errors: [{ messageId: 'schema', line: 1, column: 1, endLine: 1, endColumn: 2 }] },
    { name: 'not JSON', code: '{\n  "image": "python:3.12"\n  "remoteUser": "dev"\n}\n', errors: [{ messageId: 'syntax', line: 3, column: 3, endLine: 3, endColumn: 4 }] },
  ],
});
