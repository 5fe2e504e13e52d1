import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { locateToml } from './locate.js';

const doc = `# comment [not.a.table]
title = "x = [1]"   # a string that looks like TOML

[tool.poetry]
name = "demo"
packages = [{ include = "demo", from = "src" }]

[tool.poetry.dependencies]
python = "^3.11"
"quoted.key" = "1"
flask = { version = "^2.2", extras = ["async"] }
description.long = """
not = a key
[not.a.table]
"""
after = 1

[[tool.poetry.source]]
name = "a"
url = 'http://a'

[[tool.poetry.source]]
name = "b"

[project]
dependencies = [
  "click>=8",   # first
  'rich',
  # comment between elements
  "httpx",
]
scripts = { hello = "demo:main" }

[[fruit]]
name = "apple"
[fruit.physical]
color = "red"
[[fruit.variety]]
name = "red delicious"
[[fruit]]
name = "banana"
[[fruit.variety]]
name = "plantain"
`;

describe('locateToml', () => {
  const at = locateToml(doc, 'pyproject.toml');

  it('is given a valid document', () => {
    expect(() => parse(doc)).not.toThrow();
  });

  it('finds keys under table headers, with columns', () => {
    expect(at.find(['title'])).toEqual({ file: 'pyproject.toml', line: 2, column: 1 });
    expect(at.find(['tool', 'poetry'])).toEqual({ file: 'pyproject.toml', line: 4, column: 1 });
    expect(at.find(['tool', 'poetry', 'name'])?.line).toBe(5);
    expect(at.find(['tool', 'poetry', 'dependencies', 'python'])?.line).toBe(9);
    expect(at.find(['tool', 'poetry', 'dependencies', 'quoted.key'])?.line).toBe(10);
  });

  it('finds inline tables, their keys and array elements', () => {
    expect(at.find(['tool', 'poetry', 'packages', 0])).toEqual({ file: 'pyproject.toml', line: 6, column: 13 });
    expect(at.find(['tool', 'poetry', 'packages', 0, 'from'])).toEqual({ file: 'pyproject.toml', line: 6, column: 33 });
    expect(at.find(['tool', 'poetry', 'dependencies', 'flask', 'extras', 0])?.line).toBe(11);
    expect(at.find(['project', 'scripts', 'hello'])).toEqual({ file: 'pyproject.toml', line: 32, column: 13 });
  });

  it('handles dotted keys and is not fooled by multi-line strings', () => {
    expect(at.find(['tool', 'poetry', 'dependencies', 'description'])?.line).toBe(12);
    expect(at.find(['tool', 'poetry', 'dependencies', 'description', 'long'])?.line).toBe(12);
    expect(at.find(['not'])).toBeUndefined();
    expect(at.find(['not', 'a', 'table'])).toBeUndefined();
    expect(at.find(['tool', 'poetry', 'dependencies', 'after'])?.line).toBe(16);
  });

  it('numbers arrays of tables, nested ones too', () => {
    expect(at.find(['tool', 'poetry', 'source', 0])?.line).toBe(18);
    expect(at.find(['tool', 'poetry', 'source', 0, 'url'])?.line).toBe(20);
    expect(at.find(['tool', 'poetry', 'source', 1, 'name'])?.line).toBe(23);
    expect(at.find(['fruit', 0, 'physical', 'color'])?.line).toBe(37);
    expect(at.find(['fruit', 0, 'variety', 0, 'name'])?.line).toBe(39);
    expect(at.find(['fruit', 1, 'name'])?.line).toBe(41);
    expect(at.find(['fruit', 1, 'variety', 0, 'name'])?.line).toBe(43);
  });

  it('finds elements of multi-line arrays, skipping comments', () => {
    expect(at.find(['project', 'dependencies', 0])).toEqual({ file: 'pyproject.toml', line: 27, column: 3 });
    expect(at.find(['project', 'dependencies', 1])?.line).toBe(28);
    expect(at.find(['project', 'dependencies', 2])?.line).toBe(30);
    expect(at.find(['project', 'dependencies', 3])).toBeUndefined();
  });

  it('falls back to the nearest ancestor with near()', () => {
    expect(at.near(['tool', 'poetry', 'dependencies', 'flask', 'nope'])?.line).toBe(11);
    expect(at.near(['nothing'])).toBeUndefined();
  });

  it('copes with CRLF line ends and tables defined by a sub-table only', () => {
    const crlf = locateToml('[tool.poetry.group.dev.dependencies]\r\npytest = "*"\r\n', 'p.toml');
    expect(crlf.find(['tool', 'poetry', 'group', 'dev'])?.line).toBe(1);
    expect(crlf.find(['tool', 'poetry', 'group', 'dev', 'dependencies', 'pytest'])).toEqual({ file: 'p.toml', line: 2, column: 1 });
  });

  it('reads spaced dotted keys, escaped quoted keys, nested arrays, multi-line inline tables and a BOM', () => {
    const text = '\uFEFFa . "b.c" . d = 1\n"k\\"q" = 2\nx = [[1, 2], [3]]\ny = { b = 1,\n  c = 2 }\n';
    expect(() => parse(text)).not.toThrow();
    const t = locateToml(text, 'x.toml');
    expect(t.find(['a', 'b.c', 'd'])).toEqual({ file: 'x.toml', line: 1, column: 1 });
    expect(t.find(['k"q'])?.line).toBe(2);
    expect(t.find(['x', 1])).toEqual({ file: 'x.toml', line: 3, column: 14 });
    expect(t.find(['x', 0, 1])).toEqual({ file: 'x.toml', line: 3, column: 10 });
    expect(t.find(['y', 'c'])).toEqual({ file: 'x.toml', line: 5, column: 3 });
  });
});

