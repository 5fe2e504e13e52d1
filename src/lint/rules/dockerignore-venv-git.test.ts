import { ruleTester } from '../testing/rule-tester.js';
import { dockerignoreVenvGit } from './dockerignore-venv-git.js';

const copyAll = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n';

ruleTester(dockerignoreVenvGit, {
  valid: [
    { code: '.venv\n.git\n', files: { dockerfile: copyAll } },
    { name: 'trailing slashes and **', code: '**/.venv/\n/.git/\n', files: { dockerfile: copyAll } },
    { name: 'allow-list style', code: '*\n!src\n!pyproject.toml\n!poetry.lock\n', files: { dockerfile: copyAll } },
    { name: 'a .dockerignore over 256 KiB is not read (PC191 says so): no guess about it', code: '__pycache__\n'.repeat(25_000), files: { dockerfile: copyAll } },
    { name: 'Dockerfile copies selected files only', code: '__pycache__\n', files: { dockerfile: 'FROM python:3.12-slim\nCOPY pyproject.toml ./\nCOPY src ./src\n' } },
  ],
  invalid: [
    {
      name: 'neither',
      code: '__pycache__\n*.pyc\n',
      files: { dockerfile: copyAll },
      errors: [
        { messageId: 'venv', line: 1, column: 1, endLine: 1, endColumn: 12 },
        { messageId: 'git', line: 1, column: 1, endLine: 1, endColumn: 12 },
      ],
    },
    { name: 'a negation re-includes .venv', code: '*\n!.venv\n!src\n', files: { dockerfile: copyAll }, errors: [{ messageId: 'venv', line: 2, column: 1, endLine: 2, endColumn: 7 }] },
    { name: 'a nested pattern does not cover the root', code: '*/.venv\n.git\n', files: { dockerfile: copyAll }, errors: [{ messageId: 'venv', line: 1, column: 1, endLine: 1, endColumn: 8 }] },
    { name: 'no Dockerfile known', code: '.git\n', errors: [{ messageId: 'venv', line: 1, column: 1, endLine: 1, endColumn: 5 }] },
  ],
});
