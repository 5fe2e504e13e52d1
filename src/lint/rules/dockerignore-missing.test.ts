import { ruleTester } from '../testing/rule-tester.js';
import { dockerignoreMissing } from './dockerignore-missing.js';

ruleTester(dockerignoreMissing, {
  valid: [
    { name: 'a .dockerignore exists', code: '.venv\n', files: { dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n' } },
    { name: 'only selected files are copied', code: '', files: { dockerfile: 'FROM python:3.12-slim\nCOPY pyproject.toml poetry.lock ./\nCOPY src/ ./src/\n', dockerignore: null } },
    { name: 'COPY --from another stage', code: '', files: { dockerfile: 'FROM python:3.12 AS b\nWORKDIR /app\nFROM python:3.12-slim\nCOPY --from=b . /app\n', dockerignore: null } },
  ],
  invalid: [
    {
      code: '',
      files: { dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nCOPY . .\n', dockerignore: null },
      errors: [{ messageId: 'missing', line: 4, column: 6, endLine: 4, endColumn: 7, file: 'Dockerfile' }],
    },
    { name: 'ADD ./', code: '', files: { dockerfile: 'FROM python:3.12-slim\nADD --chown=app ./ /app\n', dockerignore: null }, errors: [{ messageId: 'missing', line: 2, column: 17, endLine: 2, endColumn: 19 }] },
  ],
});
