import { ruleTester } from '../testing/rule-tester.js';
import { composeVersionObsolete } from './compose-version-obsolete.js';

ruleTester(composeVersionObsolete, {
  valid: [
    'services:\n  app:\n    image: python:3.12-slim\n',
    { name: 'a service option called version is not the file version', code: 'services:\n  app:\n    image: x\n    environment:\n      version: "1"\n' },
    { name: 'unparsable file: nothing to say', code: 'services: [\n' },
  ],
  invalid: [
    { code: 'version: "3.8"\nservices:\n  app:\n    build: .\n', errors: [{ messageId: 'obsolete', line: 1, column: 1, endLine: 1, endColumn: 8 }] },
    { name: 'after other keys', code: 'name: demo\nversion: \'2\'\nservices: {}\n', errors: [{ messageId: 'obsolete', line: 2, column: 1, endLine: 2, endColumn: 8 }] },
  ],
});
