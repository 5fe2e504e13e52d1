import { describe, expect, it } from 'vitest';
import { scanJson } from './json-locate.js';

describe('scanJson', () => {
  it('finds members by key path, decoding escaped keys, and array elements', () => {
    const text = '{\n  "a\\u0062": {"c": [10, {"d": null}]},\n  "e": "\\"x\\""\n}';
    const scan = scanJson(text, 'x.json');
    expect(scan.error).toBeUndefined();
    expect(scan.find(['ab'])).toEqual({ file: 'x.json', line: 2, column: 3 });
    expect(scan.find(['ab', 'c'])).toEqual({ file: 'x.json', line: 2, column: 15 });
    expect(scan.find(['ab', 'c', 1])).toEqual({ file: 'x.json', line: 2, column: 25 });
    expect(scan.find(['ab', 'c', 1, 'd'])).toEqual({ file: 'x.json', line: 2, column: 26 });
    expect(scan.find(['e'])).toEqual({ file: 'x.json', line: 3, column: 3 });
    expect(scan.find(['nope'])).toBeUndefined();
  });

  it('accepts what JSON.parse accepts', () => {
    for (const text of ['0', '-0.5e+10', '"\\/\\b\\f\\n\\r\\t"', ' [true, false, null] ', '{}', '[]', '\uFEFF{"a": 1}']) {
      expect(scanJson(text, 'x.json').error, text).toBeUndefined();
    }
  });

  it('rejects what JSON.parse rejects, at the offending character', () => {
    const cases: [string, number, number, string][] = [
      ['{"a": 01}', 1, 8, `unexpected "1", expected ',' or '}'`],
      ['{"a": "\u0001"}', 1, 8, 'control character in string'],
      ['{"a": "\\x"}', 1, 9, 'bad escape in string'],
      ['["\\u12"]', 1, 4, 'bad \\u escape in string'],
      ["{'a': 1}", 1, 2, `unexpected "'", expected a property name in double quotes`],
      ['[1]\n x', 2, 2, 'unexpected "x" after the JSON value'],
      ['{"a": tru}', 1, 7, `unexpected "t", expected a value`],
      ['{"a": -}', 1, 7, `unexpected "-", expected a value`],
      ['"abc', 1, 5, 'unterminated string'],
      ['', 1, 1, 'unexpected end of JSON, expected a value'],
    ];
    for (const [text, line, column, message] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(scanJson(text, 'x.json').error, text).toEqual({ message, line, column });
    }
  });
});
