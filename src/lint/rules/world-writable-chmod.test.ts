import { ruleTester } from '../testing/rule-tester.js';
import { worldWritableChmod } from './world-writable-chmod.js';

ruleTester(worldWritableChmod, {
  valid: ['FROM python:3.12\nRUN chmod 755 /app && chmod -R go-w /app\n', 'FROM python:3.12\nRUN chmod 1777 /tmp\n', 'FROM python:3.12\nRUN chmod 777 /tmp\n', 'FROM python:3.12\nRUN chmod +x /entrypoint.sh\n', 'FROM python:3.12\nRUN chmod u+w,g+w /data\n'],
  invalid: [
    { code: 'FROM python:3.12\nRUN chmod -R 777 /app\n', errors: [{ messageId: 'mode', line: 2, column: 14, endLine: 2, endColumn: 17 }] },
    { code: 'FROM python:3.12\nRUN chmod o+w /data\n', errors: [{ messageId: 'mode', line: 2, column: 11, endLine: 2, endColumn: 14 }] },
    { code: 'FROM python:3.12\nRUN chmod a+rw /data\n', errors: [{ messageId: 'mode', line: 2, column: 11, endLine: 2, endColumn: 15 }] },
    { code: 'FROM python:3.12\nCOPY --chmod=0777 app.py /app/\n', errors: [{ messageId: 'mode', line: 2, column: 6, endLine: 2, endColumn: 18 }] },
  ],
});
