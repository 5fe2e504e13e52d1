import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSetupCfg, type SetupCfgMetadata } from './read.js';

const FIXTURES = new URL('../__fixtures__/setup-cfg/', import.meta.url);
const read = (name: string): SetupCfgMetadata => readSetupCfg(readFileSync(new URL(name, FIXTURES), 'utf8'));
const scripts = (meta: SetupCfgMetadata): string[] => meta.consoleScripts.map((s) => `${s.name} = ${s.target} @${s.source?.line ?? ''}`);
const codes = (meta: SetupCfgMetadata): string[] => meta.issues.map((i) => `${i.code} ${i.source?.line ?? ''}`);

describe('readSetupCfg on real setup.cfg files', () => {
  it('pytest 6.2.5: markers after ;, package_dir = =src, a literal package list, extras, two console scripts', () => {
    const meta = read('pytest-6.2.5.setup.cfg');
    expect(meta.name).toEqual({ value: 'pytest', source: { file: 'setup.cfg', line: 2, column: 1 } });
    expect(meta.version).toBeUndefined(); // setuptools-scm writes it
    expect(meta.pythonRequires).toEqual({ value: '>=3.6', source: { file: 'setup.cfg', line: 54, column: 1 } });
    expect(meta.installRequires).toEqual({
      value: [
        'attrs>=19.2.0',
        'iniconfig',
        'packaging',
        'pluggy>=0.12,<2.0',
        'py>=1.8.2',
        'toml',
        'atomicwrites>=1.0;sys_platform=="win32"',
        'colorama;sys_platform=="win32"',
        'importlib-metadata>=0.12;python_version<"3.8"',
      ],
      source: { file: 'setup.cfg', line: 44, column: 1 },
    });
    expect(meta.extrasRequire).toEqual({ testing: ['argcomplete', 'hypothesis>=3.56', 'mock', 'nose', 'requests', 'xmlschema'] });
    expect(scripts(meta)).toEqual(['pytest = pytest:console_main @64', 'py.test = pytest:console_main @65']);
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.packagesFind).toBe(false);
    expect(meta.unread).toEqual([]);
    expect(meta.issues).toEqual([]);
  });

  it('flask 2.0.3: version = attr:, package_dir = = src, packages = find:, no requirements (they are in setup.py)', () => {
    const meta = read('flask-2.0.3.setup.cfg');
    expect(meta.name?.value).toBe('Flask');
    expect(meta.version).toBeUndefined();
    expect(meta.unread).toEqual([
      { key: 'version', source: { file: 'setup.cfg', line: 3, column: 1 }, reason: 'read when setuptools builds, from the attribute flask.__version__ (attr:)' },
    ]);
    expect(meta.pythonRequires?.value).toBe('>= 3.6');
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.packagesFind).toBe(true);
    expect(meta.installRequires).toBeUndefined();
    expect(scripts(meta)).toEqual(['flask = flask.cli:main @46']);
    expect(meta.issues).toEqual([]);
  });

  it('virtualenv 20.16.7: console scripts among other entry point groups, two extras', () => {
    const meta = read('virtualenv-20.16.7.setup.cfg');
    expect(meta.installRequires?.value).toEqual([
      'distlib>=0.3.6,<1',
      'filelock>=3.4.1,<4',
      'platformdirs>=2.4,<3',
      'importlib-metadata>=4.8.3;python_version < "3.8"',
      'importlib-resources>=5.4;python_version < "3.7"',
    ]);
    expect(Object.keys(meta.extrasRequire)).toEqual(['docs', 'testing']);
    expect(meta.extrasRequire.docs).toEqual(['proselint>=0.13', 'sphinx>=5.3', 'sphinx-argparse>=0.3.2', 'sphinx-rtd-theme>=1', 'towncrier>=22.8']);
    expect(meta.extrasRequire.testing).toHaveLength(10);
    expect(scripts(meta)).toEqual(['virtualenv = virtualenv.__main__:run_with_catch @51']);
    expect(meta.packagesFind).toBe(true);
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.version).toBeUndefined();
    expect(meta.unread).toEqual([]);
  });

  it('pre-commit 2.20.0: a literal version, find: with excludes, three console scripts', () => {
    const meta = read('pre-commit-2.20.0.setup.cfg');
    expect(meta.name?.value).toBe('pre_commit');
    expect(meta.version).toEqual({ value: '2.20.0', source: { file: 'setup.cfg', line: 3, column: 1 } });
    expect(meta.pythonRequires?.value).toBe('>=3.7');
    expect(meta.installRequires?.value).toEqual([
      'cfgv>=2.0.0',
      'identify>=1.0.0',
      'nodeenv>=0.11.1',
      'pyyaml>=5.1',
      'toml',
      'virtualenv>=20.0.8',
      'importlib-metadata;python_version<"3.8"',
    ]);
    expect(scripts(meta)).toEqual([
      'pre-commit = pre_commit.main:main @42',
      'pre-commit-validate-config = pre_commit.clientlib:validate_config_main @43',
      'pre-commit-validate-manifest = pre_commit.clientlib:validate_manifest_main @44',
    ]);
    expect(meta.packagesFind).toBe(true);
    expect(meta.packageDir).toBeUndefined();
    expect(meta.extrasRequire).toEqual({});
  });

  it('tinyflux 0.4: version = file: version.txt, [flake8] before [metadata]', () => {
    const meta = read('tinyflux-0.4.0.setup.cfg');
    expect(meta.name).toEqual({ value: 'tinyflux', source: { file: 'setup.cfg', line: 10, column: 1 } });
    expect(meta.unread).toEqual([
      { key: 'version', source: { file: 'setup.cfg', line: 11, column: 1 }, reason: 'read when setuptools builds, from the file version.txt (file:)' },
    ]);
    expect(meta.pythonRequires?.value).toBe('>=3.7');
    expect(meta.packagesFind).toBe(false);
    expect(meta.consoleScripts).toEqual([]);
    expect(meta.issues).toEqual([]);
  });
});

