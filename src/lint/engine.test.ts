import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { defaultCheckConfig, effectiveSeverity, parseCheckConfig, withOverrides } from './config.js';
import { lint, lintFiles } from './engine.js';
import { allRules } from './rules/index.js';

const df = (text: string) => ({ dockerfile: { path: 'Dockerfile', text } });
const ids = (text: string, config = defaultCheckConfig) => lint(df(text), config).diagnostics.map((d) => `${d.ruleId}:${d.range.start.line + 1}`);

describe('pragmas', () => {
  const bad = 'FROM python:latest\nUSER root\n';
  it('# pycrane ignore= silences the next instruction only, by id or name', () => {
    expect(ids(bad)).toContain('PC601:1');
    expect(ids(`# pycrane ignore=PC601,PC602\n${bad}`)).not.toContain('PC601:2');
    expect(ids(`# pycrane ignore=image-tag-unpinned\n${bad}`)).not.toContain('PC601:2');
    expect(ids(`# pycrane ignore=PC601\nFROM python:3.12\nFROM python:latest\n`)).toContain('PC601:3');
  });
  it('covers every line of a continued instruction', () => {
    const text = 'FROM python:3.12\n# pycrane ignore=PC603\nRUN pip install \\\n    flask\n';
    expect(ids(text)).not.toContain('PC603:4');
    expect(ids(text.replace('# pycrane ignore=PC603\n', ''))).toContain('PC603:3');
  });
  it('# pycrane global ignore= silences the file', () => {
    expect(ids(`FROM python:latest\n# pycrane global ignore=PC601\nFROM python:latest\n`).filter((i) => i.startsWith('PC601'))).toEqual([]);
  });
  it('works in YAML with # and in JSONC with //', () => {
    const compose = { path: 'compose.yaml', text: '# pycrane ignore=PC701\nversion: "3.8"\nservices: {}\n' };
    expect(lint({ compose }).diagnostics.filter((d) => d.ruleId === 'PC701')).toEqual([]);
    const noPragma = { path: 'compose.yaml', text: 'version: "3.8"\nservices: {}\n' };
    expect(lint({ compose: noPragma }).diagnostics.filter((d) => d.ruleId === 'PC701').length).toBe(1);
  });
});

describe('configuration', () => {
  it('reads [tool.pycrane.check]', () => {
    const c = parseCheckConfig({ ignore: ['PC602'], severity: { PC601: 'error', 'no-dev-target': 'off' }, 'fail-on': 'error' });
    expect(c).toEqual({ ignore: ['PC602'], severity: { PC601: 'error', 'no-dev-target': 'off' }, failOn: 'error' });
    const rule = allRules.find((r) => r.id === 'PC601');
    if (!rule) throw new Error('PC601 missing');
    expect(effectiveSeverity(rule, c)).toBe('error');
    expect(ids('FROM python:latest\n', c)).not.toContain('PC602:1');
    expect(lint(df('FROM python:latest\n'), c).diagnostics.find((d) => d.ruleId === 'PC601')?.severity).toBe('error');
    expect(lint(df('FROM python:3.12\n'), c).diagnostics.find((d) => d.ruleId === 'PC501')).toBeUndefined();
  });
  it('rejects wrong types and unknown keys as user errors', () => {
    expect(() => parseCheckConfig({ ignores: [] })).toThrow(UserError);
    expect(() => parseCheckConfig({ severity: { PC601: 'fatal' } })).toThrow(/severity.PC601/);
    expect(() => parseCheckConfig({ 'fail-on': 'never' })).toThrow(/fail-on/);
    expect(parseCheckConfig(undefined)).toBe(defaultCheckConfig);
  });
  it('the command line wins over the file', () => {
    expect(withOverrides(parseCheckConfig({ 'fail-on': 'error' }), { failOn: 'info' }).failOn).toBe('info');
  });
});

describe('engine', () => {
  it('reports a Dockerfile syntax problem as PC100 and still runs the other rules', () => {
    const out = ids('FROM python:latest\nRUNN x\n');
    expect(out).toContain('PC100:2');
    expect(out).toContain('PC601:1');
  });
  it('reports an unreadable project as PC190 on its file', () => {
    const d = lint({ ...df('FROM python:3.12\n'), projectError: { message: 'bad', file: 'pyproject.toml', line: 3 } }).diagnostics.find((x) => x.ruleId === 'PC190');
    expect(d).toMatchObject({ file: 'pyproject.toml', range: { start: { line: 2, character: 0 } }, severity: 'error' });
  });
  it('sorts by file, line, column and id', () => {
    const ds = lint(df('FROM python:latest\nUSER app\n')).diagnostics;
    const keys = ds.map((d) => [d.file, d.range.start.line, d.range.start.character, d.ruleId].join('|'));
    expect(keys).toEqual([...keys].sort((a, b) => {
      const [fa, la, ca, ia] = a.split('|');
      const [fb, lb, cb, ib] = b.split('|');
      return (fa ?? '').localeCompare(fb ?? '') || Number(la) - Number(lb) || Number(ca) - Number(cb) || (ia ?? '').localeCompare(ib ?? '');
    }));
  });
  it('lints an empty or comment-only Dockerfile without crashing (no instructions is a builder error)', () => {
    expect(lint(df('')).diagnostics).toEqual([]);
    expect(ids('# nothing\n')).toEqual(['PC100:1']);
  });
});

describe('development-only Dockerfiles', () => {
  it('get no runtime findings (root, sudo, build tools) under .devcontainer/', () => {
    const text = 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends sudo gcc && rm -rf /var/lib/apt/lists/*\n';
    const ids = (file: string) => lintFiles({ dockerfile: { path: file, text } }).map((d) => d.ruleId);
    expect(ids('Dockerfile')).toEqual(expect.arrayContaining(['PC201', 'PC203', 'PC301']));
    const dev = ids('.devcontainer/Dockerfile');
    for (const id of ['PC201', 'PC203', 'PC301', 'PC501']) expect(dev).not.toContain(id);
  });
});
