import { ruleTester } from '../testing/rule-tester.js';
import { entrypointOutsideVenv } from './entrypoint-outside-venv.js';

const build = 'FROM python:3.12-slim AS build\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n';

ruleTester(entrypointOutsideVenv, {
  valid: [
    `${build}ENV PATH=/opt/venv/bin:$PATH\nCMD ["python", "-m", "app"]\n`,
    `${build}CMD ["/opt/venv/bin/gunicorn", "app:app"]\n`,
    `${build}ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:\${PATH}"\nENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "app:app"]\n`,
    `${build}CMD ["/entrypoint.sh"]\n`,
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\nCMD ["python", "-m", "flask", "run"]\n',
    { name: 'the seed: in-project venv on PATH', code: 'FROM python:3.8 AS b\nENV POETRY_VIRTUALENVS_IN_PROJECT=true\nWORKDIR /app\nRUN poetry install --no-root\nFROM python:3.8 AS app\nENV PATH=/opt/pipx/bin:/app/.venv/bin:$PATH\nCOPY --from=b /app /app\nENTRYPOINT ["python"]\n' },
  ],
  invalid: [
    { code: `${build}CMD ["python", "-m", "app"]\n`, errors: [{ messageId: 'systemPython', line: 5, column: 6, endLine: 5, endColumn: 14 }] },
    { code: `${build}CMD ["/usr/local/bin/python", "-m", "app"]\n`, errors: [{ messageId: 'systemPython', line: 5, column: 6, endLine: 5, endColumn: 29 }] },
    { code: `${build}ENV PATH=$PATH:/opt/venv/bin\nCMD ["python", "-m", "app"]\n`, errors: [{ messageId: 'systemPython', line: 6, column: 6, endLine: 6, endColumn: 14 }] },
    { code: `${build}CMD ["gunicorn", "app:app"]\n`, errors: [{ messageId: 'notOnPath', line: 5, column: 6, endLine: 5, endColumn: 16 }] },
    { code: `${build}CMD ["hello"]\n`, facts: { scripts: ['hello'] }, errors: [{ messageId: 'notOnPath', line: 5, column: 6, endLine: 5, endColumn: 13 }] },
  ],
});
