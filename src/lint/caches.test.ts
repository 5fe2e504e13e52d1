import { describe, expect, it } from 'vitest';
import type { RunNode } from '../dockerfile/model.js';
import { parseDockerfile } from '../dockerfile/parse.js';
import { cacheMounted, type CacheOwner } from './caches.js';

const mounted = (text: string, owner: CacheOwner) => {
  const node = parseDockerfile(text).instructions.find((i): i is RunNode => i.kind === 'run')!;
  return cacheMounted(node, node.script.commands[0]!, owner);
};

describe('cacheMounted', () => {
  it('takes a cache target with or without trailing slashes', () => {
    expect(mounted('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv// uv sync\n', 'uv')).toBe(true);
    expect(mounted('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/ pip install x\n', 'pip')).toBe(true);
    expect(mounted('FROM python:3.12\nENV UV_CACHE_DIR=/cache//\nRUN --mount=type=cache,target=/cache/ uv sync\n', 'uv')).toBe(true);
    expect(mounted('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip uv sync\n', 'uv')).toBe(false);
  });
  it('reads a target of 200,000 slashes and a last letter as one path', () => {
    expect(mounted(`FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv${'/'.repeat(200_000)}x uv sync\n`, 'uv')).toBe(false);
    expect(mounted(`FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv${'/'.repeat(200_000)} uv sync\n`, 'uv')).toBe(true);
  });
});
