import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { parsePoetryLock, readLockHeader } from './parse.js';

const fixture = (project: string) =>
  readFileSync(fileURLToPath(new URL(`../__fixtures__/real-locks/${project}/poetry.lock`, import.meta.url)), 'utf8');

describe('parsePoetryLock', () => {
  it('reads optional packages and the main group\'s markers (Poetry 2 per group, Poetry 1 one string)', () => {
    const lock = parsePoetryLock(
      [
        '[[package]]',
        'name = "Colorama"',
        'version = "0.4.6"',
        'optional = false',
        'groups = ["main", "dev"]',
        'markers = {main = "platform_system == \\"Windows\\"", dev = "sys_platform == \\"win32\\""}',
        '',
        '[[package]]',
        'name = "linkify_it.py"',
        'version = "2.0.3"',
        'optional = true',
        'category = "main"',
        'markers = "extra == \\"fancy\\""',
        '',
        '[[package]]',
        'name = "click"',
        'version = "8.1.8"',
        'groups = ["main"]',
        '',
      ].join('\n'),
      'poetry.lock',
    );
    expect(lock.packages.map(({ name, optional, markers }) => ({ name, optional, markers }))).toEqual([
      { name: 'colorama', optional: undefined, markers: 'platform_system == "Windows"' },
      { name: 'linkify-it-py', optional: true, markers: 'extra == "fancy"' },
      { name: 'click', optional: undefined, markers: undefined },
    ]);
  });

  it('reads a Poetry 2.1.2 lock: versioned header, lock-version 2.1, groups', () => {
    const lock = parsePoetryLock(fixture('poetry2-project'));
    expect(lock.generator).toEqual({ value: { tool: 'poetry', version: '2.1.2' }, source: { file: 'poetry.lock', line: 1 } });
    expect(lock.lockVersion).toEqual({ value: '2.1', source: { file: 'poetry.lock', line: 239, column: 1 } });
    expect(lock.contentHash?.value).toBe('080b6d2a889a2db63f877673c5d3f2bc76c676c06b96d8cffc16d826f6f41072');
    expect(lock.contentHash?.source?.line).toBe(241);
    expect(lock.pythonVersions?.value).toBe('>=3.11,<3.14');
    expect(lock.packages).toHaveLength(12);
    expect(lock.packages.find((p) => p.name === 'pytest')).toEqual({
      name: 'pytest',
      version: '8.3.5',
      groups: ['dev'],
      source: { file: 'poetry.lock', line: 170, column: 1 },
    });
    expect(lock.fresh).toBeUndefined();
  });

  it('reads a Poetry 1.3.2 lock: header without version, lock-version 2.0, category', () => {
    const text = fixture('poetry1-groups');
    const lock = parsePoetryLock(text);
    expect(lock.generator).toBeUndefined();
    expect(readLockHeader(text)).toEqual({ tool: 'poetry', version: undefined, line: 1 });
    expect(lock.lockVersion?.value).toBe('2.0');
    expect(lock.contentHash?.source?.line).toBe(557);
    expect(lock.packages).toHaveLength(28);
    expect(lock.packages.find((p) => p.name === 'pytest')).toMatchObject({ version: '7.2.1', groups: ['dev'], source: { line: 379 } });
    expect(lock.packages.find((p) => p.name === 'flask')?.groups).toEqual(['main']);
  });

  it('normalises package names and tolerates a lock without header or metadata', () => {
    const lock = parsePoetryLock('[[package]]\nname = "Flask_Login"\nversion = "1.0"\n');
    expect(lock.packages).toEqual([{ name: 'flask-login', version: '1.0', groups: [], source: { file: 'poetry.lock', line: 1, column: 1 } }]);
    expect(lock.generator).toBeUndefined();
    expect(lock.contentHash).toBeUndefined();
  });

  it('reports malformed TOML at poetry.lock:line:col', () => {
    expect(() => parsePoetryLock('[[package]]\nname = "x\n')).toThrow(UserError);
    try {
      parsePoetryLock('[metadata]\nlock-version = "2.1"\ncontent-hash = \n');
    } catch (error) {
      expect((error as UserError).describe()).toMatch(/^poetry\.lock:3:\d+: invalid TOML: /);
    }
  });
});
