import { ruleTester } from '../testing/rule-tester.js';
import { poetryRemovedOption } from './poetry-removed-option.js';

ruleTester(poetryRemovedOption, {
  valid: [
    'FROM python:3.12\nRUN poetry install --only main --no-root\n',
    'FROM python:3.12\nRUN pip install poetry==1.8.3 && poetry export -f requirements.txt -o r.txt\n',
    'FROM python:3.12\nRUN pip install poetry==2.1.2 poetry-plugin-export==1.9.0 && poetry export -o r.txt\n',
    { name: 'no Poetry version known: export is not judged', code: 'FROM python:3.12\nRUN poetry export -o r.txt\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN poetry install --no-dev\n', errors: [{ messageId: 'noDev', line: 2, column: 20, endLine: 2, endColumn: 28 }] },
    { code: 'FROM python:3.12\nARG POETRY_VERSION=2.0.1\nRUN pip install "poetry==$POETRY_VERSION" && poetry export -o r.txt\n', errors: [{ messageId: 'export', line: 3, column: 46, endLine: 3, endColumn: 59 }] },
    { code: 'FROM python:3.12\nRUN poetry export -o r.txt\n', facts: { lockGenerator: 'Poetry 2.1.2' }, errors: [{ messageId: 'export', line: 2, column: 5, endLine: 2, endColumn: 18 }] },
  ],
});
