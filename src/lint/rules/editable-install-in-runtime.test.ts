import { ruleTester } from '../testing/rule-tester.js';
import { editableInstallInRuntime } from './editable-install-in-runtime.js';

ruleTester(editableInstallInRuntime, {
  valid: [
    'FROM python:3.12 AS b\nWORKDIR /src\nCOPY . .\nRUN uv sync --locked --no-editable\nFROM python:3.12\nCOPY --from=b /src/.venv /src/.venv\n',
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install --no-cache-dir /src\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'single stage editable is a dev setup', code: 'FROM python:3.12\nCOPY . /app\nRUN pip install --no-cache-dir -e /app\n' },
    { name: 'only the dev stage gets it', code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12 AS app\nCOPY --from=b /opt/venv /opt/venv\nCOPY . .\nFROM b AS dev\nRUN pip install -e .\n' },
    'FROM python:3.12 AS b\nENV VIRTUAL_ENV=/opt/venv\nRUN poetry install --no-root --only main\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'uv-docker-example: the whole project folder is copied at the same path', code: 'FROM python:3.12 AS b\nWORKDIR /app\nCOPY . /app\nRUN uv sync --locked\nFROM python:3.12\nCOPY --from=b /app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS b\nWORKDIR /src\nCOPY . .\nRUN uv sync --locked\nFROM python:3.12\nCOPY --from=b /src/.venv /src/.venv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 12 }],
    },
    {
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install -e /src\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 30 }],
    },
    {
      code: 'FROM python:3.12 AS b\nENV VIRTUAL_ENV=/opt/venv\nCOPY . .\nRUN poetry install --only main\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 19 }],
    },
  ],
});
