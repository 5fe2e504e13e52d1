import { ruleTester } from '../testing/rule-tester.js';
import { pythonVersionMismatch } from './python-version-mismatch.js';

ruleTester(pythonVersionMismatch, {
  valid: [
    { code: 'FROM python:3.12-slim\n', facts: { requiresPython: '>=3.10' } },
    { code: 'FROM python:3.12-slim\n', facts: { requiresPython: '^3.11' } },
    { code: 'FROM python:3.8\n' },
    { code: 'FROM debian:12\n', facts: { requiresPython: '>=3.12' } },
    { code: 'ARG V\nFROM python:$V\n', facts: { requiresPython: '>=3.12' } },
    { code: 'FROM python:3.11-slim AS b\nFROM b\n', facts: { requiresPython: '>=3.11,<3.12' } },
  ],
  invalid: [
    { code: 'FROM python:3.9-slim\n', facts: { requiresPython: '>=3.10' }, errors: [{ messageId: 'mismatch', line: 1, column: 13, endLine: 1, endColumn: 21 }] },
    { name: 'the seed', code: 'ARG PYTHON_VERSION=3.8.9\nFROM python:${PYTHON_VERSION}-slim\n', facts: { requiresPython: '>=3.8.10,<3.11' }, errors: [{ messageId: 'mismatch', line: 2, column: 13, endLine: 2, endColumn: 35 }] },
    { code: 'FROM python:3.13\n', facts: { requiresPython: '~3.11' }, errors: [{ messageId: 'mismatch', line: 1, column: 13, endLine: 1, endColumn: 17 }] },
  ],
});

// Constraints naming huge patch or minor numbers once enumerated every patch up to them (seconds each).
ruleTester(pythonVersionMismatch, {
  valid: [
    { name: 'a patch far above any release', code: 'FROM python:3.12-slim\n', facts: { requiresPython: '==3.12.100000' } },
    { name: 'a range between huge patches', code: 'FROM python:3.12-slim\n', facts: { requiresPython: '>3.12.99999997,<3.12.99999999' } },
  ],
  invalid: [
    { name: 'a minor far above any release', code: 'FROM python:3.12-slim\n', facts: { requiresPython: '>=3.999999999' }, errors: [{ messageId: 'mismatch', line: 1, column: 13, endLine: 1, endColumn: 22 }] },
  ],
});

// Fuzz crashers (test/fuzz/crashers/python-version): parts past the safe integers made
// @renovatebot/pep440 throw, a 32,812-digit tag made an invalid RegExp. Such tags name no Python.
ruleTester(pythonVersionMismatch, {
  valid: [
    { name: 'a patch of 22 digits in the tag: the minor counts', code: 'FROM python:3.3.3333333333333333333333\n', facts: { requiresPython: '>=3.3' } },
    { name: 'a major of 21 digits in the tag', code: 'FROM python:999999999999999999993.3\n', facts: { requiresPython: '>=3.10' } },
    { name: 'a 32,812-digit minor in the tag', code: `FROM python:3.${'3'.repeat(32_811)}\n`, facts: { requiresPython: '>=3.10' } },
    { name: 'a constraint with a 22-digit part is not a constraint', code: 'FROM python:3.9\n', facts: { requiresPython: '>=3.3333333333333333333333' } },
  ],
  invalid: [
    { name: 'an ordinary patch tag still reports', code: 'FROM python:3.9.1\n', facts: { requiresPython: '>=3.10' }, errors: [{ messageId: 'mismatch', line: 1, column: 13, endLine: 1, endColumn: 18 }] },
    { name: 'a nine-digit patch in the tag is still read', code: 'FROM python:3.9.123456789\n', facts: { requiresPython: '>=3.10' }, errors: [{ messageId: 'mismatch', line: 1, column: 13, endLine: 1, endColumn: 26 }] },
  ],
});
