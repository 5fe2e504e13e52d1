import { describe, expect, it } from 'vitest';
import { memoryReader } from './reader.js';

describe('memoryReader', () => {
  it('reads dotfiles and ./-prefixed paths', async () => {
    const reader = memoryReader({ '.python-version': '3.13\n', 'src/a/__init__.py': '' });
    expect(await reader.read('.python-version')).toBe('3.13\n');
    expect(await reader.read('./.python-version')).toBe('3.13\n');
    expect(await reader.list('.')).toEqual(['.python-version', 'src']);
    expect(await reader.isDirectory('./src/')).toBe(true);
  });
});
