import { ruleTester } from '../testing/rule-tester.js';
import { secretInArgEnv } from './secret-in-arg-env.js';

ruleTester(secretInArgEnv, {
  valid: [
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\n',
    'FROM python:3.12\nARG POETRY_VERSION=1.8.3\nENV PIP_NO_CACHE_DIR=1 PASSWORD_FILE=/run/secrets/pw TOKEN_URL=https://x/token\n',
    'FROM python:3.12\nENV KEYBOARD=us DJANGO_SETTINGS_MODULE=app.settings\n',
    'FROM python:3.12\nENV AUTHOR=me PWD=/app ENABLE_AUTH=true\n',
    { name: 'words that only contain the letters', code: 'FROM python:3.12\nENV PATH=/opt/venv/bin:$PATH PATCH_LEVEL=2 PYTHONPATH=/app KEYBOARD_LAYOUT=us TOKENIZERS_PARALLELISM=false BYPASS_CACHE=1 PASSENGER_APP_ENV=prod\n' },
    { name: 'names about a credential', code: 'FROM python:3.12\nARG GITHUB_TOKEN_FILE\nENV API_KEY_HEADER=X-Api-Key dbPasswordFile=/run/secrets/db DB_PASSWORD_PATH=/run/secrets/db AUTH_ENABLED=yes SECRET_NAME=db OAUTH_TOKEN_URL=https://x/token\n' },
    { name: 'a name of 200,000 capitals', code: `FROM python:3.12\nARG ${'A'.repeat(200_000)}\n` },
    { name: 'a public key id', code: 'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D PUBLIC_KEY_ID=abc\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nARG PYPI_TOKEN\n', errors: [{ messageId: 'name', line: 2, column: 5, endLine: 2, endColumn: 15 }] },
    { code: 'ARG GITHUB_TOKEN=abc\nFROM python:3.12\n', errors: [{ messageId: 'name', line: 1, column: 5, endLine: 1, endColumn: 17 }] },
    {
      code: 'FROM python:3.12\nENV DB_PASSWORD=hunter2 \\\n    AWS_SECRET_ACCESS_KEY=x\n',
      errors: [{ messageId: 'name', line: 2, column: 5, endLine: 2, endColumn: 16 }, { messageId: 'name', line: 3, column: 5, endLine: 3, endColumn: 26 }],
    },
    { code: `FROM python:3.12\nENV GH=ghp_${'a'.repeat(36)}\n`, errors: [{ messageId: 'value', line: 2, column: 8, endLine: 2, endColumn: 48 }] },
    {
      name: 'camelCase names',
      code: 'FROM python:3.12\nARG personalAccessToken\nARG apiKey\nENV dbPassword=hunter2\n',
      errors: [
        { messageId: 'name', line: 2, column: 5, endLine: 2, endColumn: 24 },
        { messageId: 'name', line: 3, column: 5, endLine: 3, endColumn: 11 },
        { messageId: 'name', line: 4, column: 5, endLine: 4, endColumn: 15 },
      ],
    },
    {
      name: 'PATs and keys',
      code: 'ARG GIT_PAT\nFROM python:3.12\nARG GITHUB_PAT\nARG SSH_PRIVATE_KEY\nARG DJANGO_SECRET_KEY=x\n',
      errors: [
        { messageId: 'name', line: 1, column: 5, endLine: 1, endColumn: 12 },
        { messageId: 'name', line: 3, column: 5, endLine: 3, endColumn: 15 },
        { messageId: 'name', line: 4, column: 5, endLine: 4, endColumn: 20 },
        { messageId: 'name', line: 5, column: 5, endLine: 5, endColumn: 22 },
      ],
    },
  ],
});
