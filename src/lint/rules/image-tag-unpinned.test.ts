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
    { name: 'a version anywhere in the tag, or a release name, pins at least the distribution', code: 'FROM python:alpine3.19\nFROM python:slim-bookworm\nFROM ubuntu:jammy\nFROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\n' },
    { name: 'a variant after a version from an ARG without a default', code: 'ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n' },
  ],
  invalid: [
    { code: 'FROM python:latest', errors: [{ messageId: 'latest', line: 1, column: 13, endLine: 1, endColumn: 19 }] },
    { code: 'FROM python', errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 12 }] },
    { code: 'ARG TAG=latest\nFROM python:${TAG}', errors: [{ messageId: 'latest', line: 2, column: 13, endLine: 2, endColumn: 19 }] },
    {
      name: 'a tag without a version moves like latest (SJTU-Plus/ManagerBot: python:slim)',
      code: 'FROM python:slim\nFROM node:lts-alpine AS web\nFROM debian:sid\n',
      errors: [
        { messageId: 'moving', line: 1, column: 13, endLine: 1, endColumn: 17 },
        { messageId: 'moving', line: 2, column: 11, endLine: 2, endColumn: 21 },
        { messageId: 'moving', line: 3, column: 13, endLine: 3, endColumn: 16 },
      ],
    },
    { code: 'FROM ghcr.io/org/img AS x', errors: [{ messageId: 'untagged', line: 1, column: 6, endLine: 1, endColumn: 21 }] },
  ],
});
