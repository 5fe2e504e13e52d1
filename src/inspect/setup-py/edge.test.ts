import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SETUP_PY_CHARS, readSetupPy, type SetupMetadata } from './read.js';

const codes = (meta: SetupMetadata): string[] => meta.issues.map((i) => `${i.code} ${i.source?.line ?? ''}`);
const unread = (meta: SetupMetadata): string[] => meta.unread.map((u) => `${u.key} @${u.source.line}: ${u.reason}`);

describe('readSetupPy: what counts as a setup() call', () => {
  it.each([
    ['from setuptools import setup\nsetup(name="a")\n'],
    ['import setuptools\nsetuptools.setup(name="a")\n'],
    ['import setuptools as st\nst.setup(name="a")\n'],
    ['from distutils.core import setup as s\ns(name="a")\n'],
    ['import distutils.core\ndistutils.core.setup(name="a")\n'],
    ['from distutils import core\ncore.setup(name="a")\n'],
    ['from setuptools import *\nsetup(name="a")\n'],
    ['try:\n    from setuptools import setup\nexcept ImportError:\n    from distutils.core import setup\nsetup(name="a")\n'],
    ['def main():\n    from setuptools import setup\n    setup(name="a")\n\nmain()\n'],
  ])('finds %j', (text) => {
    const meta = readSetupPy(text);
    expect(meta.usesSetupCall).toBe(true);
    expect(meta.name?.value).toBe('a');
  });

  it.each([
    ['import os\nos.setup(name="a")\n'],
    ['def setup(**kw):\n    pass\nsetup(name="a")\n'],
    ['print("hello")\n'],
    [''],
  ])('does not take %j for one', (text) => {
    const meta = readSetupPy(text, 'x/setup.py');
    expect(meta.usesSetupCall).toBe(false);
    expect(codes(meta)).toEqual(['W_SETUP_PY_NO_SETUP_CALL 1']);
    expect(meta.issues[0]?.source?.file).toBe('x/setup.py');
  });

  it('reads the first of several calls, and says so', () => {
    const meta = readSetupPy('from setuptools import setup\nif X:\n    setup(name="a")\nelse:\n    setup(name="b")\n');
    expect(meta.name?.value).toBe('a');
    expect(codes(meta)).toEqual(['I_SETUP_PY_SEVERAL_SETUP_CALLS 3']);
  });
});

