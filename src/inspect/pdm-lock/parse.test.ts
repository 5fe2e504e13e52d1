import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { parsePdmLock } from './parse.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../__fixtures__/pdm-locks/${path}`, import.meta.url)), 'utf8');
const load = (project: string, withPyproject = true) =>
  parsePdmLock(read(`${project}/pdm.lock`), 'pdm.lock', withPyproject ? { pyproject: parse(read(`${project}/pyproject.toml`)) } : {});
const brief = (result: ReturnType<typeof parsePdmLock>, name: string) => {
  const p = result.lock.packages.find((x) => x.name === name);
  return p && { groups: p.groups, optional: p.optional, markers: p.markers };
};

describe('parsePdmLock on real locks', () => {
  it('reads lock 4.5.1 of PDM 2.29.3: groups, strategy, targets, extras as optional main', () => {
    const result = load('pdm2.29-groups');
    expect(result.lockVersion).toBe('4.5.1');
    expect(result.lock.lockVersion).toEqual({ value: '4.5.1', source: { file: 'pdm.lock', line: 7, column: 1 } });
    expect(result.lock.contentHash).toEqual({
      value: 'sha256:36bde56af439c4c6c1684eddfb3dda84c4758471cb0eaff3893904d0b1df6ed7',
      source: { file: 'pdm.lock', line: 8, column: 1 },
    });
    expect(result.lock.generator).toBeUndefined();
    expect(result.lock.pythonVersions?.value).toBe('>=3.12');
    expect(result.groups).toEqual(['main', 'celery', 'dev', 'pg', 'test']);
    expect([result.strategy, result.staticUrls, result.lockInputs]).toEqual([['inherit_metadata'], false, false]);
    expect(result.lock.packages).toHaveLength(31);
    expect(result.lock.packages.find((p) => p.name === 'django')).toEqual({
      name: 'django',
      version: '5.2.17',
      groups: ['main'],
      source: { file: 'pdm.lock', line: 108, column: 1 },
    });
    expect(brief(result, 'celery')).toEqual({ groups: ['main'], optional: true, markers: undefined });
    expect(brief(result, 'redis')).toEqual({ groups: ['main'], optional: undefined, markers: 'platform_system != "Windows"' });
    expect(brief(result, 'pytest')).toEqual({ groups: ['dev', 'test'], optional: undefined, markers: undefined });
    // Needed by an extra and by the dev groups.
    expect(brief(result, 'packaging')).toEqual({ groups: ['main', 'dev', 'test'], optional: true, markers: undefined });
    expect(result.issues).toEqual([]);
  });

  it('without the pyproject, keeps PDM\'s group names (extras cannot be told from dev groups)', () => {
    const result = load('pdm2.29-groups', false);
    expect(brief(result, 'celery')).toEqual({ groups: ['celery'], optional: undefined, markers: undefined });
    expect(brief(result, 'django')?.groups).toEqual(['main']);
  });

  it('reads lock 4.5.0 of PDM 2.20.1: normalised group names, markers of main-only packages', () => {
    const result = load('pdm2.20-groups');
    expect([result.lockVersion, result.groups]).toEqual(['4.5.0', ['main', 'docs', 'lint-tools', 'test']]);
    expect(brief(result, 'uvicorn')).toEqual({ groups: ['main'], optional: undefined, markers: 'sys_platform == "linux"' });
    expect(brief(result, 'pygments')).toEqual({ groups: ['main', 'lint-tools'], optional: undefined, markers: undefined });
    expect(brief(result, 'iniconfig')?.groups).toEqual(['docs', 'test']);
    // The extras group postgres was not locked (pdm lock without -G): psycopg2 is absent.
    expect(result.lock.packages.some((p) => p.name === 'psycopg2')).toBe(false);
  });

  it('reads a non-package app of PDM 2.20.1 and of 2.29.3', () => {
    const app = load('pdm2.20-app');
    expect(app.lock.pythonVersions?.value).toBe('==3.13.*');
    expect(brief(app, 'greenlet')?.markers).toBe(
      '(platform_machine == "win32" or platform_machine == "WIN32" or platform_machine == "AMD64" or platform_machine == "amd64" or platform_machine == "x86_64" or platform_machine == "ppc64le" or platform_machine == "aarch64") and python_version < "3.14"',
    );
    expect(app.lock.packages.filter((p) => p.groups.includes('main'))).toHaveLength(19);
    const app29 = load('pdm2.29-app');
    expect(app29.lock.packages.map((p) => `${p.name}:${p.groups.join('+')}`).join(' ')).toBe(
      'blinker:main click:main flask:main gunicorn:main iniconfig:dev itsdangerous:main jinja2:main markupsafe:main packaging:dev pluggy:dev pygments:dev pytest:dev werkzeug:main',
    );
  });

  it('reads lock 4.0 of PDM 2.2.1: no groups in the file, computed from pyproject.toml and the graph', () => {
    const result = load('pdm2.2-library');
    expect([result.lockVersion, result.groups, result.strategy, result.staticUrls]).toEqual(['4.0', [], ['cross_platform'], true]);
    expect(result.lock.contentHash?.source).toEqual({ file: 'pdm.lock', line: 231, column: 1 });
    expect(result.lock.packages).toHaveLength(28);
    expect(result.issues.map((i) => i.code)).toEqual(['I_PDM_GROUPS_FROM_GRAPH']);
    expect(brief(result, 'flask')).toEqual({ groups: ['main'], optional: undefined, markers: undefined });
    expect(brief(result, 'requests')).toEqual({ groups: ['main'], optional: undefined, markers: 'python_version >= "3.8"' });
    expect(brief(result, 'colorama')).toEqual({ groups: ['main', 'test'], optional: undefined, markers: 'platform_system == "Windows"' });
    // rich is the cli extra's; pygments comes with it and is the lint group's.
    expect(brief(result, 'rich')).toEqual({ groups: ['main'], optional: true, markers: undefined });
    expect(brief(result, 'pygments')).toEqual({ groups: ['main', 'lint'], optional: true, markers: undefined });
    expect(brief(result, 'pytest')?.groups).toEqual(['test']);
    const unknown = load('pdm2.2-library', false);
    expect(unknown.issues.map((i) => i.code)).toEqual(['W_PDM_GROUPS_UNKNOWN']);
    expect(brief(unknown, 'flask')?.groups).toEqual([]);
  });
});

