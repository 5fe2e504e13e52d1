import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { setTomlKeys, tomlStatements, tomlValue } from './toml-edit.js';

const PYCRANE = ['tool', 'pycrane'];

describe('tomlStatements', () => {
  it('finds headers and pairs, with values that span lines, strings holding brackets and comments', () => {
    const text = [
      '# top',
      'name = "x" # trailing',
      '[tool.poetry]',
      'deps = [',
      '  "a", # one',
      '  "[not a header]",',
      ']',
      "s = '''",
      '[still a string]',
      "'''",
      '[[tool.poetry.source]]',
      'url = "https://x"',
      '[ "tool" . pycrane ]',
      'inline = { a = [1, 2], b = "}" }',
      'when = 1979-05-27 07:32:00Z',
      '',
    ].join('\n');
    const statements = tomlStatements(text);
    expect(statements.map((s) => `${s.kind}:${s.keys.join('.')}`)).toEqual([
      'pair:name',
      'header:tool.poetry',
      'pair:deps',
      'pair:s',
      'header:tool.poetry.source',
      'pair:url',
      'header:tool.pycrane',
      'pair:inline',
      'pair:when',
    ]);
    const deps = statements[2];
    expect(deps?.kind === 'pair' && text.slice(deps.valueStart, deps.valueEnd)).toBe('[\n  "a", # one\n  "[not a header]",\n]');
    const when = statements[8];
    expect(when?.kind === 'pair' && text.slice(when.valueStart, when.valueEnd)).toBe('1979-05-27 07:32:00Z');
  });
});

describe('tomlValue', () => {
  it('writes strings, numbers, booleans and string arrays as TOML reads them back', () => {
    const values = ['a "quoted" \\ path\n\t\u007f', 8000, false, ['gunicorn', '--bind', '0.0.0.0:8000'], []] as const;
    for (const value of values) expect(parse(`v = ${tomlValue(value)}`).v).toEqual(value);
  });
});

describe('setTomlKeys', () => {
  it('replaces a value where it stands and keeps every other byte', () => {
    const text = '[project]\nname = "x"\n\n[tool.pycrane]  # ours\nport = 8000   # the port\n# a note\nmanager = "uv"\n';
    expect(setTomlKeys(text, PYCRANE, [{ key: 'port', value: 9000 }])).toBe(text.replace('port = 8000', 'port = 9000'));
  });

  it('replaces a multi-line value whole, and finds quoted keys', () => {
    const text = '[tool.pycrane]\n"services" = [\n  "postgres",\n]\nport = 1\n';
    expect(setTomlKeys(text, PYCRANE, [{ key: 'services', value: ['redis'] }])).toBe('[tool.pycrane]\n"services" = ["redis"]\nport = 1\n');
  });

  it('adds a key after the table\'s last pair, before the comments and tables that follow', () => {
    const text = '[tool.pycrane]\nmanager = "uv"\n\n# apt\n[tool.pycrane.apt]\nbuild = ["gcc"]\n';
    expect(setTomlKeys(text, PYCRANE, [{ key: 'port', value: 9000 }, { key: 'health-path', value: '/up' }])).toBe(
      '[tool.pycrane]\nmanager = "uv"\nport = 9000\nhealth-path = "/up"\n\n# apt\n[tool.pycrane.apt]\nbuild = ["gcc"]\n',
    );
  });

  it('adds a key right after the header of an empty table', () => {
    expect(setTomlKeys('[tool.pycrane]\n[tool.black]\n', PYCRANE, [{ key: 'port', value: 1 }])).toBe('[tool.pycrane]\nport = 1\n[tool.black]\n');
  });

  it('appends a missing table at the end, with a blank line before it, also after a file without a final newline', () => {
    expect(setTomlKeys('[project]\nname = "x"\n', PYCRANE, [{ key: 'port', value: 1 }])).toBe('[project]\nname = "x"\n\n[tool.pycrane]\nport = 1\n');
    expect(setTomlKeys('[project]\nname = "x"', PYCRANE, [{ key: 'port', value: 1 }])).toBe('[project]\nname = "x"\n\n[tool.pycrane]\nport = 1\n');
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const text = '\uFEFF[project]\r\nname = "x"\r\n';
    expect(setTomlKeys(text, PYCRANE, [{ key: 'port', value: 1 }])).toBe('\uFEFF[project]\r\nname = "x"\r\n\r\n[tool.pycrane]\r\nport = 1\r\n');
  });

  it('edits the top level of pycrane.toml: after its last key, or before the first table, or into an empty file', () => {
    expect(setTomlKeys('# settings\nmanager = "pip"\n[apt]\nbuild = []\n', [], [{ key: 'port', value: 1 }])).toBe(
      '# settings\nmanager = "pip"\nport = 1\n[apt]\nbuild = []\n',
    );
    expect(setTomlKeys('# settings\n[apt]\nbuild = []\n', [], [{ key: 'port', value: 1 }])).toBe('# settings\nport = 1\n\n[apt]\nbuild = []\n');
    expect(setTomlKeys('', [], [{ key: 'services', value: [] }])).toBe('services = []\n');
    expect(setTomlKeys('manager = "pip"', [], [{ key: 'port', value: 1 }])).toBe('manager = "pip"\nport = 1\n');
  });

  it('does not take a key of another table, or of an array of tables, for the table\'s own', () => {
    const text = '[tool.other]\nport = 1\n[[tool.pycrane.x]]\nport = 2\n';
    const out = setTomlKeys(text, PYCRANE, [{ key: 'port', value: 3 }]);
    expect(parse(out)).toEqual({ tool: { other: { port: 1 }, pycrane: { x: [{ port: 2 }], port: 3 } } });
  });
});
