import { ruleTester } from '../testing/rule-tester.js';
import { composeSchemaInvalid } from './compose-schema-invalid.js';

ruleTester(composeSchemaInvalid, {
  valid: [
    'services:\n  web:\n    image: python:3.12-slim\n    ports:\n      - "8000:8000"\n',
    { name: 'obsolete version is still allowed by the schema', code: 'version: "3.8"\nservices:\n  web:\n    build: .\n' },
    { name: 'merge keys and extension fields', code: 'x-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: x\n' },
    { name: 'strings that cast', code: 'services:\n  web:\n    image: x\n    scale: "2"\n    cpus: "0.5"\n    init: "true"\n' },
    { name: 'number spellings Go parses', code: 'services:\n  a:\n    image: x\n    cpus: "1."\n  b:\n    image: x\n    cpus: ".5"\n  c:\n    image: x\n    cpus: "-2.5e+3"\n  d:\n    image: x\n    cpus: "15"\n' },
    { name: 'interpolated numbers', code: 'services:\n  web:\n    image: x\n    deploy:\n      replicas: ${REPLICAS:-1}\n' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    {
      name: 'unknown property and bad enum',
      code: 'services:\n  web:\n    image: python:3.12-slim\n    pull_policy: sometimes\n    port:\n      - "8000:8000"\n',
      errors: [
        { messageId: 'schema', line: 4, column: 18, endLine: 4, endColumn: 27 },
        { messageId: 'schema', line: 5, column: 5, endLine: 5, endColumn: 9 },
      ],
    },
    { name: 'wrong type', code: 'services:\n  web:\n    image: x\n    environment: 3\n', errors: [{ messageId: 'schema', line: 4, column: 18, endLine: 4, endColumn: 19 }] },
    {
      name: 'a number of 200,000 digits and a letter',
      code: `services:\n  web:\n    image: x\n    cpus: "${'1'.repeat(200_000)}x"\n`,
      errors: [{ messageId: 'schema', line: 4, column: 11, endLine: 4, endColumn: 200_014 }],
    },
    { name: 'a string Compose cannot cast', code: 'services:\n  web:\n    image: x\n    deploy:\n      replicas: two\n    tty: "maybe"\n', errors: [{ messageId: 'schema', line: 5, column: 17, endLine: 5, endColumn: 20 }, { messageId: 'schema', line: 6, column: 10, endLine: 6, endColumn: 17 }] },
    { name: 'YAML syntax', code: 'services:\n  web:\n    image: "x\n', errors: [{ messageId: 'yaml', line: 4, column: 1, endLine: 4, endColumn: 2 }] },
    { name: 'top level unknown key', code: 'servics:\n  web:\n    image: x\n', errors: [{ messageId: 'schema', line: 1, column: 1, endLine: 1, endColumn: 8 }] },
  ],
});
