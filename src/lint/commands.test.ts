import { describe, expect, it } from 'vitest';
import { isDependencyFile, matchesStarGlob, trimTrailingSlashes } from './commands.js';

describe('trimTrailingSlashes', () => {
  it('drops the trailing slashes and keeps a root', () => {
    expect(['/app/', '/app//', '/app', '/', '//', 'a/', ''].map(trimTrailingSlashes)).toEqual(['/app', '/app', '/app', '/', '/', 'a', '']);
  });
  it('reads 200,000 slashes before a letter in one pass', () => {
    const p = `${'/'.repeat(200_000)}x`;
    expect(trimTrailingSlashes(p)).toBe(p);
    expect(trimTrailingSlashes('/'.repeat(200_000))).toBe('/');
  });
});

describe('matchesStarGlob', () => {
  it('takes * for any run of characters and nothing else as special', () => {
    const yes: [string, string][] = [['python*', 'python3.12'], ['*', ''], ['*.whl', 'a.whl'], ['a*b*c', 'abc'], ['a*b*c', 'aXbYbc'], ['*a*', 'a'], ['x?[', 'x?['], ['**', 'q']];
    const no: [string, string][] = [['python*', 'pypy'], ['a*b*c', 'acb'], ['ab*ba', 'aba'], ['x?', 'xy'], ['a', 'ab'], ['*.whl', 'whl']];
    expect(yes.filter(([p, t]) => !matchesStarGlob(p, t))).toEqual([]);
    expect(no.filter(([p, t]) => matchesStarGlob(p, t))).toEqual([]);
  });
  it('matches 1,000 stars against 200,000 letters in one pass', () => {
    expect(matchesStarGlob(`${'*a'.repeat(1_000)}*b`, 'a'.repeat(200_000))).toBe(false);
    expect(matchesStarGlob(`${'*a'.repeat(1_000)}*b`, `${'a'.repeat(200_000)}b`)).toBe(true);
  });
});

describe('isDependencyFile', () => {
  it('knows dependency files, also as globs', () => {
    const yes = ['pyproject.toml', './poetry.lock', 'poetry.lock*', 'Pipfile*', 'requirements*.txt', 'requirements/*.txt', 'requirements/', 'req[s]/requirements-[a-z]?.txt', 'requirements[.txt', 'README*'];
    // a class is left out whole: `[r]equirements.txt` reads as equirements.txt
    const no = ['src', '*.py', 'app/[ab].py', '[*', '[r]equirements.txt'];
    expect(yes.filter((f) => !isDependencyFile(f))).toEqual([]);
    expect(no.filter((f) => isDependencyFile(f))).toEqual([]);
  });
  it('reads 200,000 unclosed [ in one pass', () => {
    expect(isDependencyFile('['.repeat(200_000))).toBe(false);
    expect(isDependencyFile(`${'['.repeat(200_000)}]poetry.lock`)).toBe(true);
    expect(isDependencyFile(`uv.lock${'['.repeat(200_000)}`)).toBe(false);
  });
});
