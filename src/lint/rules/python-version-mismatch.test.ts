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