describe('readSetupPy: literal values', () => {
  const setup = (args: string, before = ''): SetupMetadata => readSetupPy(`from setuptools import setup\n${before}setup(${args})\n`);

  it('joins implicit string concatenation and decodes escapes', () => {
    const meta = setup('name="py" "crane", version=("1."\n "2"), python_requires=">=3.8,\\t<4"');
    expect(meta.name?.value).toBe('pycrane');
    expect(meta.version).toEqual({ value: '1.2', source: { file: 'setup.py', line: 2, column: 35 } });
    expect(meta.pythonRequires?.value).toBe('>=3.8,\t<4');
    expect(setup("name=r'a\\d' u'\\x41\\u00e9' '\\101' f'{{x}}'").name?.value).toBe('a\\dAé' + 'A' + '{x}');
  });

  it('reports what it cannot compute, with the line', () => {
    const meta = setup(
      'name=b"x",\n version=f"{VERSION}",\n python_requires=3,\n install_requires=open("requirements.txt").read().splitlines(),\n packages=find_namespace_packages(include=["a.*"]),\n py_modules=MODULES,\n package_dir=dirs(),\n extras_require={"a": ["x"], "b": get()},\n entry_points=EPS',
    );
    expect(meta.name).toBeUndefined();
    expect(unread(meta)).toEqual([
      'name @2: bytes, not a string',
      'version @3: computed at run time (an f-string with {VERSION})',
      'python_requires @4: not a string (a number)',
      'install_requires @5: computed at run time (a call to open("requirements.txt").read().splitlines())',
      'extras_require[b] @9: computed at run time (a call to get())',
      'packages @6: found at run time by find_namespace_packages(include=["a.*"])',
      'package_dir @8: computed at run time (a call to dirs())',
      'py_modules @7: MODULES is not bound in this file',
      'entry_points @10: EPS is not bound in this file',
    ]);
    expect(meta.extrasRequire).toEqual({ a: ['x'] });
  });

  it('follows names bound once before the call, and + of literals', () => {
    const meta = setup(
      'name=NAME, install_requires=BASE + ["extra>=1"], extras_require=dict(dev=DEV, **MORE)',
      'NAME = "demo"\nBASE = ["a", "b"]\nDEV = ("pytest",)\nMORE = {"docs": "sphinx\\n# comment\\nmyst  # why"}\n',
    );
    expect(meta.name).toEqual({ value: 'demo', source: { file: 'setup.py', line: 2, column: 8 } });
    expect(meta.installRequires?.value).toEqual(['a', 'b', 'extra>=1']);
    expect(meta.extrasRequire).toEqual({ dev: ['pytest'], docs: ['sphinx', 'myst'] });
    expect(meta.unread).toEqual([]);
  });

  it('does not trust a name that is changed before setup() runs', () => {
    expect(unread(setup('install_requires=REQS', 'REQS = ["a"]\nREQS.append("b")\n'))).toEqual([
      'install_requires @4: REQS is changed at line 3 (REQS.append("b"))',
    ]);
    expect(unread(setup('install_requires=REQS', 'REQS = ["a"]\nif X:\n    REQS = ["b"]\n'))).toEqual([
      'install_requires @5: REQS is bound more than once (lines 2, 4), so its value is decided at run time',
    ]);
    expect(unread(setup('version=V', 'V = "1"\nV += ".dev"\n'))).toEqual(['version @4: V is changed at line 3 (V += …)']);
    expect(unread(setup('install_requires=R', 'R = ["a"]\ndef add():\n    R.extend(["b"])\n'))[0]).toContain('R is changed at line 4');
    // Changes after the call, and calls that only read the value, do not count.
    const after = readSetupPy('from setuptools import setup\nR = ["a"]\nprint(len(R))\nsetup(install_requires=R)\nR.append("b")\n');
    expect(after.installRequires?.value).toEqual(['a']);
    expect(setup('name=NAME', 'NAME = "a"\nprint(NAME.upper())\n').name?.value).toBe('a');
  });

  it('reads setup(**kwargs) from a literal dict, and reports one that changes', () => {
    const ok = setup('**KW', 'KW = {"name": "a", "install_requires": ["x"], "entry_points": {"console_scripts": ["a = a.cli:main"]}}\n');
    expect(ok.name?.value).toBe('a');
    expect(ok.consoleScripts).toEqual([{ name: 'a', target: 'a.cli:main', source: { file: 'setup.py', line: 2 } }]);
    const changed = setup('version="1", **params', 'params = dict(name="a")\nparams["entry_points"] = {}\n');
    expect(changed.version?.value).toBe('1');
    expect(changed.name).toBeUndefined();
    expect(unread(changed)).toEqual(['**params @4: params is changed at line 3 (params["entry_points"] = …)']);
  });

  it('reads entry points given as one string, as a [console_scripts] text, and reports bad ones', () => {
    const one = setup('entry_points={"console_scripts": "a = a:main\\n b=b:run [extra]", "gui_scripts": ["g = g:main"]}');
    expect(one.consoleScripts.map((s) => `${s.name}|${s.target}`)).toEqual(['a|a:main', 'b|b:run [extra]']);
    const text = setup('entry_points="""\n[console_scripts]\n# comment\nx = x.cli:main\nnot an entry point\n[other]\ny = y:main\n"""');
    expect(text.consoleScripts).toEqual([{ name: 'x', target: 'x.cli:main', source: { file: 'setup.py', line: 5 } }]);
    expect(codes(text)).toEqual(['W_SETUP_PY_ENTRY_POINT 6']);
  });

  it('reads values of a setup() inside a function, with its own names', () => {
    const meta = readSetupPy(
      'from setuptools import setup\nNAME = "outer"\ndef main(version):\n    NAME = "inner"\n    setup(name=NAME, version=version)\n',
    );
    expect(meta.name?.value).toBe('inner');
    expect(unread(meta)).toEqual(['version @5: version is a parameter of the enclosing function (line 3)']);
  });

  it('reads CRLF files with the same lines', () => {
    const meta = readSetupPy('from setuptools import setup\r\nsetup(\r\n    name="a",\r\n    version="1",\r\n)\r\n');
    expect(meta.version).toEqual({ value: '1', source: { file: 'setup.py', line: 4, column: 13 } });
  });
});