describe('parsePdmLock on odd input', () => {
  it('follows extras entries without listing them twice', () => {
    const lock = [
      '[metadata]',
      'lock_version = "4.4.1"',
      'groups = ["default"]',
      'strategy = ["cross_platform", "static_urls"]',
      '',
      '[[package]]',
      'name = "uvicorn"',
      'version = "0.30.0"',
      'dependencies = ["h11"]',
      '',
      '[[package]]',
      'name = "uvicorn"',
      'version = "0.30.0"',
      'extras = ["standard"]',
      'dependencies = ["uvicorn==0.30.0", "uvloop; sys_platform != \\"win32\\""]',
      '',
      '[[package]]',
      'name = "h11"',
      'version = "0.14.0"',
      '',
      '[[package]]',
      'name = "uvloop"',
      'version = "0.19.0"',
      '',
    ].join('\n');
    const result = parsePdmLock(lock, 'pdm.lock', { pyproject: parse('[project]\ndependencies = ["uvicorn[standard]"]\n') });
    expect(result.lock.packages.map(({ name, groups, markers }) => ({ name, groups, markers }))).toEqual([
      { name: 'uvicorn', groups: ['main'], markers: undefined },
      { name: 'h11', groups: ['main'], markers: undefined },
      { name: 'uvloop', groups: ['main'], markers: 'sys_platform != "win32"' },
    ]);
    expect([result.strategy, result.staticUrls]).toEqual([['cross_platform', 'static_urls'], true]);
  });

  it('turns wrong types into issues instead of throwing', () => {
    const result = parsePdmLock('[metadata]\nlock_version = "5.0"\n\n[[package]]\nname = "a"\n\n[[package]]\nname = "b"\nversion = "1"\ndependencies = "c"\ngroups = ["default"]\n');
    expect(result.issues.map((i) => [i.code, i.source?.line])).toEqual([
      ['W_PDM_LOCK_VERSION', 2],
      ['W_PDM_LOCK_ENTRY', 4],
      ['W_PDM_LOCK_ENTRY', 10],
    ]);
    expect(result.lock.packages).toEqual([{ name: 'b', version: '1', groups: ['main'], source: { file: 'pdm.lock', line: 7, column: 1 } }]);
    expect(parsePdmLock('package = 3\n').issues.map((i) => i.code)).toEqual(['W_PDM_LOCK_ENTRY']);
  });

  it('reports malformed TOML at pdm.lock:line:col', () => {
    expect(() => parsePdmLock('[metadata]\nlock_version = \n')).toThrow(UserError);
    try {
      parsePdmLock('[[package]]\nname = "x\n');
    } catch (error) {
      expect((error as UserError).describe()).toMatch(/^pdm\.lock:2:\d+: invalid TOML: /);
    }
  });
});
