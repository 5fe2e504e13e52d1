import { ruleTester } from '../testing/rule-tester.js';
import { composeUidVariableUnset } from './compose-uid-variable-unset.js';

ruleTester(composeUidVariableUnset, {
  valid: [
    'services:\n  dev:\n    build:\n      context: .\n      args:\n        UID: ${UID:-1000}\n        GID: ${GID-1000}\n    user: "${UID:-1000}:${GID:-1000}"\n',
    { name: 'other variables are not the rule\'s business', code: 'services:\n  dev:\n    build:\n      context: .\n      args:\n        VERSION: ${VERSION}\n        USER_ID: ${USER_ID}\n' },
    { name: 'escaped $$ and required ${UID:?}', code: 'services:\n  dev:\n    image: x\n    user: "$$UID"\n    build:\n      context: .\n      args:\n        UID: ${UID:?set UID}\n' },
  ],
  invalid: [
    {
      code: 'services:\n  dev:\n    build:\n      context: .\n      args:\n        UID: ${UID}\n        GID: $GID\n',
      errors: [
        { messageId: 'unset', line: 6, column: 14, endLine: 6, endColumn: 20 },
        { messageId: 'unset', line: 7, column: 14, endLine: 7, endColumn: 18 },
      ],
    },
    { name: 'list args and user', code: 'services:\n  dev:\n    build:\n      context: .\n      args:\n        - UID=${UID}\n    user: "${UID}:${GID}"\n', errors: [{ messageId: 'unset', line: 6, column: 11, endLine: 6, endColumn: 21 }, { messageId: 'unset', line: 7, column: 11, endLine: 7, endColumn: 26 }] },
  ],
});
