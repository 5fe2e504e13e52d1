import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePipfileLock, pipfileLockFreshness } from './parse.js';

const fixtures = fileURLToPath(new URL('../__fixtures__/pipfile/', import.meta.url));
const read = (project: string, file: string) => readFileSync(`${fixtures}${project}/${file}`, 'utf8');
const freshness = (project: string, pipenvVersion?: string) =>
  pipfileLockFreshness(read(project, 'Pipfile'), parsePipfileLock(read(project, 'Pipfile.lock')), pipenvVersion === undefined ? {} : { pipenvVersion });

describe('pipfileLockFreshness', () => {
  // What `pipenv verify` of 2022.12.19 / 2024.0.1 / 2026.8.0 said of each fixture (see the fixture README).
  const acceptedBy: Record<string, string> = {
    'pipenv2022-category': 'all',
    'pipenv2022-nosource': 'all',
    'pipenv2022-web': 'pipenv<2026.4',
    'pipenv2024-full': 'pipenv<2026.4',
    'pipenv2024-nosource': 'all',
    'pipenv2024-path': 'all',
    'pipenv2024-settings-edited': 'all',
    'pipenv2026-git': 'all',
    'pipenv2026-names': 'pipenv>=2026.4',
    'pipenv2026-stale': 'none',
  };

  it('covers every fixture', () => {
    expect(Object.keys(acceptedBy).sort()).toEqual(readdirSync(fixtures).filter((n) => !n.endsWith('.md')).sort());
  });

  it.each(Object.entries(acceptedBy))('tells which pipenv accepts %s: %s', (project, expected) => {
    const result = freshness(project);
    expect(result.acceptedBy).toBe(expected);
    expect(result.fresh).toBe(expected !== 'none');
  });

  it('answers for one pipenv version when given, with the hash it expects', () => {
    expect(freshness('pipenv2022-web', '2022.12.19').fresh).toBe(true);
    expect(freshness('pipenv2022-web', '2024.0.1').fresh).toBe(true);
    const newer = freshness('pipenv2022-web', '2026.8.0');
    expect(newer.fresh).toBe(false);
    expect(newer.expected).toBe('82cafaf945a34acaf885f11af2b144260161618262422ae2790b1e93643492e9');
    expect(newer.issues.map((i) => [i.code, i.source?.line])).toEqual([['W_PIPFILE_LOCK_NAME_HASH', 4]]);
    expect(freshness('pipenv2026-names', '2024.0.1').fresh).toBe(false);
    expect(freshness('pipenv2026-stale', '2026.8.0')).toMatchObject({ fresh: false, expected: '4de2aa6a13d381916f11d111f937f4f5ac193c796e9daea8726a7844d1e793a8', issues: [] });
  });

  it("says when the hash depends on the pip configuration of the machine that locked", () => {
    expect(freshness('pipenv2022-nosource').issues).toEqual([]);
    expect(freshness('pipenv2024-nosource').issues).toEqual([
      {
        code: 'I_PIPFILE_LOCK_PIP_INDEX',
        severity: 'info',
        message:
          'the Pipfile has no [[source]], so pipenv hashed the index pip was configured with where the lock was written (http://127.0.0.1:3141/trixie/simple/): a pipenv with another pip configuration calls the lock out of date; name the index in [[source]]',
        source: { file: 'Pipfile.lock', line: 4, column: 13 },
      },
    ]);
  });

  it('cannot tell without a hash or with a Pipfile pipenv cannot hash', () => {
    const lock = parsePipfileLock('{"_meta": {}, "default": {}, "develop": {}}');
    expect(freshness('pipenv2022-web').fresh).toBe(true);
    expect(pipfileLockFreshness(read('pipenv2022-web', 'Pipfile'), lock)).toMatchObject({ fresh: undefined, acceptedBy: undefined });
    const withHash = parsePipfileLock(read('pipenv2022-web', 'Pipfile.lock'));
    expect(pipfileLockFreshness('[packages\n', withHash)).toMatchObject({ fresh: undefined, acceptedBy: undefined, expected: undefined });
  });
});
