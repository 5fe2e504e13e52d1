import { ruleTester } from '../testing/rule-tester.js';
import { poetryVersionMismatch } from './poetry-version-mismatch.js';

const lock2 = { lockGenerator: 'Poetry 2.1.2' };
ruleTester(poetryVersionMismatch, {
  valid: [
    { code: 'FROM python:3.12\nARG POETRY_VERSION=2.1.2\n', facts: lock2 },
    { code: 'FROM python:3.12\nARG POETRY_VERSION=1.8.3\n' },
    { code: 'FROM python:3.12\nRUN pipx install poetry==2.0.1\n', facts: lock2 },
    { code: 'FROM python:3.12\nARG POETRY_VERSION\nENV POETRY_VERSION=$POETRY_VERSION\n', facts: lock2 },
  ],
  invalid: [
    { code: 'FROM python:3.12\nARG POETRY_VERSION=1.5.1\n', facts: lock2, errors: [{ messageId: 'major', line: 2, column: 20, endLine: 2, endColumn: 25 }] },
    { code: 'FROM python:3.12\nRUN pip install "poetry==1.8.3"\n', facts: lock2, errors: [{ messageId: 'major', line: 2, column: 17, endLine: 2, endColumn: 32 }] },
    { code: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | POETRY_VERSION=2.1.2 python3 -\n', facts: { lockGenerator: 'Poetry 1.8.3' }, errors: [{ messageId: 'major', line: 2, column: 51, endLine: 2, endColumn: 71 }] },
  ],
});
