import { ruleTester } from '../testing/rule-tester.js';
import { secretInArgEnv } from './secret-in-arg-env.js';

ruleTester(secretInArgEnv, {
  valid: [
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    'FROM python:3.12\nARG POETRY_VERSION=1.8.3\nENV PIP_NO_CACHE_DIR=1 PASSWORD_FILE=/run/secrets/pw TOKEN_URL=https://x/token\n',
    'FROM python:3.12\nENV KEYBOARD=us DJANGO_SETTINGS_MODULE=app.settings\n',
    'FROM python:3.12\nENV AUTHOR=me PWD=/app ENABLE_AUTH=true\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nARG PYPI_TOKEN\n', errors: [{ messageId: 'name', line: 2, column: 5, endLine: 2, endColumn: 15 }] },
    { code: 'ARG GITHUB_TOKEN=abc\nFROM python:3.12\n', errors: [{ messageId: 'name', line: 1, column: 5, endLine: 1, endColumn: 17 }] },
    {
      code: 'FROM python:3.12\nENV DB_PASSWORD=hunter2 \\\n    AWS_SECRET_ACCESS_KEY=x\n',
      errors: [{ messageId: 'name', line: 2, column: 5, endLine: 2, endColumn: 16 }, { messageId: 'name', line: 3, column: 5, endLine: 3, endColumn: 26 }],
    },
    { code: `FROM python:3.12\nENV GH=ghp_${'a'.repeat(36)}\n`, errors: [{ messageId: 'value', line: 2, column: 8, endLine: 2, endColumn: 48 }] },
  ],
});
