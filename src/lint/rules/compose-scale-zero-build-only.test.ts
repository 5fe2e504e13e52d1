import { ruleTester } from '../testing/rule-tester.js';
import { composeScaleZeroBuildOnly } from './compose-scale-zero-build-only.js';

ruleTester(composeScaleZeroBuildOnly, {
  valid: [
    'services:\n  builder:\n    build: .\n    profiles: [build]\n',
    'services:\n  web:\n    image: x\n    deploy:\n      replicas: 2\n',
    { name: 'already in a profile', code: 'services:\n  b:\n    build: .\n    profiles: [build]\n    scale: 0\n' },
  ],
  invalid: [
    {
      name: 'the seed',
      code: 'services:\n  builder:\n    image: "myproject-builder:latest"\n    deploy:\n      replicas: 0 # never start service, since it is only for build purposes\n    build:\n      context: .\n',
      errors: [{ messageId: 'replicas', line: 5, column: 7, endLine: 5, endColumn: 15 }],
    },
    { name: 'scale: 0', code: 'services:\n  b:\n    build: .\n    scale: 0\n', errors: [{ messageId: 'replicas', line: 4, column: 5, endLine: 4, endColumn: 10 }] },
  ],
});
