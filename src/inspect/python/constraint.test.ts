import { describe, expect, it } from 'vitest';
import { compareMinor, minorAdmits, pep440, poetryToPep440, satisfiesUnion } from './constraint.js';

const SUPPORTED = ['3.14', '3.13', '3.12', '3.11'];
/** The highest supported minor that the Poetry constraint admits. */
const pick = (poetry: string) => {
  const union = poetryToPep440(poetry);
  if (!union) throw new Error(`invalid: ${poetry}`);
  return SUPPORTED.find((m) => minorAdmits(m, [union]));
};

describe('poetryToPep440', () => {
  it('converts caret, tilde and wildcards', () => {
    expect(poetryToPep440('^3.11')).toEqual(['>=3.11,<4']);
    expect(poetryToPep440('^3.11.4')).toEqual(['>=3.11.4,<4']);
    expect(poetryToPep440('^0.2.3')).toEqual(['>=0.2.3,<0.3']);
    expect(poetryToPep440('^0.0')).toEqual(['>=0.0,<0.1']);
    expect(poetryToPep440('^3')).toEqual(['>=3,<4']);
    expect(poetryToPep440('~3.11')).toEqual(['>=3.11,<3.12']);
    expect(poetryToPep440('~3.11.2')).toEqual(['>=3.11.2,<3.12']);
    expect(poetryToPep440('~3')).toEqual(['>=3,<4']);
    expect(poetryToPep440('3.11.*')).toEqual(['==3.11.*']);
    expect(poetryToPep440('3.11')).toEqual(['==3.11']);
    expect(poetryToPep440('*')).toEqual(['']);
  });

  it('keeps PEP 440 and reads Poetry separators (comma, space, ||)', () => {
    expect(poetryToPep440('>=3.9,<3.12')).toEqual(['>=3.9,<3.12']);
    expect(poetryToPep440('>= 3.9 < 3.12')).toEqual(['>=3.9,<3.12']);
    expect(poetryToPep440('~=3.11')).toEqual(['~=3.11']);
    expect(poetryToPep440('!=3.12.*, >=3.11')).toEqual(['!=3.12.*,>=3.11']);
    expect(poetryToPep440('^3.10 || ^3.12')).toEqual(['>=3.10,<4', '>=3.12,<4']);
    expect(poetryToPep440('^3.10|^3.12 |\t>=3.13')).toEqual(['>=3.10,<4', '>=3.12,<4', '>=3.13']);
    expect(poetryToPep440('^3.10 ||| ^3.12')).toEqual(['>=3.10,<4', '', '>=3.12,<4']);
    expect(poetryToPep440('||')).toEqual(['', '']);
  });

  it('reads long runs of spaces around and between the parts in linear time', () => {
    const spaces = ' '.repeat(200_000);
    expect(poetryToPep440(`${spaces}^3.10${spaces}||${spaces}>=3.12${spaces},${spaces}<3.14${spaces}`)).toEqual(['>=3.10,<4', '>=3.12,<3.14']);
    expect(poetryToPep440(`3.11${spaces}!`)).toBeUndefined();
  });

  it('rejects what is not a constraint', () => {
    expect(poetryToPep440('banana')).toBeUndefined();
    expect(poetryToPep440('>=')).toBeUndefined();
    expect(pep440('>=3.x')).toBeUndefined();
    expect(pep440('^3.11')).toBeUndefined(); // caret is Poetry's, not PEP 440
    expect(pep440('>=3.11')).toEqual(['>=3.11']);
  });
});

describe('minorAdmits / selection', () => {
  it('picks the highest supported minor some patch of which satisfies the constraint', () => {
    expect(pick('^3.11')).toBe('3.14');
    expect(pick('~3.11')).toBe('3.11');
    expect(pick('3.11.*')).toBe('3.11');
    expect(pick('>=3.9,<3.12')).toBe('3.11');
    expect(pick('>=3.8,<3.11')).toBeUndefined();
    expect(pick('>=3.8,<3.11.5')).toBe('3.11'); // 3.11.0 .. 3.11.4
    expect(pick('>3.12.40')).toBe('3.14');
    expect(pick('>=3.12.41,<3.13')).toBe('3.12'); // beyond the default patch range
    expect(pick('!=3.14.*')).toBe('3.13');
  });

  it('needs one patch that satisfies all constraints at once', () => {
    const a = pep440('>=3.11.3');
    const b = pep440('<3.11.5');
    const c = pep440('<3.11.3');
    if (!a || !b || !c) throw new Error('invalid');
    expect(minorAdmits('3.11', [a, b])).toBe(true);
    expect(minorAdmits('3.11', [a, c])).toBe(false);
  });

  it('reads the patch releases a constraint names in linear time, also in a long run of digits', () => {
    expect(minorAdmits('3.11', [['>3.11.40,!=13.11.41'], ['<3.11.42']])).toBe(true);
    const digits = '1'.repeat(200_000);
    expect(minorAdmits('3.11', [[`>=3.11.3,!=${digits}`]])).toBe(false); // an oversized part satisfies nothing
    expect(minorAdmits('3.11', [[`<3.11.0,${digits}.`]])).toBe(false);
  });

  it('checks exact versions and orders minors numerically', () => {
    expect(satisfiesUnion('3.13.5', ['>=3.11,<3.14'])).toBe(true);
    expect(satisfiesUnion('3.14.0', ['>=3.11,<3.14'])).toBe(false);
    expect(['3.9', '3.11', '3.10'].sort(compareMinor)).toEqual(['3.9', '3.10', '3.11']);
  });
});

describe('minorAdmits at the boundaries the constraints name', () => {
  const u = (spec: string) => pep440(spec) ?? [];
  it.each([
    ['!=3.11.0,<3.11.2', '3.11', true],
    ['>3.11.40', '3.11', true],
    ['==3.11.*', '3.11', true],
    ['>=3.11.5,<3.11.5', '3.11', false],
    ['~=3.11.4', '3.11', true],
    ['==3.11.7', '3.11', true],
    ['==3.11.7', '3.12', false],
    ['!=3.11.*', '3.11', false],
    ['==3.12.100000', '3.12', true],
    ['>=3.12.99999999', '3.12', true],
    ['<3.12.99999999,>3.12.99999997', '3.12', true],
    ['>=3.999999999', '3.12', false],
    ['>=3.999999999', '3.999999999', true],
    ['~=3.12.100000', '3.13', false],
  ] as const)('%s admits %s: %s', (spec, minor, expected) => {
    expect(minorAdmits(minor, [u(spec)])).toBe(expected);
  });
});

describe('version parts beyond nine digits', () => {
  it('are not constraints (pep440 keeps parts as JS numbers and fails past the safe integers)', () => {
    expect(pep440('>=3.3333333333333333333333')).toBeUndefined();
    expect(poetryToPep440('^999999999999999999993.3')).toBeUndefined();
    expect(pep440('>=3.123456789')).toEqual(['>=3.123456789']);
  });

  it('satisfy nothing instead of throwing', () => {
    expect(satisfiesUnion('999999999999999999993.3.0', ['>=3.9'])).toBe(false);
    expect(satisfiesUnion('3.3.3333333333333333333333', ['', '>=3.1'])).toBe(false);
    expect(satisfiesUnion('not-a-version', ['>=3.9'])).toBe(false);
    expect(satisfiesUnion('3.12.0', ['<1e+21'])).toBe(false);
    expect(minorAdmits('999999999999999999993.3', [['>=3.9']])).toBe(false);
    expect(satisfiesUnion('3.12.0', ['>=3.9'])).toBe(true);
  });
});
