import { ruleTester } from '../testing/rule-tester.js';
import { nonNumericUser } from './non-numeric-user.js';

ruleTester(nonNumericUser, {
  valid: [
    'FROM python:3.12\nUSER 10001:10001\n',
    'FROM python:3.12\nARG UID=10001\nARG GID=10001\nUSER ${UID}:${GID}\n',
    'FROM python:3.12\nARG UID\nUSER $UID\n',
    'FROM python:3.12 AS app\nUSER 1000\nFROM python:3.12 AS dev\nUSER dev\n',
    'FROM python:3.12\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nUSER app\n', errors: [{ messageId: 'name', line: 2, column: 6, endLine: 2, endColumn: 9 }] },
    { name: 'the seed: name from an ARG default', code: 'ARG USERNAME=bluesmonk\nFROM python:3.12\nARG USERNAME\nUSER ${USERNAME}\n', errors: [{ messageId: 'name', line: 4, column: 6, endLine: 4, endColumn: 17 }] },
    { code: 'FROM python:3.12 AS b\nUSER nobody\nFROM b\n', errors: [{ messageId: 'name', line: 2, column: 6, endLine: 2, endColumn: 12 }] },
  ],
});
