import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSetupPy, type SetupMetadata } from './read.js';

const FIXTURES = new URL('../__fixtures__/setup-py/', import.meta.url);
const read = (name: string): SetupMetadata => readSetupPy(readFileSync(new URL(name, FIXTURES), 'utf8'));
const codes = (meta: SetupMetadata): string[] => meta.issues.map((i) => `${i.code} ${i.source?.line ?? ''}`);
const scripts = (meta: SetupMetadata): string[] => meta.consoleScripts.map((s) => `${s.name} = ${s.target} @${s.source?.line ?? ''}`);
const unread = (meta: SetupMetadata): string[] => meta.unread.map((u) => `${u.key} @${u.source.line}: ${u.reason}`);

describe('readSetupPy on real setup.py files', () => {
  it('cookiecutter 2.1.1: literals everywhere, through names bound earlier', () => {
    const meta = read('cookiecutter-2.1.1.setup.py');
    expect(meta.usesSetupCall).toBe(true);
    expect(meta.name).toEqual({ value: 'cookiecutter', source: { file: 'setup.py', line: 21, column: 10 } });
    expect(meta.version).toEqual({ value: '2.1.1', source: { file: 'setup.py', line: 5, column: 11 } });
    expect(meta.pythonRequires?.value).toBe('>=3.7');
    expect(meta.installRequires).toEqual({
      value: [
        'binaryornot>=0.4.4',
        'Jinja2>=2.7,<4.0.0',
        'click>=7.0,<9.0.0',
        'pyyaml>=5.3.1',
        'jinja2-time>=0.2.0',
        'python-slugify>=4.0.0',
        'requests>=2.23.0',
      ],
      source: { file: 'setup.py', line: 10, column: 16 },
    });
    expect(scripts(meta)).toEqual(['cookiecutter = cookiecutter.__main__:main @35']);
    expect(meta.packages?.value).toEqual(['cookiecutter']);
    expect(meta.packageDir).toEqual({ cookiecutter: 'cookiecutter' });
    expect(meta.pyModules).toEqual([]);
    expect(meta.extrasRequire).toEqual({});
    expect(meta.unread).toEqual([]);
    expect(meta.issues).toEqual([]);
  });

  it('cookiecutter 2.6: the version comes from a function reading VERSION.txt', () => {
    const meta = read('cookiecutter-2.6.0.setup.py');
    expect(meta.version).toBeUndefined();
    expect(unread(meta)).toEqual(['version @15: computed at run time (a call to _get_version())']);
    expect(meta.unread[0]?.source).toEqual({ file: 'setup.py', line: 15, column: 11 });
    expect(meta.installRequires?.value).toHaveLength(8);
    expect(meta.installRequires?.value.slice(-2)).toEqual(['arrow', 'rich']);
    expect(meta.pythonRequires?.value).toBe('>=3.8');
  });

  it('pip 23.1: get_version(), find_packages(where="src") with package_dir, console scripts built with format()', () => {
    const meta = read('pip-23.1.2.setup.py');
    expect(meta.name?.value).toBe('pip');
    expect(meta.version).toBeUndefined();
    expect(meta.packages).toBeUndefined();
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.pythonRequires).toEqual({ value: '>=3.7', source: { file: 'setup.py', line: 87, column: 21 } });
    expect(scripts(meta)).toEqual(['pip = pip._internal.cli.main:main @79']);
    expect(unread(meta)).toEqual([
      'version @28: computed at run time (a call to get_version("src/pip/__init__.py"))',
      'packages @58: found at run time by find_packages(where="src", exclude=["contrib", "docs", "tests*", "tasks"])',
      'console_scripts @80: computed at run time (a call to "pip{}=pip._internal…".format(…))',
      'console_scripts @81: computed at run time (a call to "pip{}.{}=pip._inter…".format(…))',
    ]);
    expect(meta.installRequires).toBeUndefined();
    expect(meta.issues).toEqual([]);
  });

  it('requests 2.32: metadata from an exec()-filled dict, requirements through a name', () => {
    const meta = read('requests-2.32.5.setup.py');
    expect(meta.name).toBeUndefined();
    expect(meta.version).toBeUndefined();
    expect(unread(meta)).toEqual([
      'name @58: read at run time (about["__title__"]): about is changed at line 52 (passed to exec())',
      'version @59: read at run time (about["__version__"]): about is changed at line 52 (passed to exec())',
    ]);
    expect(meta.installRequires).toEqual({
      value: ['charset_normalizer>=2,<4', 'idna>=2.5,<4', 'urllib3>=1.21.1,<3', 'certifi>=2017.4.17'],
      source: { file: 'setup.py', line: 34, column: 12 },
    });
    expect(meta.extrasRequire).toEqual({
      security: [],
      socks: ['PySocks>=1.5.6, !=1.5.7'],
      use_chardet_on_py3: ['chardet>=3.0.2,<6'],
    });
    expect(meta.packages?.value).toEqual(['requests']);
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.pythonRequires?.value).toBe('>=3.9');
    expect(meta.consoleScripts).toEqual([]);
  });

  it('croniter 1.0.15: requirements read from a file at run time, find_packages("src")', () => {
    const meta = read('croniter-1.0.15.setup.py');
    expect(meta.installRequires).toBeUndefined();
    expect(unread(meta)).toEqual([
      "install_requires @12: computed at run time (a comprehension over read('requirements/base.txt').splitlines())",
      "packages @58: found at run time by find_packages('src', exclude=['tests*', '*.tests*'])",
    ]);
    expect(meta.version?.value).toBe('1.0.15');
    expect(meta.pythonRequires?.value).toBe('>=2.6, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*');
    expect(meta.pyModules).toEqual(['croniter']);
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.issues).toEqual([]);
  });

  it('flask 1.1.2: version found by re.search in a with block, extras, console script', () => {
    const meta = read('flask-1.1.2.setup.py');
    expect(meta.name?.value).toBe('Flask');
    expect(unread(meta)).toEqual([
      'version @11: computed at run time (a call to re.search(…).group(1))',
      'packages @51: found at run time by find_packages("src")',
    ]);
    expect(meta.installRequires?.value).toEqual(['Werkzeug>=0.15', 'Jinja2>=2.10.1', 'itsdangerous>=0.24', 'click>=5.1']);
    expect(Object.keys(meta.extrasRequire)).toEqual(['dotenv', 'dev', 'docs']);
    expect(meta.extrasRequire.dotenv).toEqual(['python-dotenv']);
    expect(meta.extrasRequire.docs).toEqual(['sphinx', 'pallets-sphinx-themes', 'sphinxcontrib-log-cabinet', 'sphinx-issues']);
    expect(meta.extrasRequire.dev).toHaveLength(7);
    expect(scripts(meta)).toEqual(['flask = flask.cli:main @79']);
    expect(meta.pythonRequires?.value).toBe('>=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*');
    expect(meta.packageDir).toEqual({ '': 'src' });
  });

  it('a setup.py written by Poetry 1.3.2: setup(**setup_kwargs) with names inside the dict', () => {
    const meta = read('poetry-1.3.2-generated.setup.py');
    expect(meta.name).toEqual({ value: 'hello-app', source: { file: 'setup.py', line: 23, column: 13 } });
    expect(meta.version?.value).toBe('0.3.1');
    expect(meta.pythonRequires?.value).toBe('>=3.11,<4.0');
    expect(meta.installRequires).toEqual({ value: ['flask>=2.2,<3.0', 'requests>=2.28,<3'], source: { file: 'setup.py', line: 14, column: 1 } });
    expect(meta.extrasRequire).toEqual({ cli: ['click>=8.1,<9.0'] });
    expect(scripts(meta)).toEqual(['hello = hello_app.cli:main @20']);
    expect(meta.packages?.value).toEqual(['hello_app']);
    expect(meta.packageDir).toEqual({ '': 'src' });
    expect(meta.unread).toEqual([]);
    expect(meta.issues).toEqual([]);
  });

  it('the click "repo" example: entry points as [console_scripts] text', () => {
    const meta = read('click-example-repo.setup.py');
    expect(meta.name?.value).toBe('click-example-repo');
    expect(meta.version?.value).toBe('0.1');
    expect(meta.pyModules).toEqual(['repo']);
    expect(meta.installRequires?.value).toEqual(['click']);
    expect(scripts(meta)).toEqual(['repo = repo:cli @11']);
    expect(meta.unread).toEqual([]);
  });

  it('croniter 0.1.1: Python 2 only (print statements), setup() inside if __name__ == "__main__"', () => {
    const meta = read('croniter-0.1.1.setup.py');
    expect(codes(meta)).toEqual(['W_SETUP_PY_PYTHON2 17']);
    expect(meta.issues[0]?.message).toContain('a print statement');
    expect(meta.usesSetupCall).toBe(true);
    expect(meta.name?.value).toBe('croniter');
    expect(meta.packages).toEqual({ value: ['croniter'], source: { file: 'setup.py', line: 23, column: 24 } });
    expect(meta.pyModules).toEqual(['croniter', 'croniter_test']);
    expect(unread(meta)).toEqual(['version @25: __version__ is imported from croniter (line 7), known only when the file runs']);
  });

  it('Beautiful Soup 3.1: Python 2, distutils.core.setup, py_modules', () => {
    const meta = read('beautifulsoup-3.1.setup.py');
    expect(codes(meta)).toEqual(['W_SETUP_PY_PYTHON2 22']);
    expect(meta.usesSetupCall).toBe(true);
    expect(meta.name?.value).toBe('BeautifulSoup');
    expect(meta.pyModules).toEqual(['BeautifulSoup', 'BeautifulSoupTests']);
    expect(unread(meta)).toEqual(['version @38: __version__ is imported from BeautifulSoup (line 13), known only when the file runs']);
    expect(meta.installRequires).toBeUndefined();
    expect(meta.packages).toBeUndefined();
  });

  it('a copy of that file cut off in the middle: a syntax error at the end and no setup() call', () => {
    const meta = read('vault-truncated.setup.py');
    expect(codes(meta)).toEqual(['W_SETUP_PY_PYTHON2 22', 'E_SETUP_PY_SYNTAX 32', 'W_SETUP_PY_NO_SETUP_CALL 1']);
    expect(meta.issues[1]?.source).toEqual({ file: 'setup.py', line: 32, column: 16 });
    expect(meta.usesSetupCall).toBe(false);
    expect(meta.name).toBeUndefined();
  });
});
