import { describe, expect, it } from 'vitest';
import { ownership, stamp } from './marker.js';

describe('stamp / ownership', () => {
  const text = '# syntax=docker/dockerfile:1\n# header\nFROM python:3.13-slim\n';
  const stamped = stamp(text, '#', 2);

  it('puts the digest line where asked and recognises untouched output', () => {
    expect(stamped.split('\n')[2]).toMatch(/^# pycrane-digest: sha256:[0-9a-f]{16}$/);
    expect(ownership(stamped)).toBe('pycrane');
  });

  it('tells a hand edit from untouched output', () => {
    expect(ownership(stamped.replace('3.13', '3.12'))).toBe('edited');
  });

  it('treats a file without the digest line as the user\'s', () => {
    expect(ownership(text)).toBe('user');
    expect(ownership(stamped.replace(/^# pycrane-digest.*\n/m, ''))).toBe('user');
  });

  it('works with // comments (devcontainer.json is JSONC)', () => {
    expect(ownership(stamp('// a\n{}\n', '//', 1))).toBe('pycrane');
  });
});

describe('ownership with a blank line after the digest (the Dockerfile header)', () => {
  it('still recognises untouched output', () => {
    const text = '# syntax=docker/dockerfile:1\n# header\n\nFROM python:3.13-slim\n';
    expect(ownership(stamp(text, '#', 2))).toBe('pycrane');
  });
});

describe('Markdown (README.Docker.md), where # is a heading', () => {
  it('stamps an HTML comment and recognises it', () => {
    const stamped = stamp('<!-- header -->\n# Title\n', '<!--', 1);
    expect(stamped.split('\n')[1]).toMatch(/^<!-- pycrane-digest: sha256:[0-9a-f]{16} -->$/);
    expect(ownership(stamped)).toBe('pycrane');
    expect(ownership(stamped.replace('Title', 'Mine'))).toBe('edited');
  });
});
