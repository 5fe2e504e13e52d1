import { describe, expect, it } from 'vitest';
import { locateToml } from '../toml/locate.js';
import { parseToml } from '../toml/parse.js';
import { isConditionalDependency, readPyproject } from './project.js';

const read = (text: string) => readPyproject(parseToml(text, 'pyproject.toml'), locateToml(text, 'pyproject.toml'));
const ref = (line: number, column = 1) => ({ file: 'pyproject.toml', line, column });

const POETRY1 = `[tool.poetry]
name = "Hello_App"
version = "0.3.1"
description = "demo"
authors = ["Ada <ada@example.com>"]
license = "MIT"
packages = [
  { include = "hello_app", from = "src" },
]

[tool.poetry.dependencies]
python = "^3.11"
Flask = "^2.2"
click = { version = "^8.1", optional = true }
tomli = { version = "^2", python = "<3.11" }
mylib = { path = "../mylib", develop = true }

[tool.poetry.group.test.dependencies]
pytest = "^7.2"

[tool.poetry.group.docs]
optional = true

[tool.poetry.group.docs.dependencies]
rich = "*"

[tool.poetry.dev-dependencies]
black = "*"

[tool.poetry.scripts]
hello = "hello_app.cli:main"
tool = { callable = "hello_app.tool:run" }
install = { reference = "setup.sh", type = "file" }

[[tool.poetry.source]]
name = "corp"
url = "https://pypi.corp.example/simple/"
default = true

[[tool.poetry.source]]
name = "extra"
url = "https://extra.example/simple/"
secondary = true

[build-system]
build-backend = "poetry.core.masonry.api"
`;

const POETRY2 = `[project]
name = "hello-cli"
version = "2.0.0"
license = { text = "Apache-2.0" }
authors = [{ name = "Grace", email = "grace@example.com" }, { name = "Team" }]
requires-python = ">=3.11,<3.14"
dependencies = [
    "click (>=8.1,<9)",
    "colorama ; sys_platform == 'win32'",
]

[project.optional-dependencies]
fancy = ["rich>=13", "click"]

[project.scripts]
hello-cli = "hello_cli.main:run"

[tool.poetry]
package-mode = false

[tool.poetry.dependencies]
python = "^3.11"

[tool.poetry.scripts]
ignored = "x:y"

[dependency-groups]
test = ["pytest>=8"]
dev = [{ include-group = "test" }, "ruff"]

[[tool.poetry.source]]
name = "PyPI"
priority = "primary"
`;

describe('readPyproject: Poetry 1.x ([tool.poetry] only)', () => {
  const p = read(POETRY1);

  it('reads metadata with lines', () => {
    expect(p.name).toEqual({ value: 'Hello_App', source: ref(2) });
    expect(p.version?.value).toBe('0.3.1');
    expect(p.license).toEqual({ value: 'MIT', source: ref(6) });
    expect(p.authors).toEqual(['Ada <ada@example.com>']);
    expect(p.project).toBeUndefined();
    expect(p.poetry).toEqual(ref(1));
    expect(p.buildBackend?.value).toBe('poetry.core.masonry.api');
    expect(p.packageMode).toBeUndefined();
  });

  it('reads the python constraint and packages', () => {
    expect(p.pythonConstraints).toEqual([{ value: '^3.11', pep440: false, source: ref(12) }]);
    expect(p.packages).toEqual([{ include: 'hello_app', from: 'src', source: ref(8, 3) }]);
  });

  it('reads main and other groups in file order, legacy dev-dependencies as dev', () => {
    expect(p.groups.map((g) => [g.name, g.optional, g.source?.line])).toEqual([
      ['main', false, 11],
      ['test', false, 18],
      ['docs', true, 21],
      ['dev', false, 27],
    ]);
    const main = p.groups[0]?.dependencies ?? [];
    expect(main.map((d) => [d.name, d.constraint, d.optional, d.source?.line])).toEqual([
      ['flask', '^2.2', false, 13],
      ['click', '^8.1', true, 14],
      ['tomli', '^2', false, 15],
      ['mylib', 'path ../mylib', false, 16],
    ]);
    expect(main.map(isConditionalDependency)).toEqual([false, false, true, false]);
    expect(p.issues.map((i) => [i.code, i.source?.line])).toContainEqual(['I_LEGACY_DEV_DEPENDENCIES', 27]);
  });

  it('reads console scripts in string and table form, not file scripts', () => {
    expect(p.scripts).toEqual([
      { name: 'hello', target: 'hello_app.cli:main', source: ref(31) },
      { name: 'tool', target: 'hello_app.tool:run', source: ref(32) },
    ]);
    expect(p.issues.map((i) => i.code)).toContain('I_SCRIPT_NOT_CONSOLE');
  });

  it('reads sources as indexes with their priority', () => {
    expect(p.indexes).toEqual([
      { name: 'corp', url: 'https://pypi.corp.example/simple/', priority: 'default', source: ref(35) },
      { name: 'extra', url: 'https://extra.example/simple/', priority: 'secondary', source: ref(40) },
    ]);
  });
});

