import { describe, expect, it } from 'vitest';
import { includedGroups, includeGroupResolver } from './dependency-groups.js';

describe('includeGroupResolver', () => {
  it('own items first, then included groups depth first, each once, cycles cut', () => {
    const table: Record<string, { items: string[]; includes: string[] }> = {
      a: { items: ['x'], includes: ['b', 'c', 'missing'] },
      b: { items: ['y'], includes: ['c'] },
      c: { items: ['z'], includes: ['a'] },
    };
    const resolve = includeGroupResolver((name) => table[name]);
    expect(resolve('a')).toEqual(['x', 'y', 'z']);
    expect(resolve('b')).toEqual(['y', 'z', 'x']);
    expect(resolve('missing')).toEqual([]);
  });

  it('reads each group once and walks 20,000 chained groups without recursion', () => {
    let reads = 0;
    const resolve = includeGroupResolver((name) => {
      reads++;
      const i = Number(name.slice(1));
      return { items: [name], includes: i > 0 ? [`g${i - 1}`] : [] };
    });
    expect(resolve('g19999')).toHaveLength(20_000);
    expect(resolve('g19998')[0]).toBe('g19998');
    expect(reads).toBe(20_000);
  });
});

describe('includedGroups', () => {
  it('names the include-group tables of a list, in order', () => {
    expect(includedGroups(['a', { 'include-group': 'x' }, { other: 1 }, { 'include-group': 'y' }, ['z']])).toEqual(['x', 'y']);
    expect(includedGroups('not a list')).toEqual([]);
  });
});