describe('readSetupPy: Python 2 and syntax errors', () => {
  it.each([
    ['print "x"\n', 'a print statement', 2],
    ['print >>sys.stderr, "x"\n', 'a print statement', 2],
    ['try:\n    import x\nexcept ImportError, e:\n    pass\n', 'except X, e', 4],
    ['if a <> b:\n    pass\n', 'the <> operator', 2],
    ['x = `y`\n', 'a backtick repr', 2],
    ['MODE = 0755\n', 'an old-style octal literal (0755)', 2],
    ['N = 10L\n', 'a long integer literal', 2],
    ['raise ValueError, "bad"\n', 'raise E, "message"', 2],
    ['exec "x = 1"\n', 'an exec statement', 2],
  ])('%j is Python 2 (%s), not a syntax error', (code, what, line) => {
    const meta = readSetupPy(`from setuptools import setup\n${code}setup(name="a", python_requires=">=2.7, !=3.0.*")\n`);
    expect(codes(meta)).toEqual([`W_SETUP_PY_PYTHON2 ${line}`]);
    expect(meta.issues[0]?.message).toContain(what);
    expect(meta.name?.value).toBe('a');
    expect(meta.pythonRequires?.value).toBe('>=2.7, !=3.0.*');
  });

  it('Python 3 print() and 0o755 are not Python 2', () => {
    expect(readSetupPy('from setuptools import setup\nprint("x", file=sys.stderr)\nM = 0o755\nZ = 0\nsetup()\n').issues).toEqual([]);
  });

  it('reports the first syntax error with its place, and reads what it can', () => {
    const meta = readSetupPy('from setuptools import setup\nx = (1,\nsetup(name="a")\ndef f(:\n    pass\n');
    expect(meta.issues.map((i) => i.code)).toContain('E_SETUP_PY_SYNTAX');
    const error = meta.issues.find((i) => i.code === 'E_SETUP_PY_SYNTAX');
    expect(error?.source?.line).toBeGreaterThanOrEqual(2);
    expect(error?.message).toMatch(/and \d+ more/);
  });
});

describe('readSetupPy never throws, in linear time', () => {
  const fixtures = new URL('../__fixtures__/setup-py/', import.meta.url);
  const texts = readdirSync(fixtures)
    .filter((f) => f.endsWith('.py'))
    .map((f) => readFileSync(new URL(f, fixtures), 'utf8'));

  it('on every prefix of the real files', { timeout: 30_000 }, () => {
    for (const text of texts) for (let end = 0; end <= text.length; end += 7) expect(() => readSetupPy(text.slice(0, end))).not.toThrow();
  });

  it('on random bytes and random mixes of Python tokens', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const tokens = ['setup(', ')', '(', '[', ']', '{', '}', ',', '=', '**', '*', '"a"', "'''", 'f"{x}"', 'name', '\n', '    ', '#', ':', 'def', 'if', 'print', '`', '\\', 'lambda', '.', '+'];
    for (let n = 0; n < 300; n++) {
      const bytes = Array.from({ length: Math.floor(random() * 400) }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
      expect(() => readSetupPy(bytes)).not.toThrow();
      const mix = Array.from({ length: Math.floor(random() * 200) }, () => tokens[Math.floor(random() * tokens.length)]).join('');
      expect(() => readSetupPy(`from setuptools import setup\n${mix}`)).not.toThrow();
    }
  });

  it.each([
    ['lists', (n: number) => `${'['.repeat(n)}"x"${']'.repeat(n)}`],
    ['parentheses', (n: number) => `${'('.repeat(n)}"x"${')'.repeat(n)}`],
    ['dicts', (n: number) => `${'{"k": '.repeat(n)}1${'}'.repeat(n)}`],
    ['calls', (n: number) => `${'f('.repeat(n)}1${')'.repeat(n)}`],
    ['unclosed brackets', (n: number) => '[('.repeat(n)],
  ])('on %s nested 5,000 deep', (_what, nest) => {
    const meta = readSetupPy(`from setuptools import setup\nX = ${nest(5000)}\nsetup(name=X, install_requires=X, packages=${nest(5000)})\n`);
    expect(meta.name).toBeUndefined();
  });

  it('on a chain of 5,000 names bound to each other', () => {
    const lines = ['from setuptools import setup', 'N0 = "deep"'];
    for (let i = 1; i <= 5000; i++) lines.push(`N${i} = N${i - 1}`);
    const meta = readSetupPy(`${lines.join('\n')}\nsetup(name=N5000, version=N50)\n`);
    expect(meta.version?.value).toBe('deep');
    expect(meta.unread.map((u) => `${u.key}: ${u.reason}`)).toEqual(['name: nested more than 100 levels deep']);
  });

  it('reads a 4x larger file in at most about 4x the time', () => {
    const file = (n: number): string =>
      `from setuptools import setup\nREQS = [\n${Array.from({ length: n }, (_, i) => `    "pkg${i}>=1",  # c\n`).join('')}]\n${Array.from({ length: n }, (_, i) => `V${i} = REQS[0]\n`).join('')}setup(install_requires=REQS)\n`;
    const time = (text: string): number => {
      const start = performance.now();
      const meta = readSetupPy(text);
      expect(meta.installRequires?.value.length).toBeGreaterThan(0);
      return performance.now() - start;
    };
    time(file(600));
    const small = Math.min(time(file(1500)), time(file(1500)));
    const large = Math.min(time(file(6000)), time(file(6000)));
    expect(large / small).toBeLessThan(10);
  });
});

