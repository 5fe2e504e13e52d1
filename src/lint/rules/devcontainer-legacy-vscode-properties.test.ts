import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerLegacyVscodeProperties } from './devcontainer-legacy-vscode-properties.js';

ruleTester(devcontainerLegacyVscodeProperties, {
  valid: [
    '{ "image": "python:3.12", "customizations": { "vscode": { "extensions": ["ms-python.python"], "settings": {} } } }',
    { name: 'not JSON', code: '{ "image": ' },
  ],
  invalid: [
    {
      code: '{\n  // VS Code only\n  "build": { "dockerfile": "Dockerfile" },\n  "settings": { "python.pythonPath": "/usr/local/bin/python" },\n  "extensions": ["ms-python.python"],\n}\n',
      errors: [
        { messageId: 'moved', line: 4, column: 3, endLine: 4, endColumn: 13 },
        { messageId: 'moved', line: 5, column: 3, endLine: 5, endColumn: 15 },
      ],
    },
  ],
});
