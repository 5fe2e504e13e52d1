import { describe, expect, it } from 'vitest';
import { baseImageOf, stageNames } from './dockerfile-from.js';

const text = `# syntax=docker/dockerfile:1
ARG PYTHON=3.13
FROM python:\${PYTHON}-slim AS builder
RUN echo
FROM builder AS app-pre
FROM app-pre AS dev
FROM --platform=$BUILDPLATFORM python:\${PYTHON}-slim \\
  AS app
USER 10001
`;

describe('baseImageOf', () => {
  it('follows stage chains to the external image, with global ARG defaults', () => {
    expect(baseImageOf(text)).toBe('python:3.13-slim');
    expect(baseImageOf(text, 'dev')).toBe('python:3.13-slim');
    expect(baseImageOf(text, 'APP')).toBe('python:3.13-slim');
    expect(baseImageOf(text, 'nope')).toBeUndefined();
    expect(baseImageOf('FROM scratch\nCOPY x /')).toBeUndefined();
    expect(baseImageOf('FROM debian:trixie-slim')).toBe('debian:trixie-slim');
  });
  it('lists stages', () => {
    expect(stageNames(text)).toEqual(['builder', 'app-pre', 'dev', 'app']);
  });
});
