import { ruleTester } from '../testing/rule-tester.js';
import { buildToolsInRuntime } from './build-tools-in-runtime.js';

ruleTester(buildToolsInRuntime, {
  valid: [
    'FROM python:3.12 AS b\nRUN pip install poetry==1.8.3\nFROM python:3.12 AS app\nCOPY --from=b /opt/venv /opt/venv\n',
    'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install x==1 && apt-get purge -y gcc\n',
    'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x==1 && apk del .build-deps\n',
    'FROM python:3.12 AS app\nCOPY . .\nFROM app AS dev\nRUN pip install poetry==1.8.3\n',
    'FROM python:3.12\nRUN pip install --no-cache-dir gunicorn==22.0.0\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install poetry==1.8.3\n', errors: [{ messageId: 'tool', line: 2, column: 17, endLine: 2, endColumn: 30 }] },
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y build-essential\n', errors: [{ messageId: 'tool', line: 2, column: 42, endLine: 2, endColumn: 57 }] },
    { code: 'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/uv\n', errors: [{ messageId: 'tool', line: 2, column: 6, endLine: 2, endColumn: 39 }] },
    { code: 'FROM python:3.12 AS base\nRUN curl -sSL https://install.python-poetry.org | python3 -\nFROM base\n', errors: [{ messageId: 'tool', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    { code: 'FROM python:3.12\nRUN pipx install uv==0.5.4\n', errors: [{ messageId: 'tool', line: 2, column: 18, endLine: 2, endColumn: 27 }] },
  ],
});
