import { ruleTester } from '../testing/rule-tester.js';
import { chownAfterCopy } from './chown-after-copy.js';

ruleTester(chownAfterCopy, {
  valid: [
    'FROM python:3.12\nWORKDIR /app\nRUN chown -R 1000:1000 /app\nCOPY --chown=1000:1000 . .\n',
    'FROM python:3.12\nCOPY . /app\nRUN chown 1000 /app\n',
    'FROM python:3.12\nCOPY . /app\nRUN chown -R 1000 /data\n',
    'FROM python:3.12\nCOPY . /app\nFROM python:3.12\nRUN mkdir /app && chown -R 1000 /app\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nCOPY . /app\nRUN chown -R 1000:1000 /app\n', errors: [{ messageId: 'chown', line: 3, column: 5, endLine: 3, endColumn: 28 }] },
    {
      code: 'FROM python:3.12\nARG HOME=/app\nWORKDIR $HOME\nCOPY --from=b /opt/venv /opt/venv\nRUN useradd app && chown -R app:app /opt/venv .\n',
      errors: [
        { messageId: 'chown', line: 5, column: 20, endLine: 5, endColumn: 46 },
      ],
    },
  ],
});
