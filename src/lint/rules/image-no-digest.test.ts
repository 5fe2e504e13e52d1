import { ruleTester } from '../testing/rule-tester.js';
import { imageNoDigest } from './image-no-digest.js';

ruleTester(imageNoDigest, {
  valid: [`FROM python:3.12-slim@sha256:${'0'.repeat(64)}`, 'FROM scratch', `FROM python:3.12@sha256:${'0'.repeat(64)} AS a\nFROM a`, 'ARG I\nFROM $I',
    { name: 'a tag from an unset ARG may carry the digest', code: 'ARG TAG\nFROM python:${TAG}' },
    { name: 'an unset ARG that may end in a digest', code: 'ARG V\nFROM python:3.12-slim${V}' },
    { name: 'a variable after the last }', code: 'ARG V\nARG W\nFROM python:${V}-$W' },
    { name: 'a stage picked by an unset ARG', code: 'FROM python:3.12@sha256:' + '0'.repeat(64) + ' AS base-prod\nARG VARIANT\nFROM base-${VARIANT}' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim', errors: [{ messageId: 'noDigest', line: 1, column: 6, endLine: 1, endColumn: 22 }] },
    { code: 'ARG V=3.12\nFROM python:${V}-slim AS b', errors: [{ messageId: 'noDigest', line: 2, column: 6, endLine: 2, endColumn: 22 }] },
    { name: 'an unset ARG before a literal suffix', code: 'ARG V\nFROM python:${V}-slim', errors: [{ messageId: 'noDigest', line: 2, column: 6, endLine: 2, endColumn: 22 }] },
    { name: 'variables with defaults and nested braces', code: 'ARG V\nARG D\nFROM python:${V:-${D}}-slim', errors: [{ messageId: 'noDigest', line: 3, column: 6, endLine: 3, endColumn: 28 }] },
    { name: '100,000 unclosed ${ after an unset ARG', code: `ARG V\nFROM python:\${V}${'${'.repeat(100_000)}-slim`, errors: [{ messageId: 'noDigest', line: 2, column: 6, endLine: 2, endColumn: 200_022 }] },
    { name: 'an unset registry ARG', code: 'ARG REGISTRY\nFROM $REGISTRY/python:3.12-slim', errors: [{ messageId: 'noDigest', line: 2, column: 6, endLine: 2, endColumn: 32 }] },
  ],
});
