import { ruleTester } from '../testing/rule-tester.js';
import { sudoInRuntime } from './sudo-in-runtime.js';

ruleTester(sudoInRuntime, {
  valid: [
    'FROM python:3.12 AS app\nUSER 1000\nFROM app AS dev\nRUN apt-get install -y sudo\n',
    'FROM python:3.12\nRUN apt-get install -y --no-install-recommends curl\n',
    'FROM python:3.12 AS b\nRUN apt-get install -y sudo\nFROM python:3.12 AS app\nCOPY --from=b /x /x\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y sudo git\n', errors: [{ messageId: 'installed', line: 2, column: 42, endLine: 2, endColumn: 46 }] },
    { code: 'FROM python:3.12 AS base\nRUN apk add --no-cache sudo\nFROM base AS app\n', errors: [{ messageId: 'installed', line: 2, column: 24, endLine: 2, endColumn: 28 }] },
    {
      code: 'FROM python:3.12\nRUN echo "app ALL=(root) NOPASSWD:ALL" > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app\n',
      errors: [{ messageId: 'sudoers', line: 2, column: 75, endLine: 2, endColumn: 93 }],
    },
  ],
});