describe('locateToml on deeply nested values', () => {
  it('finds elements 999 arrays deep, and an element of each of 6 lines of 990-deep arrays (24 KB) in one pass', () => {
    const deep = `x = ${'['.repeat(999)}${']'.repeat(999)}\n`;
    const path999 = ['x', ...Array<number>(998).fill(0)];
    expect(locateToml(deep, 'p.toml').find(path999)).toEqual({ file: 'p.toml', line: 1, column: 1003 });
    const nested = (d: number) => `${'['.repeat(d)}1${', 2]'.repeat(d)}`;
    const text = `${Array.from({ length: 6 }, (_, i) => `k${i} = ${nested(990)}`).join('\n')}\n`;
    expect(text.length).toBeGreaterThan(24_000);
    const at = locateToml(text, 'p.toml');
    for (let i = 0; i < 6; i++) expect(at.find([`k${i}`, ...Array<number>(989).fill(0), 1])?.line).toBe(i + 1);
  });

  it('skips values deeper than the parser allows without recursion (100,000 unclosed arrays)', () => {
    const at = locateToml(`x = ${'['.repeat(100_000)}\ny = 1\n`, 'p.toml');
    expect(at.find(['x'])).toEqual({ file: 'p.toml', line: 1, column: 1 });
    expect(at.find(['x', ...Array<number>(2000).fill(0)])).toBeUndefined();
    const closed = locateToml(`x = ${'[{a = "]"}, '.repeat(1)}${'['.repeat(5000)}${']'.repeat(5000)}]\ny = 1\n`, 'p.toml');
    expect(closed.find(['y'])?.line).toBe(2);
  });
});

describe('locateToml on keys with thousands of dotted parts (found by the fuzzer, test/fuzz/crashers/poetry-lock)', () => {
  const path = (part: string, n: number) => Array<string>(n).fill(part);
  const text = [
    `${'a.'.repeat(24_999)}a = 1`,
    `${'a.'.repeat(24_999)}z = [1, { y = 2 }]`,
    `[${'b.'.repeat(9_999)}b]`,
    'c = 2',
    `[[${'d.'.repeat(4_999)}d]]`,
    'e = 3',
    `[[${'d.'.repeat(4_999)}d]]`,
    `${'f.'.repeat(2_999)}f = 4`,
    '',
  ].join('\n');

  it('is given a 100 KB document', () => {
    expect(text.length).toBeGreaterThan(100_000);
  });

  it('finds every dotted key, its implicit parents at their first mention, and what is under them', () => {
    const at = locateToml(text, 'p.toml');
    expect(at.find(path('a', 25_000))).toEqual({ file: 'p.toml', line: 1, column: 1 });
    expect(at.find(path('a', 12_345))).toEqual({ file: 'p.toml', line: 1, column: 1 });
    expect(at.find([...path('a', 24_999), 'z'])).toEqual({ file: 'p.toml', line: 2, column: 1 });
    // Arrays and inline tables deeper than the parser allows are skipped, not read.
    expect(at.find([...path('a', 24_999), 'z', 1])).toBeUndefined();
    expect(at.near([...path('a', 24_999), 'z', 1, 'y'])).toEqual({ file: 'p.toml', line: 2, column: 1 });
    expect(at.find(path('a', 25_001))).toBeUndefined();
    expect(at.near([...path('a', 25_000), 'nope', 'no'])).toEqual({ file: 'p.toml', line: 1, column: 1 });
    expect(at.find([...path('b', 10_000), 'c'])).toEqual({ file: 'p.toml', line: 4, column: 1 });
    expect(at.find([...path('d', 5_000), 0, 'e'])?.line).toBe(6);
    expect(at.find([...path('d', 5_000), 1])?.line).toBe(7);
    expect(at.find([...path('d', 5_000), 1, ...path('f', 3_000)])).toEqual({ file: 'p.toml', line: 8, column: 1 });
    expect(at.find([...path('d', 5_000), 2])).toBeUndefined();
  });
});
