import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interpolate, rawValue, readIni, sectionOptions } from './ini.js';

interface ParseCase {
  readonly text: string;
  readonly res: { readonly ok: true; readonly sections: Record<string, Record<string, string>> } | { readonly ok: false; readonly err: string };
}
interface InterpolationCase {
  readonly text: string;
  readonly res: Record<string, string>;
}
const cases = JSON.parse(readFileSync(new URL('../__fixtures__/setup-cfg/configparser-cases.json', import.meta.url), 'utf8')) as {
  readonly python: string;
  readonly parse: readonly ParseCase[];
  readonly interpolation: readonly InterpolationCase[];
};

describe('readIni agrees with CPython configparser (cases it wrote)', () => {
  it('on sections, keys and raw values, and on which texts it rejects', () => {
    expect(cases.python).toBe('3.11.7');
    expect(cases.parse.filter((c) => c.res.ok)).toHaveLength(59);
    for (const c of cases.parse) {
      const doc = readIni(c.text);
      if (!c.res.ok) {
        expect(doc.issues.length, `configparser raised ${c.res.err} on ${JSON.stringify(c.text)}`).toBeGreaterThan(0);
        continue;
      }
      const mine = Object.fromEntries(
        [...doc.sections.keys()].map((name) => [name, Object.fromEntries(sectionOptions(doc, name).map((o) => [o.key, rawValue(o)]))]),
      );
      expect(doc.issues, c.text).toEqual([]);
      expect(mine, c.text).toEqual(c.res.sections);
    }
  });

  it('on % interpolation', () => {
    expect(cases.interpolation).toHaveLength(100);
    for (const c of cases.interpolation) {
      const doc = readIni(c.text);
      const mine = Object.fromEntries(
        sectionOptions(doc, 'm').map((o) => {
          const result = interpolate(doc, 'm', o);
          return [o.key, result.ok ? result.value : 'ERR'];
        }),
      );
      expect(mine, c.text).toEqual(c.res);
    }
  });
});

describe('readIni', () => {
  it('keeps continuation lines, blank lines inside values, and drops comment lines', () => {
    const doc = readIni('[options]\ninstall_requires =\n    a>=1  # kept: not a comment\n    # dropped\n\n    b\nx : 1 ; kept too\n');
    const options = doc.sections.get('options')?.options;
    expect(options && rawValue(options.get('install_requires') ?? { key: '', source: { file: '', line: 0 }, lines: [] })).toBe(
      '\na>=1  # kept: not a comment\n\nb',
    );
    expect(options?.get('install_requires')?.lines.map((l) => l.line)).toEqual([2, 3, 5, 6]);
    expect(options?.get('x')?.lines[0]?.text).toBe('1 ; kept too');
    expect(options?.get('x')?.source).toEqual({ file: 'setup.cfg', line: 7, column: 1 });
  });

  it('reports what configparser raises on, with lines', () => {
    const doc = readIni('top = 1\n[a]\nk = 1\nk = 2\nno delimiter\n[a]\n', 'p/setup.cfg');
    expect(doc.issues.map((i) => `${i.code} ${i.source?.file}:${i.source?.line}`)).toEqual([
      'E_SETUP_CFG_SYNTAX p/setup.cfg:1',
      'E_SETUP_CFG_SYNTAX p/setup.cfg:4',
      'E_SETUP_CFG_SYNTAX p/setup.cfg:5',
      'E_SETUP_CFG_SYNTAX p/setup.cfg:6',
    ]);
    const raised = ['MissingSectionHeaderError', 'DuplicateOptionError', 'ParsingError', 'DuplicateSectionError'];
    doc.issues.forEach((issue, i) => expect(issue.message).toContain(raised[i]));
    expect(rawValue(doc.sections.get('a')?.options.get('k') ?? { key: '', source: { file: '', line: 0 }, lines: [] })).toBe('1');
  });

  it('reads CRLF and a BOM, and never throws on random text', () => {
    const doc = readIni('\ufeff[m]\r\nname = a\r\n  b\r\n');
    expect(doc.sections.get('m')?.options.get('name')?.lines.map((l) => l.text)).toEqual(['a', 'b']);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['[', ']', '=', ':', '%', '(', ')s', '\n', '  ', '#', ';', 'a', 'DEFAULT', '%%', '\t', '\r'];
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: Math.floor(random() * 120) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const parsed = readIni(text);
      for (const name of parsed.sections.keys()) for (const o of sectionOptions(parsed, name)) expect(() => interpolate(parsed, name, o)).not.toThrow();
    }
  });

  it('stops %(…)s chains 10 deep, as configparser does, without recursion', () => {
    const lines = ['[m]', 'k0 = end'];
    for (let i = 1; i <= 20; i++) lines.push(`k${i} = %(k${i - 1})s`);
    const doc = readIni(lines.join('\n'));
    const get = (key: string): string => {
      const option = doc.sections.get('m')?.options.get(key);
      const result = option ? interpolate(doc, 'm', option) : { ok: false as const, error: 'none' };
      return result.ok ? result.value : 'ERR';
    };
    expect(get('k1')).toBe('end');
    expect(get('k10')).toBe('end');
    expect(get('k11')).toBe('ERR');
  });
});
