import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerUidSyncDisabled } from './devcontainer-uid-sync-disabled.js';

ruleTester(devcontainerUidSyncDisabled, {
  valid: [
    '{ "image": "python:3.12", "remoteUser": "dev" }',
    '{ "image": "python:3.12", "remoteUser": "dev", "updateRemoteUserUID": true }',
    { name: 'root is never remapped', code: '{ "image": "python:3.12", "remoteUser": "root", "updateRemoteUserUID": false }' },
  ],
  invalid: [
    { code: '{\n  "image": "python:3.12",\n  // keep 1000\n  "updateRemoteUserUID": false,\n}\n', errors: [{ messageId: 'disabled', line: 4, column: 26, endLine: 4, endColumn: 31 }] },
  ],
});
