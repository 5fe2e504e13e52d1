import { ruleTester } from '../testing/rule-tester.js';
import { MAX_IGNORE_FILE_CHARS } from '../files.js';
import { checkIncomplete } from './check-incomplete.js';

/** `ARG A=<16 x>`, then `ARG A1=$A$A`, `ARG A2=$A1$A1`, ...: A<n> is 16·2^n characters long. */
const doubling = (lines: number) =>
  `FROM python:3.12-slim\nARG A=${'x'.repeat(16)}\n${Array.from({ length: lines }, (_, i) => `ARG A${i + 1}=$A${i === 0 ? '' : i}$A${i === 0 ? '' : i}`).join('\n')}\n`;

/** `FROM python AS s0`, `FROM s0 AS s1`, ...: a FROM chain of `n` stages. */
const chain = (n: number) => `FROM python:3.12-slim AS s0\n${Array.from({ length: n - 1 }, (_, i) => `FROM s${i} AS s${i + 1}`).join('\n')}\n`;

ruleTester(checkIncomplete, {
  valid: [
    { name: 'a value that doubles a few times', code: doubling(8) },
    { name: '64 KiB exactly (A12 is 16·2^12)', code: doubling(12) },
    { name: 'a FROM chain of 128 stages', code: chain(128) },
    { name: 'a .dockerignore of 256 KiB exactly', code: 'FROM python:3.12-slim\nCOPY . .\n', files: { dockerignore: `${'#'.repeat(MAX_IGNORE_FILE_CHARS - 6)}\n.venv` } },
    'FROM python:3.12-slim\nENV A=${B:-${C:-x}}\n',
  ],
  invalid: [
    {
      name: 'A13 would be 128 KiB: reported once, the lines after it stay bounded',
      code: doubling(40),
      errors: [{ messageId: 'tooLong', line: 15, column: 9, endLine: 15, endColumn: 17 }],
    },
    {
      name: '40 doublings from one character (2^40 characters without the cap)',
      code: `FROM python:3.12-slim\nARG B0=x\n${Array.from({ length: 40 }, (_, i) => `ARG B${i + 1}=$B${i}$B${i}`).join('\n')}\n`,
      errors: [{ messageId: 'tooLong', line: 19, column: 9, endLine: 19, endColumn: 17 }],
    },
    {
      name: 'a .dockerignore over 256 KiB: not read, said once on its line 1',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      files: { dockerignore: `${'**/*.py[cod]\n'.repeat(22_000)}.venv\n` },
      errors: [{ messageId: 'ignoreTooLarge', line: 1, column: 1, endLine: 1, endColumn: 1, file: '.dockerignore' }],
    },
    {
      name: 'the first stage past 128 in one FROM chain',
      code: chain(200),
      errors: [{ messageId: 'chainTooLong', line: 129, column: 1, endLine: 129, endColumn: 18 }],
    },
  ],
});