describe('readSetupCfg: setuptools rules', () => {
  it('splits a one-line requirement list at ";" as setuptools does, and warns when that cuts off a marker', () => {
    const meta = readSetupCfg('[options]\ninstall_requires = a; python_version<"3.8"\n[options.extras_require]\ndev = pytest; black\n');
    expect(meta.installRequires?.value).toEqual(['a', 'python_version<"3.8"']);
    expect(meta.extrasRequire).toEqual({ dev: ['pytest', 'black'] });
    expect(codes(meta)).toEqual(['W_SETUP_CFG_AMBIGUOUS_MARKER 2']);
  });

  it('drops " #" comments and # lines from requirements, but not from other values', () => {
    const meta = readSetupCfg('[metadata]\nname = demo # not a comment\n[options]\ninstall_requires =\n    requests>=2  # why\n    # gone\n    rich\n');
    expect(meta.name?.value).toBe('demo # not a comment');
    expect(meta.installRequires?.value).toEqual(['requests>=2', 'rich']);
  });

  it('expands %(…)s and %%, and reports a % that stops setuptools, in any section', () => {
    const meta = readSetupCfg('[metadata]\nbase = demo\nname = %(base)s-cli\nversion = 1.0%%\n[flake8]\nformat = %(path)s:%(row)d\n');
    expect(meta.name?.value).toBe('demo-cli');
    expect(meta.version?.value).toBe('1.0%');
    expect(codes(meta)).toEqual(['E_SETUP_CFG_INTERPOLATION 6']);
    expect(meta.issues[0]?.message).toContain('[flake8] format');
  });

  it('reads dashed and capitalised keys as setuptools does, with a warning', () => {
    const meta = readSetupCfg('[metadata]\nName = demo\n[options]\npython-requires = >=3.9\npackage-dir =\n    = lib\n');
    expect(meta.name?.value).toBe('demo');
    expect(meta.pythonRequires?.value).toBe('>=3.9');
    expect(meta.packageDir).toEqual({ '': 'lib' });
    expect(codes(meta)).toEqual(['W_SETUP_CFG_KEY_SPELLING 2', 'W_SETUP_CFG_KEY_SPELLING 4', 'W_SETUP_CFG_KEY_SPELLING 5']);
  });

  it('reports file: requirements and entry points as unread, and reads [console_scripts] text in [options]', () => {
    const meta = readSetupCfg(
      '[options]\ninstall_requires = file: requirements.txt\nentry_points =\n    [console_scripts]\n    a = a.cli:main\n[options.extras_require]\ndev = file: dev.txt\n',
    );
    expect(meta.unread.map((u) => `${u.key}: ${u.reason}`)).toEqual([
      'install_requires: read when setuptools builds, from the file requirements.txt (file:)',
      'extras_require[dev]: read when setuptools builds, from the file dev.txt (file:)',
    ]);
    expect(meta.installRequires).toBeUndefined();
    expect(meta.consoleScripts.map((s) => `${s.name}=${s.target}`)).toEqual(['a=a.cli:main']);
  });

  it('reads packages = find_namespace:, package_dir on one line, and reports a bad package_dir and entry point', () => {
    const meta = readSetupCfg('[options]\npackages = find_namespace:\npackage_dir = =src, other = lib/other\n[options.entry_points]\nconsole_scripts = x = x:main, broken\n');
    expect(meta.packagesFind).toBe(true);
    expect(meta.packageDir).toEqual({ '': 'src', other: 'lib/other' });
    expect(scripts(meta)).toEqual(['x = x:main @5']);
    expect(codes(meta)).toEqual(['W_SETUP_CFG_ENTRY_POINT 5']);
    const bad = readSetupCfg('[options]\npackage_dir =\n    src\n');
    expect(bad.packageDir).toBeUndefined();
    expect(codes(bad)).toEqual(['E_SETUP_CFG_VALUE 2']);
  });

  it('never throws: every prefix of the real files, and random text', () => {
    for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.cfg'))) {
      const text = readFileSync(new URL(name, FIXTURES), 'utf8');
      for (let end = 0; end <= text.length; end += 5) expect(() => readSetupCfg(text.slice(0, end))).not.toThrow();
    }
    let seed = 3;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: Math.floor(random() * 300) }, () => String.fromCharCode(Math.floor(random() * 128))).join('');
      expect(() => readSetupCfg(`[options]\n${text}`)).not.toThrow();
    }
  });

  it('reads a large file in linear time', () => {
    const file = (n: number): string => `[options]\ninstall_requires =\n${'    pkg>=1\n'.repeat(n)}[options.entry_points]\nconsole_scripts =\n${'    a = b:c\n'.repeat(n)}`;
    const time = (text: string): number => {
      const start = performance.now();
      readSetupCfg(text);
      return performance.now() - start;
    };
    time(file(1000));
    const small = Math.min(time(file(10000)), time(file(10000)));
    const large = Math.min(time(file(40000)), time(file(40000)));
    expect(large / small).toBeLessThan(10);
  });
});
