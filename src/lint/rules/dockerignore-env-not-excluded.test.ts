import { ruleTester } from '../testing/rule-tester.js';
import { dockerignoreEnvNotExcluded } from './dockerignore-env-not-excluded.js';

const copyAll = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n';

ruleTester(dockerignoreEnvNotExcluded, {
  valid: [
    { code: '.env\n', files: { dockerfile: copyAll } },
    { name: 'glob', code: '.env*\n!.env.example\n', files: { dockerfile: copyAll } },
    { name: 'allow-list', code: '**\n!src/\n', files: { dockerfile: copyAll } },
    { name: 'only selected files copied', code: '.venv\n', files: { dockerfile: 'FROM python:3.12-slim\nCOPY src ./src\n' } },
    { name: 'no Dockerfile known', code: '.venv\n' },
  ],
  invalid: [
    { code: '.venv\n.git\n', files: { dockerfile: copyAll }, errors: [{ messageId: 'env', line: 1, column: 1, endLine: 1, endColumn: 6 }] },
    { name: 're-included', code: '.env*\n!.env\n', files: { dockerfile: copyAll }, errors: [{ messageId: 'env', line: 2, column: 1, endLine: 2, endColumn: 6 }] },
  ],
});
