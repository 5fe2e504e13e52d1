import { ruleTester } from '../testing/rule-tester.js';
import { addRemoteWithoutChecksum } from './add-remote-without-checksum.js';

ruleTester(addRemoteWithoutChecksum, {
  valid: [
    'FROM python:3.12\nADD app.tar.gz /app\n',
    `FROM python:3.12\nADD --checksum=sha256:${'0'.repeat(64)} https://x/y /y\n`,
    'FROM python:3.12\nADD https://github.com/org/repo.git /src\n',
    { name: 'build arguments that name a repository or no URL, or an ARG with a local default', code: 'FROM python:3.12\nARG REPO_URL\nARG GIT_URL\nARG SRC\nARG FILE_URL=dist/app.tar.gz\nADD $REPO_URL /src\nADD ${GIT_URL} /src2\nADD $SRC /app\nADD $FILE_URL /app\n' },
    { name: 'a URL argument with --checksum', code: 'FROM python:3.12\nARG DOWNLOAD_URL\nARG SHA\nADD --checksum=sha256:${SHA} $DOWNLOAD_URL /x\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nADD https://example.com/tool.tgz /opt/\n', errors: [{ messageId: 'noChecksum', line: 2, column: 5, endLine: 2, endColumn: 33 }] },
    { name: 'a URL through an ARG default', code: 'FROM python:3.12\nARG TINI=https://github.com/krallin/tini/releases/download/v0.19.0/tini\nADD ${TINI} /tini\n', errors: [{ messageId: 'noChecksum', line: 3, column: 5, endLine: 3, endColumn: 12 }] },
    {
      name: 'a URL argument without a default (cybersecsi/RAUDI)',
      code: 'ARG PYTHON_ALPINE_VERSION\nFROM python:$PYTHON_ALPINE_VERSION\nARG DOWNLOAD_URL\nWORKDIR /code\nADD $DOWNLOAD_URL code.tar.gz\n',
      errors: [{ messageId: 'noChecksumArg', line: 5, column: 5, endLine: 5, endColumn: 18 }],
    },
  ],
});
