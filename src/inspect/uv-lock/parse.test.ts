import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { parseUvLock } from './parse.js';

const fixture = (project: string) =>
  readFileSync(fileURLToPath(new URL(`../__fixtures__/uv-locks/${project}/uv.lock`, import.meta.url)), 'utf8');
const pick = (lock: ReturnType<typeof parseUvLock>, name: string) => lock.lock.packages.filter((p) => p.name === name);

describe('parseUvLock on real locks', () => {
  it('reads a version 1 lock (no revision) with [tool.uv] dev-dependencies and extras edges', () => {
    const result = parseUvLock(fixture('v1-dev-dependencies'));
    expect(result.lock.lockVersion).toEqual({ value: '1', source: { file: 'uv.lock', line: 1, column: 1 } });
    expect(result.requiresPython).toEqual({ value: '>=3.11', source: { file: 'uv.lock', line: 2, column: 1 } });
    expect(result.lock.pythonVersions?.value).toBe('>=3.11');
    expect(result.lock.generator).toBeUndefined();
    expect(result.lock.contentHash).toBeUndefined();
    expect(result.lock.fresh).toBeUndefined();
    expect([result.root, result.virtual, result.workspaceMembers, result.revision]).toEqual(['uv-docker-example', false, [], 0]);
    // The project itself is not a dependency.
    expect(result.lock.packages).toHaveLength(35);
    expect(pick(result, 'uv-docker-example')).toEqual([]);
    expect(pick(result, 'fastapi')).toEqual([{ name: 'fastapi', version: '0.112.2', groups: ['main'], source: { file: 'uv.lock', line: 82, column: 1 } }]);
    // fastapi[standard] pulls fastapi-cli into main; the dev group names it too.
    expect(pick(result, 'fastapi-cli')[0]?.groups).toEqual(['main', 'dev']);
    expect(pick(result, 'ruff')[0]?.groups).toEqual(['dev']);
    expect(pick(result, 'uvloop')[0]?.markers).toBe("platform_python_implementation != 'PyPy' and sys_platform != 'cygwin' and sys_platform != 'win32'");
    // Reached through click (Windows) and through uvicorn -> colorama under sys_platform.
    expect(pick(result, 'colorama')[0]?.markers).toBe("platform_system == 'Windows' or sys_platform == 'win32'");
    expect(result.issues).toEqual([]);
  });

  it('reads revision 2 with a git source and a dependency group', () => {
    const result = parseUvLock(fixture('rev2-git-source'));
    expect([result.lock.lockVersion?.value, result.revision, result.root]).toEqual(['1.2', 2, 'ecosystem-analyzer']);
    expect(pick(result, 'mypy-primer')).toEqual([{ name: 'mypy-primer', version: '0.1.0', groups: ['main'], source: { file: 'uv.lock', line: 126, column: 1 } }]);
    expect(pick(result, 'pytest')[0]?.groups).toEqual(['dev']);
    expect(pick(result, 'colorama')[0]).toMatchObject({ groups: ['main', 'dev'], markers: "sys_platform == 'win32'" });
    expect(result.lock.packages).toHaveLength(13);
  });

  it('reads a virtual root (no build system): dev-only packages stay out of main', () => {
    const result = parseUvLock(fixture('virtual-no-build-system'));
    expect([result.root, result.virtual]).toEqual(['uv-aws-lambda-example', true]);
    expect(result.lock.packages.filter((p) => p.groups.includes('main'))).toHaveLength(10);
    expect(pick(result, 'mangum')[0]?.groups).toEqual(['main']);
    // The dev group asks for fastapi[standard]: its extra's packages are dev only.
    expect(pick(result, 'fastapi')[0]?.groups).toEqual(['main', 'dev']);
    expect(pick(result, 'uvicorn')[0]?.groups).toEqual(['dev']);
  });

  it('reads `package = false` (virtual) with an extra: extras-only packages are main and optional', () => {
    const result = parseUvLock(fixture('rev2-package-false'));
    expect([result.root, result.virtual, result.requiresPython?.value]).toEqual(['traefik-k8s-operator', true, '==3.8.*']);
    expect(result.lock.packages).toHaveLength(131);
    expect(result.lock.packages.filter((p) => p.optional)).toHaveLength(82);
    expect(pick(result, 'pytest')).toEqual([{ name: 'pytest', version: '8.2.2', groups: ['main'], optional: true, source: { file: 'uv.lock', line: 1340, column: 1 } }]);
    expect(pick(result, 'lightkube-extensions')[0]?.groups).toEqual(['main']);
    expect(pick(result, 'ops')[0]).toMatchObject({ version: '2.16.0', groups: ['main'] });
    expect(pick(result, 'ops')[0]?.optional).toBeUndefined();
  });

  it('reads a workspace whose root has no [project]: members are main, [manifest.dependency-groups] are groups', () => {
    const result = parseUvLock(fixture('rev3-workspace'));
    expect([result.root, result.virtual, result.workspaceMembers, result.lock.lockVersion?.value]).toEqual([undefined, false, ['app'], '1.3']);
    expect(result.requiresPython?.value).toBe('>=3.14, <4.0');
    expect(pick(result, 'app')).toEqual([{ name: 'app', version: '0.1.0', groups: ['main'], source: { file: 'uv.lock', line: 66, column: 1 } }]);
    expect(pick(result, 'fastapi')[0]?.groups).toEqual(['main']);
    expect(pick(result, 'mypy')[0]?.groups).toEqual(['dev']);
    expect(pick(result, 'prek')[0]?.groups).toEqual(['dev']);
    expect(pick(result, 'smokeshow')[0]?.groups).toEqual(['github-actions']);
    expect(result.manifest.dependencyGroups.get('github-actions')).toEqual([{ name: 'smokeshow', extras: [], specifier: '>=0.5.0', marker: undefined, sourced: false }]);
    expect(result.declarations.get('app')?.path).toBe('backend');
    expect(result.lock.packages.every((p) => p.groups.length > 0)).toBe(true);
  });

  it('reads forks: one name locked at two versions, each with its own marker', () => {
    const result = parseUvLock(fixture('rev3-fork'));
    expect(pick(result, 'importlib-resources').map(({ version, markers }) => ({ version, markers }))).toEqual([
      { version: '6.5.2', markers: "python_full_version < '3.10'" },
      { version: '7.1.0', markers: "python_full_version >= '3.10'" },
    ]);
    expect(pick(result, 'termcolor').map((p) => p.version)).toEqual(['3.1.0', '3.3.0']);
    // Needed by both forks' versions: the two conditions join to always.
    expect(pick(result, 'mdurl')[0]?.markers).toBeUndefined();
    expect(pick(result, 'typeshed-client')[0]?.groups).toEqual(['main']);
  });
});

