import { ruleTester } from '../testing/rule-tester.js';
import { eolPython } from './eol-python.js';

ruleTester(eolPython, {
  valid: ['FROM python:3.13-slim\n', 'FROM python:3.12 AS a\nFROM a\n', 'FROM debian:11\n', 'ARG V\nFROM python:$V\n'],
  invalid: [
    { code: 'FROM python:3.8-slim\n', errors: [{ messageId: 'eol', line: 1, column: 13, endLine: 1, endColumn: 21 }] },
    { code: 'ARG PYTHON_VERSION=3.7.9\nFROM python:${PYTHON_VERSION}-alpine AS x\n', errors: [{ messageId: 'eol', line: 2, column: 13, endLine: 2, endColumn: 37 }] },
    { code: 'FROM ghcr.io/astral-sh/uv:python3.9-bookworm-slim\n', errors: [{ messageId: 'eol', line: 1, column: 27, endLine: 1, endColumn: 50 }] },
  ],
});
