import { ruleTester } from '../testing/rule-tester.js';
import { addInsteadOfCopy } from './add-instead-of-copy.js';

ruleTester(addInsteadOfCopy, {
  valid: [
    'FROM python:3.12-slim\nCOPY . /app\n',
    { name: 'a remote file (PC206)', code: 'FROM python:3.12-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n' },
    { name: 'a git repository', code: 'FROM python:3.12-slim\nADD https://github.com/org/repo.git#v1.0 /src\nADD git@github.com:org/repo.git /src2\n' },
    { name: '--checksum', code: `FROM python:3.12-slim\nADD --checksum=sha256:${'a'.repeat(64)} https://example.com/x.whl /tmp/\n` },
    { name: 'a local tar, extracted on purpose', code: 'FROM scratch\nADD rootfs.tar.xz /\nADD vendor/wheels.tgz /opt/wheels/\n' },
    { name: 'a source pycrane cannot resolve', code: 'FROM python:3.12-slim\nARG SRC\nADD $SRC /opt/\n' },
    { name: 'a URL through an ARG default', code: 'FROM python:3.12-slim\nARG URL=https://example.com/tool\nADD ${URL} /usr/local/bin/tool\n' },
  ],
  invalid: [
    { name: 'a local file', code: 'FROM python:3.12-slim\nADD requirements.txt /app/\n', errors: [{ messageId: 'local', line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { name: 'the whole context', code: 'FROM python:3.12-slim\nWORKDIR /app\nADD . .\n', errors: [{ messageId: 'local', line: 3, column: 1, endLine: 3, endColumn: 4 }] },
    { name: 'a folder with --chown', code: 'FROM python:3.12-slim\nADD --chown=app:app src /app/src\n', errors: [{ messageId: 'local', line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { name: 'a local zip is not extracted (only tars are)', code: 'FROM python:3.12-slim\nADD dist/app.zip /tmp/\n', errors: [{ messageId: 'local', line: 2, column: 1, endLine: 2, endColumn: 4 }] },
    { name: 'a local source through an ARG default', code: 'FROM python:3.12-slim\nARG REQS=requirements.txt\nADD $REQS /app/\n', errors: [{ messageId: 'local', line: 3, column: 1, endLine: 3, endColumn: 4 }] },
  ],
});