describe('readSetupPy: nesting deeper than Python parses (found by the fuzzer, test/fuzz/crashers/setup-py)', () => {
  it.each([
    ['201 open brackets', `from setuptools import setup\nsetup(name="a",\n  x=${'['.repeat(201)}\n)\n`, 3],
    ['thousands of parentheses, closed', `from setuptools import setup\n${'('.repeat(12_000)}${')'.repeat(12_000)}\n`, 2],
    ['thousands of parentheses, unclosed', `${'('.repeat(3000)} setup(name="a")\n`, 1],
    ['201 closing brackets that close nothing, one a line', `from setuptools import setup\nsetup(name="a")\n${']\n'.repeat(45_000)}`, 203],
  ])('%s: E_SETUP_PY_TOO_DEEP at its line, no exception', (_what, text, line) => {
    const meta = readSetupPy(text);
    expect(codes(meta)).toEqual([`E_SETUP_PY_TOO_DEEP ${line}`]);
    expect(meta.usesSetupCall).toBe(false);
  });
  it.each([
    ['200 brackets', `from setuptools import setup\nsetup(name="a", x=${'['.repeat(199)}${']'.repeat(199)})\n`],
    ['200 closing brackets too many', `from setuptools import setup\nsetup(name="a")\n${')'.repeat(200)}\n`],
    ['brackets in strings and comments', `from setuptools import setup\n# ${'('.repeat(300)}\nsetup(name="a", d="${'('.repeat(300)}", e='''\n${'['.repeat(300)}''')\n`],
  ])('%s: read as usual', (_what, text) => {
    const meta = readSetupPy(text);
    expect(meta.name?.value).toBe('a');
    expect(codes(meta).filter((c) => c.startsWith('E_SETUP_PY_TOO_DEEP'))).toEqual([]);
  });
});

