import { ruleTester } from '../testing/rule-tester.js';
import { addRemoteWithoutChecksum } from './add-remote-without-checksum.js';

ruleTester(addRemoteWithoutChecksum, {
  valid: ['FROM python:3.12\nADD app.tar.gz /app\n', `FROM python:3.12\nADD --checksum=sha256:${'0'.repeat(64)} https://x/y /y\n`, 'FROM python:3.12\nADD https://github.com/org/repo.git /src\n'],
  invalid: [{ code: 'FROM python:3.12\nADD https://example.com/tool.tgz /opt/\n', errors: [{ messageId: 'noChecksum', line: 2, column: 5, endLine: 2, endColumn: 33 }] }],
});
