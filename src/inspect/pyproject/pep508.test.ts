import { describe, expect, it } from 'vitest';
import { normalizeName, parseRequirement } from './pep508.js';

describe('parseRequirement', () => {
  it('reads name, extras, constraint and markers', () => {
    expect(parseRequirement('click (>=8.1,<9)')).toEqual({
      name: 'click',
      extras: [],
      constraint: '>=8.1,<9',
      url: undefined,
      markers: undefined,
    });
    expect(parseRequirement('Rich[jupyter, x]>=13 ; python_version < "3.12"')).toMatchObject({
      name: 'rich',
      extras: ['jupyter', 'x'],
      constraint: '>=13',
      markers: 'python_version < "3.12"',
    });
    expect(parseRequirement('Flask_Login')).toMatchObject({ name: 'flask-login', constraint: undefined });
    expect(parseRequirement('pkg @ https://example.com/pkg.whl')).toMatchObject({
      name: 'pkg',
      url: 'https://example.com/pkg.whl',
    });
  });

  it('rejects what is not a requirement', () => {
    expect(parseRequirement('>=1.0')).toBeUndefined();
    expect(parseRequirement('')).toBeUndefined();
  });

  it('normalises names as PEP 503 does', () => {
    expect(normalizeName('Zope.Interface__x')).toBe('zope-interface-x');
  });
});