describe('readSetupPy: text that is not Python (found by the fuzzer, test/fuzz/crashers/setup-py)', () => {
  const head = 'from setuptools import setup\nsetup(name="a")\n';
  it.each([
    ['175,000 × U+0085 (the crasher)', '\u0085'.repeat(175_000), 1],
    ['201 × U+0085 after setup()', `${head}x = 1${'\u0085'.repeat(201)}\n`, 3],
    ['201 dollar signs, question marks and backticks, one a line', `${head}${'$\n?\n`\n'.repeat(67)}`, 203],
    ['201 control characters', `${head}${'\u0001'.repeat(201)}\n`, 3],
  ])('%s: E_SETUP_PY_NOT_PYTHON at its line, no exception', (_what, text, line) => {
    const meta = readSetupPy(text);
    expect(codes(meta)).toEqual([`E_SETUP_PY_NOT_PYTHON ${line}`]);
    expect(meta.issues[0]?.message).toBe('setup.py is not Python source (more than 200 characters outside strings and comments that are not Python): pycrane found no metadata in it');
    expect(meta.usesSetupCall).toBe(false);
  });
  it.each([
    ['200 × U+0085', `${head}${'\u0085'.repeat(200)}\n`],
    ['U+0085 and $ in strings and comments', `${head}# ${'\u0085$?`'.repeat(300)}\nd = "${'\u0085$'.repeat(300)}"\ne = '''\n${'\u0085'.repeat(300)}'''\n`],
    ['non-ASCII identifiers, beyond the BMP too, a BOM, tabs and form feeds', `\uFEFF${head}\f${'café = 1\nπ =\t2\n𝑥 = 3\n'.repeat(100)}`],
  ])('%s: read as usual', (_what, text) => {
    const meta = readSetupPy(text);
    expect(meta.name?.value).toBe('a');
    expect(codes(meta).filter((c) => c.startsWith('E_SETUP_PY_NOT_PYTHON'))).toEqual([]);
  });
});

describe('a setup.py the parser cannot walk', () => {
  it('is reported as not read, never thrown (the fuzzer\'s test/fuzz/crashers/setup-py/6b4daa9a5d9e.py)', async () => {
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const text = readFileSync(path.join(import.meta.dirname, '../../../test/fuzz/crashers/setup-py/6b4daa9a5d9e.py'), 'utf8');
    const meta = readSetupPy(text);
    expect(meta.issues.map((i) => i.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^E_SETUP_PY_/)]));
  });
});

describe('a large setup.py with a syntax error (found by the fuzzer: test/fuzz/crashers/setup-py)', () => {
  const head = 'from setuptools import setup\nsetup(name="a", version="1")\n';
  const padding = '# a comment that makes the file large\n'.repeat(1000);
  it('is not read past its first error, with the line of the error', () => {
    const text = `${head}${padding}x = ${'not '.repeat(50_000)},\n`;
    const meta = readSetupPy(text);
    expect(codes(meta)).toEqual(['E_SETUP_PY_NOT_PYTHON 1003']);
    expect(meta.issues[0]?.message).toContain('a syntax error at line 1003, in a file over 32 KiB');
    expect(meta.usesSetupCall).toBe(false);
  });
  it('is read as usual when it has no error', () => {
    const meta = readSetupPy(`${head}${padding}${'x = 1\n'.repeat(20_000)}`);
    expect(meta.name?.value).toBe('a');
    expect(meta.issues).toEqual([]);
  });
  it('is read around the error when it is at most 32 KiB (error recovery, as before)', () => {
    const meta = readSetupPy(`${head}x = (\ny = 2\n`);
    expect(meta.name?.value).toBe('a');
    expect(codes(meta).filter((c) => c.startsWith('E_SETUP_PY_NOT_PYTHON'))).toEqual([]);
  });
});

describe('a setup.py over 256 KiB (found by the fuzzer: test/fuzz/crashers/setup-py/b496dff31b1e.py, a dict of 11,229 entries)', () => {
  it('is not read: E_SETUP_PY_TOO_LARGE on line 1', () => {
    const text = `from setuptools import setup\nsetup(name="a", classifiers=[${'"x",'.repeat(70_000)}])\n`;
    const meta = readSetupPy(text);
    expect(codes(meta)).toEqual(['E_SETUP_PY_TOO_LARGE 1']);
    expect(meta.issues[0]?.message).toBe(`setup.py is too large to read (${text.length.toLocaleString('en-US')} characters, over the 256 KiB pycrane reads): pycrane found no metadata in it`);
  });
  it('is read at 256 KiB', () => {
    const head = 'from setuptools import setup\nsetup(name="a")\n';
    expect(readSetupPy(`${head}${'#'.repeat(MAX_SETUP_PY_CHARS - head.length - 1)}\n`).name?.value).toBe('a');
  });
});
