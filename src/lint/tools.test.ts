import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.js';
import { covers, toolInstalls } from './tools.js';

const tools = (text: string) => toolInstalls(parseDockerfile(text).instructions).map((t) => t.tool);

describe('toolInstalls', () => {
  it('names a compiler package with its version cut off', () => {
    expect(tools('FROM alpine:3.20\nRUN apk add gcc=13.2.1-r0 musl-dev\n')).toEqual(['gcc']);
    expect(tools('FROM debian:12\nRUN apt-get install -y build-essential cmake:amd64\n')).toEqual(['build-essential', 'cmake']);
  });
  it('cuts at the first = of a word of 200,000 = and a line break', () => {
    expect(tools(`FROM alpine:3.20\nRUN apk add "gcc${'='.repeat(200_000)}\u2028"\n`)).toEqual(['gcc']);
  });
});

describe('covers', () => {
  it('matches a star in a location against one segment', () => {
    expect(covers('/opt/venv', '/opt/venv/lib/python*/site-packages/poetry')).toBe(true);
    expect(covers('/opt/venv/lib/python3.12/site-packages', '/opt/venv/lib/python*/site-packages/poetry')).toBe(true);
    expect(covers('/opt/venv/lib/pypy3.10', '/opt/venv/lib/python*/site-packages/poetry')).toBe(false);
    expect(covers('/opt/venv/lib/python3.12/site-packages/poetry', '/opt/venv/lib/python*/site-packages/poetry')).toBe(true);
  });
  it('answers a location of 1,000 stars against a 200,000-character segment (a RegExp built from it never finished)', () => {
    expect(covers(`/a/${'a'.repeat(200_000)}b`, `/a/${'*a'.repeat(1000)}`)).toBe(false);
    expect(covers(`/a/${'a'.repeat(200_000)}`, `/a/${'*a'.repeat(1000)}`)).toBe(true);
  });
});