describe('parseUvLock on odd input', () => {
  const lock = (body: string) => `version = 1\nrevision = 3\nrequires-python = ">=3.12"\n\n${body}`;

  it('follows path, directory and editable sources; skips virtual members', () => {
    const result = parseUvLock(
      lock(
        [
          '[manifest]',
          'members = ["App", "lib", "tools"]',
          '',
          '[[package]]',
          'name = "app"',
          'version = "0.1.0"',
          'source = { editable = "." }',
          'dependencies = [{ name = "lib" }, { name = "wheelie" }]',
          '',
          '[package.optional-dependencies]',
          'fast = [{ name = "local-dir", marker = "sys_platform == \'linux\'" }]',
          '',
          '[[package]]',
          'name = "lib"',
          'version = "1.0.0"',
          'source = { editable = "packages/lib" }',
          '',
          '[[package]]',
          'name = "tools"',
          'version = "0.0.0"',
          'source = { virtual = "packages/tools" }',
          'dependencies = [{ name = "Black" }]',
          '',
          '[[package]]',
          'name = "wheelie"',
          'version = "2.0"',
          'source = { path = "dist/wheelie-2.0-py3-none-any.whl" }',
          '',
          '[[package]]',
          'name = "local_dir"',
          'version = "0.3"',
          'source = { directory = "../local" }',
          '',
          '[[package]]',
          'name = "black"',
          'version = "24.1.0"',
          'source = { registry = "https://pypi.org/simple" }',
          '',
        ].join('\n'),
      ),
    );
    expect(result.workspaceMembers).toEqual(['app', 'lib', 'tools']);
    expect(result.lock.packages.map(({ name, groups, optional }) => ({ name, groups, optional }))).toEqual([
      { name: 'lib', groups: ['main'], optional: undefined },
      { name: 'wheelie', groups: ['main'], optional: undefined },
      { name: 'local-dir', groups: ['main'], optional: true },
      // A virtual member's dependencies are the workspace's too.
      { name: 'black', groups: ['main'], optional: undefined },
    ]);
    expect(result.issues).toEqual([]);
  });

  it('turns wrong types into issues instead of throwing', () => {
    const result = parseUvLock(
      [
        'version = "one"',
        'package = [',
        '  "not a table",',
        '  { version = "1.0" },',
        '  { name = "root", version = "0.1.0", source = { editable = "." }, dependencies = "flask" },',
        '  { name = "x", version = "1.0", source = { registry = "r" }, dependencies = [{ name = "ghost" }, 42] },',
        ']',
        '',
      ].join('\n'),
    );
    expect(result.issues.map((i) => [i.code, i.message, i.source?.line])).toEqual([
      ['W_UV_LOCK_ENTRY', 'uv.lock has no numeric `version`: read as version 1', 1],
      ['W_UV_LOCK_ENTRY', '[[package]] number 1 is not a table: skipped', 3],
      ['W_UV_LOCK_ENTRY', '[[package]] number 2 has no name: skipped', 4],
      ['W_UV_LOCK_ENTRY', 'dependencies of root are not an array: ignored', 5],
      ['W_UV_LOCK_DANGLING', 'uv.lock: x depends on ghost, which is not locked: ignored', 6],
    ]);
    expect(result.lock.packages).toEqual([{ name: 'x', version: '1.0', groups: [], source: { file: 'uv.lock', line: 6, column: 3 } }]);
    expect(result.lock.lockVersion).toBeUndefined();
  });

  it('says so when there is no project package, and warns of an unknown version', () => {
    const result = parseUvLock('version = 2\n\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "r" }\n');
    expect(result.issues.map((i) => i.code)).toEqual(['W_UV_LOCK_VERSION', 'I_UV_LOCK_NO_ROOT']);
    expect(result.lock.packages[0]?.groups).toEqual([]);
  });

  it('follows an edge into an extra whatever its name holds, in linear time on a run of brackets', () => {
    const viaExtra = (extra: string) => {
      const name = JSON.stringify(extra);
      const result = parseUvLock(
        lock(
          [
            '[[package]]\nname = "app"\nversion = "0.1.0"\nsource = { editable = "." }',
            `dependencies = [{ name = "x", extra = [${name}] }]\n`,
            '[[package]]\nname = "x"\nversion = "1.0"\nsource = { registry = "r" }\n',
            `[package.optional-dependencies]\n${name} = [{ name = "y" }]\n`,
            '[[package]]\nname = "y"\nversion = "1.0"\nsource = { registry = "r" }\n',
          ].join('\n'),
        ),
      );
      return pick(result, 'y')[0]?.groups;
    };
    expect(viaExtra('cli')).toEqual(['main']);
    expect(viaExtra('a[b]')).toEqual(['main']);
    expect(viaExtra('cli\n')).toEqual(['main']);
    expect(viaExtra(`${'['.repeat(100_000)}\n`)).toEqual(['main']);
  });

  it('reports malformed TOML at uv.lock:line:col', () => {
    expect(() => parseUvLock('version = 1\n[[package]]\nname = "x\n')).toThrow(UserError);
    try {
      parseUvLock('version = 1\nrequires-python = \n');
    } catch (error) {
      expect((error as UserError).describe()).toMatch(/^uv\.lock:2:\d+: invalid TOML: /);
    }
  });
});
