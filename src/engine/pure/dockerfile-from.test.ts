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
  it('reads an instruction only when a space follows its keyword', () => {
    expect(baseImageOf('FROM')).toBeUndefined();
    expect(baseImageOf('FROM \nFROM')).toBeUndefined();
    expect(stageNames('from\tpython:3.13 as Base\nFROMpython:3 AS other\n  FROM base AS final  ')).toEqual(['base', 'final']);
    expect(baseImageOf('ARG\nFROM python:3.12')).toBe('python:3.12');
  });
  it('long runs of spaces (and a lone carriage return, whitespace to Docker) are read in linear time', () => {
    const spaces = ' '.repeat(200_000);
    const long = `ARG${spaces}V=3.13\nFROM${spaces}python:\${V}-slim\rAS${spaces}app${spaces}`;
    expect(baseImageOf(long)).toBe('python:3.13-slim');
    expect(stageNames(long)).toEqual(['app']);
  });
  it('substitutes ARG defaults in linear time, also in a long image name with no closing brace', () => {
    expect(baseImageOf('ARG V=3.13\nARG D=deb\nFROM python:${V}-${X:-slim}-$D${V')).toBe('python:3.13-slim-deb${V');
    const tail = '${A:-'.repeat(40_000);
    expect(baseImageOf(`ARG A=1\nFROM img:$A${tail}$A`)).toBe(`img:1${tail}1`);
  });
});
