import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerWorkspaceFolderUnset } from './devcontainer-workspace-folder-unset.js';

ruleTester(devcontainerWorkspaceFolderUnset, {
  valid: [
    '{ "dockerComposeFile": "../compose.yaml", "service": "dev", "workspaceFolder": "/workspace" }',
    { name: 'image configs default to /workspaces/<name>', code: '{ "image": "python:3.12" }' },
  ],
  invalid: [
    { code: '{\n  "dockerComposeFile": ["../compose.yaml"],\n  "service": "dev"\n}\n', errors: [{ messageId: 'unset', line: 2, column: 3, endLine: 2, endColumn: 22 }] },
  ],
});
