import { describe, expect, it } from 'vitest';
import { formatRef } from './location.js';

describe('formatRef', () => {
  it('prints file:line and file:line:col', () => {
    expect(formatRef({ file: 'pyproject.toml', line: 3 })).toBe('pyproject.toml:3');
    expect(formatRef({ file: 'Dockerfile', line: 1, column: 6 })).toBe('Dockerfile:1:6');
    expect(formatRef(undefined)).toBe('');
  });
});
