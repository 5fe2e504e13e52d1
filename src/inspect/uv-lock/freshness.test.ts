import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parseUvLock, uvLockFreshness } from './parse.js';

const read = (path: string) => readFileSync(fileURLToPath(new URL(`../__fixtures__/uv-locks/${path}`, import.meta.url)), 'utf8');
/** The lock of `project` against its pyproject.toml, edited by `edit` (a real lock made stale on purpose). */
const check = (project: string, edit?: (text: string) => string, members?: Map<string, string>) => {
  const pyproject = read(`${project}/pyproject.toml`);
  const edited = edit ? edit(pyproject) : pyproject;
  if (edit) expect(edited).not.toBe(pyproject);
  return uvLockFreshness(parseUvLock(read(`${project}/uv.lock`)), parse(edited), {
    ...(members ? { members: new Map([...members].map(([dir, text]) => [dir, parse(text)])) } : {}),
  });
};
const backend = () => new Map([['backend', read('rev3-workspace/backend/pyproject.toml')]]);

describe('uvLockFreshness', () => {
  it.each(['v1-dev-dependencies', 'rev2-git-source', 'virtual-no-build-system', 'rev2-package-false', 'rev3-fork'])(
    'finds the real lock of %s fresh',
    (project) => {
      expect(check(project)).toEqual({ fresh: true, reason: undefined });
    },
  );

  it('finds the workspace fresh given its member, and cannot tell without it', () => {
    expect(check('rev3-workspace', undefined, backend())).toEqual({ fresh: true, reason: undefined });
    expect(check('rev3-workspace')).toEqual({ fresh: undefined, reason: "the workspace members' pyproject.toml files were not read" });
  });

  it('names a changed specifier, an added dependency and a removed dev dependency', () => {
    expect(check('v1-dev-dependencies', (t) => t.replace('"fastapi[standard]>=0.112.2"', '"fastapi[standard]>=0.115"'))).toEqual({
      fresh: false,
      reason: 'uv-docker-example\'s [project] dependencies: pyproject.toml has "fastapi[standard]>=0.115", uv.lock was locked for "fastapi[standard]>=0.112.2"',
    });
    expect(check('v1-dev-dependencies', (t) => t.replace('"fastapi[standard]>=0.112.2",', '"fastapi[standard]>=0.112.2",\n    "rich",'))).toEqual({
      fresh: false,
      reason: 'uv-docker-example\'s [project] dependencies: "rich" is not in uv.lock',
    });
    expect(check('v1-dev-dependencies', (t) => t.replace('    "ruff>=0.6.2",\n', ''))).toEqual({
      fresh: false,
      reason: 'uv-docker-example\'s group dev: uv.lock has "ruff>=0.6.2", which pyproject.toml no longer declares',
    });
  });

  it('normalises what uv normalises: name case, specifier order and spacing', () => {
    expect(check('v1-dev-dependencies', (t) => t.replace('"fastapi[standard]>=0.112.2"', '"FastAPI[STANDARD] >= 0.112.2.0"'))).toEqual({ fresh: true, reason: undefined });
    const lock = parseUvLock(read('rev3-workspace/uv.lock'));
    // backend says "python-multipart<1.0.0,>=0.0.27"; uv.lock has ">=0.0.27,<1.0.0".
    expect(lock.declarations.get('app')?.requiresDist?.find((r) => r.name === 'python-multipart')?.specifier).toBe('>=0.0.27,<1.0.0');
  });

  it('tells a changed requires-python, a new group, and a project that stopped being virtual', () => {
    expect(check('rev2-git-source', (t) => t.replace('requires-python = ">=3.13"', 'requires-python = ">=3.12"'))).toEqual({
      fresh: false,
      reason: 'requires-python is ">=3.12" but uv.lock was resolved for ">=3.13"',
    });
    expect(check('rev2-git-source', (t) => `${t}\ndocs = ["mkdocs"]\n`)).toEqual({
      fresh: false,
      reason: "ecosystem-analyzer's dependency groups are dev, docs but uv.lock has dev",
    });
    expect(check('virtual-no-build-system', (t) => `${t}\n[tool.uv]\npackage = true\n`)).toEqual({
      fresh: false,
      reason: 'pyproject.toml makes uv-aws-lambda-example a package, uv.lock has it virtual',
    });
    // ~=3.8.0 in pyproject.toml, ==3.8.* in uv.lock: the same range.
    expect(check('rev2-package-false').fresh).toBe(true);
  });

  it('sees a workspace member change and a renamed member', () => {
    const members = backend();
    members.set('backend', (members.get('backend') ?? '').replace('    "tenacity<10.0.0,>=8.2.3",\n', ''));
    expect(check('rev3-workspace', undefined, members)).toEqual({
      fresh: false,
      reason: 'app\'s [project] dependencies: uv.lock has "tenacity>=8.2.3,<10.0.0", which pyproject.toml no longer declares',
    });
    const renamed = new Map([['backend', read('rev3-workspace/backend/pyproject.toml').replace('name = "app"', 'name = "api"')]]);
    expect(check('rev3-workspace', undefined, renamed).reason).toBe('the workspace members are api but uv.lock was locked for app');
    expect(check('rev3-workspace', (t) => t.replace('"smokeshow >=0.5.0"', '"smokeshow >=0.6"'), backend()).reason).toBe(
      'the workspace root\'s group github-actions: pyproject.toml has "smokeshow >=0.6", uv.lock was locked for "smokeshow>=0.5.0"',
    );
  });

  it('cannot tell when only markers differ in writing, or when dependencies are dynamic', () => {
    expect(check('v1-dev-dependencies', (t) => t.replace('"fastapi[standard]>=0.112.2"', '"fastapi[standard]>=0.112.2; python_version >= \\"3.8\\""'))).toEqual({
      fresh: undefined,
      reason: "uv-docker-example's [project] dependencies: the markers of fastapi are written differently in uv.lock",
    });
    expect(check('rev2-git-source', (t) => t.replace('[project]', '[project]\ndynamic = ["dependencies"]')).fresh).toBeUndefined();
  });

  it('reads markers and requires-python with long runs of spaces and digits in linear time', () => {
    const spaces = ' '.repeat(200_000);
    const lock = read('rev2-package-false/uv.lock').replace(
      `{ name = "black", marker = "extra == 'dev'" }`,
      `{ name = "black", marker = "python_version >= '3.8'${spaces}and${spaces}sys_platform != 'win32'${spaces}and extra == 'dev'" }`,
    );
    const pyproject = read('rev2-package-false/pyproject.toml');
    const black = (marker: string) => parse(pyproject.replace('    "black",', `    "black; ${marker}",`));
    expect(uvLockFreshness(parseUvLock(lock), black("python_version >= '3.8' and sys_platform != 'win32'"))).toEqual({ fresh: true, reason: undefined });
    expect(uvLockFreshness(parseUvLock(lock), black("python_version >= '3.8'")).reason).toMatch(/the markers of black are written differently in uv.lock$/);
    const digits = '1'.repeat(200_000);
    const edited = parse(pyproject.replace('requires-python = "~=3.8.0"', `requires-python = "~=3.8.0,!=${digits}"`));
    expect(uvLockFreshness(parseUvLock(read('rev2-package-false/uv.lock')), edited)).toEqual({ fresh: true, reason: undefined });
  });

  it('cannot tell for a lock without a project', () => {
    const lock = parseUvLock('version = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "r" }\n');
    expect(uvLockFreshness(lock, parse('[project]\nname = "a"\n'))).toEqual({ fresh: undefined, reason: 'uv.lock has no project package and no workspace members' });
  });
});
