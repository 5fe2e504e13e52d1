import { ruleTester } from '../testing/rule-tester.js';
import { imageNoDigest } from './image-no-digest.js';

ruleTester(imageNoDigest, {
  valid: [`FROM python:3.12-slim@sha256:${'0'.repeat(64)}`, 'FROM scratch', `FROM python:3.12@sha256:${'0'.repeat(64)} AS a\nFROM a`, 'ARG I\nFROM $I'],
  invalid: [
    { code: 'FROM python:3.12-slim', errors: [{ messageId: 'noDigest', line: 1, column: 6, endLine: 1, endColumn: 22 }] },
    { code: 'ARG V=3.12\nFROM python:${V}-slim AS b', errors: [{ messageId: 'noDigest', line: 2, column: 6, endLine: 2, endColumn: 22 }] },
  ],
});
