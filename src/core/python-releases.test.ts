import { describe, expect, it } from 'vitest';
import { isMature, PYTHON_RELEASES, python3Minors, pythonEol, pythonRelease, RELEASES_AS_OF } from './python-releases.js';

describe('the CPython release table', () => {
  it('is newest first, with a release before each EOL', () => {
    const minors = PYTHON_RELEASES.map((r) => r.minor);
    expect(minors[0]).toBe('3.15');
    for (const r of PYTHON_RELEASES) {
      expect(r.released < r.eol).toBe(true);
      expect(r.released).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('knows 3.15 as released and 3.9 and 3.10 as past EOL on the table date', () => {
    expect((pythonRelease("3.15")?.released ?? "9999") <= RELEASES_AS_OF).toBe(true);
    expect(pythonEol('3.10', RELEASES_AS_OF)).toBe('2026-10-31');
    expect(pythonEol('3.9', RELEASES_AS_OF)).toBe('2025-10-31');
    expect(pythonEol('3.11', RELEASES_AS_OF)).toBeUndefined();
    expect(pythonEol('3.10', '2026-10-31')).toBeUndefined();
  });

  it('counts a minor as mature six months after its release', () => {
    const r315 = pythonRelease('3.15');
    const r314 = pythonRelease('3.14');
    if (!r315 || !r314) throw new Error('table incomplete');
    expect(isMature(r315, RELEASES_AS_OF)).toBe(false);
    expect(isMature(r315, '2027-04-01')).toBe(true);
    expect(isMature(r315, '2027-03-31')).toBe(false);
    expect(isMature(r314, RELEASES_AS_OF)).toBe(true);
  });

  it('offers Python 3 minors only', () => {
    expect(python3Minors()).not.toContain('2.7');
    expect(python3Minors()[0]).toBe('3.15');
    expect(python3Minors()).toContain('3.6');
  });
});
