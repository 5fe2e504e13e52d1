import { ruleTester } from '../testing/rule-tester.js';
import { imageTagUnpinned } from './image-tag-unpinned.js';

ruleTester(imageTagUnpinned, {
  valid: [
    'FROM python:3.12-slim',
    `FROM python:latest@sha256:${'0'.repeat(64)}`,
    'FROM python:3.12 AS build\nFROM build',
    'FROM scratch',
    'ARG IMAGE\nFROM $IMAGE',
    'ARG TAG=3.12\nFROM python:${TAG}',
  ],
  invalid: [
    { code: 'FROM python:latest', errors: [{ messageId: 'latest', line: 1, column: 13, endLine: 1, endColumn: 19 }] },
    { code: 'FROM python', errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 12 }] },
    { code: 'ARG TAG=latest\nFROM python:${TAG}', errors: [{ messageId: 'latest', line: 2, column: 13, endLine: 2, endColumn: 19 }] },
    { code: 'FROM ghcr.io/org/img AS x', errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 21 }] },
  ],
});
