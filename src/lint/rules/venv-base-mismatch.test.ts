import { ruleTester } from '../testing/rule-tester.js';
import { venvBaseMismatch } from './venv-base-mismatch.js';

ruleTester(venvBaseMismatch, {
  valid: [
    'FROM python:3.12-slim AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim-bookworm\nCOPY --from=b /opt/venv /opt/venv\n',
    'ARG PY=3.12\nFROM python:${PY}-slim AS b\nRUN python -m venv /venv\nFROM python:${PY}-slim AS app\nCOPY --from=b /venv /venv\n',
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM b AS c\nFROM python:3.12-slim\nCOPY --from=c /opt/venv /opt/venv\n',
    'FROM python:3.11 AS b\nRUN pip wheel -w /wheels x\nFROM python:3.12\nCOPY --from=b /wheels /wheels\n',
    'ARG IMG\nFROM $IMG AS b\nRUN python -m venv /opt/venv\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.11-slim AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ messageId: 'python', line: 4, column: 6, endLine: 4, endColumn: 14 }],
    },
    {
      code: 'FROM python:3.12-alpine AS b\nWORKDIR /app\nRUN uv sync --locked\nFROM python:3.12-slim\nCOPY --from=b /app/.venv /app/.venv\n',
      errors: [{ messageId: 'libc', line: 5, column: 6, endLine: 5, endColumn: 14 }],
    },
    {
      code: 'FROM python:3.11-slim AS b\nRUN python -m venv /opt/venv\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ messageId: 'image', line: 4, column: 6, endLine: 4, endColumn: 14 }],
    },
  ],
});