describe('readPyproject: Poetry 2.x ([project] + [tool.poetry])', () => {
  const p = read(POETRY2);

  it('reads PEP 621 metadata', () => {
    expect(p.project).toEqual(ref(1));
    expect(p.license).toEqual({ value: 'Apache-2.0', source: ref(4) });
    expect(p.authors).toEqual(['Grace <grace@example.com>', 'Team']);
    expect(p.packageMode).toEqual({ value: false, source: ref(19) });
  });

  it('reads both python constraints', () => {
    expect(p.pythonConstraints).toEqual([
      { value: '>=3.11,<3.14', pep440: true, source: ref(6) },
      { value: '^3.11', pep440: false, source: ref(22) },
    ]);
  });

  it('takes main from [project].dependencies plus extras, each with its element line', () => {
    const main = p.groups[0]?.dependencies ?? [];
    expect(main.map((d) => [d.name, d.constraint, d.optional, d.source?.line, d.source?.column])).toEqual([
      ['click', '>=8.1,<9', false, 8, 5],
      ['colorama', undefined, false, 9, 5],
      ['rich', '>=13', true, 13, 10],
    ]);
    expect(main.map(isConditionalDependency)).toEqual([false, true, false]);
  });

  it('reads PEP 735 groups, resolving include-group', () => {
    expect(p.groups.slice(1).map((g) => [g.name, g.dependencies.map((d) => d.name), g.source?.line])).toEqual([
      ['test', ['pytest'], 28],
      ['dev', ['ruff', 'pytest'], 29],
    ]);
  });

  it('prefers [project.scripts] and knows PyPI without a url', () => {
    expect(p.scripts).toEqual([{ name: 'hello-cli', target: 'hello_cli.main:run', source: ref(16) }]);
    expect(p.indexes).toEqual([{ name: 'PyPI', url: 'https://pypi.org/simple/', priority: 'primary', source: ref(31) }]);
  });

  it('warns about requirements it cannot read', () => {
    const bad = read('[project]\nname = "x"\ndependencies = [">=1"]\n');
    expect(bad.issues).toEqual([expect.objectContaining({ code: 'W_BAD_REQUIREMENT', source: ref(3, 17) })]);
  });
});

describe('PEP 735 include-group at scale', () => {
  it('2,000 chained groups: each read once, each group with every dependency below it (linear, not cubic)', () => {
    const n = 2000;
    const lines = ['[project]', 'name = "a"', 'version = "1"', '[dependency-groups]'];
    for (let i = 0; i < n; i++) lines.push(`g${i} = ["a${i}", "b${i}>=1"${i > 0 ? `, {include-group = "g${i - 1}"}` : ', "==1.0"'}]`);
    const pp = read(`${lines.join('\n')}\n`);
    const last = pp.groups.find((g) => g.name === `g${n - 1}`);
    expect(last?.dependencies).toHaveLength(2 * n);
    expect(last?.dependencies.slice(0, 4).map((d) => d.name)).toEqual([`a${n - 1}`, `b${n - 1}`, `a${n - 2}`, `b${n - 2}`]);
    // The bad requirement of g0 is one issue, not one per group that includes it.
    expect(pp.issues.filter((i) => i.code === 'W_BAD_REQUIREMENT')).toHaveLength(1);
  });

  it('includes each group once (diamonds) and cuts cycles', () => {
    const pp = read('[dependency-groups]\na = ["x", {include-group = "b"}, {include-group = "c"}]\nb = ["y", {include-group = "c"}]\nc = ["z", {include-group = "a"}]\n');
    expect(pp.groups.find((g) => g.name === 'a')?.dependencies.map((d) => d.name)).toEqual(['x', 'y', 'z']);
    expect(pp.groups.find((g) => g.name === 'c')?.dependencies.map((d) => d.name)).toEqual(['z', 'x', 'y']);
  });
});
