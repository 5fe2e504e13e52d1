import { describe, expect, it } from 'vitest';
import { PYTHON_EOL, pythonEol } from './python-eol.js';

describe('pythonEol', () => {
  it('is past EOL only after the date', () => {
    expect(pythonEol('3.10', new Date('2026-10-31T12:00:00Z'))).toBeUndefined();
    expect(pythonEol('3.10', new Date('2026-11-01T00:00:00Z'))).toBe('2026-10-31');
    expect(pythonEol('3.13', new Date('2026-11-28T00:00:00Z'))).toBeUndefined();
    expect(pythonEol('9.9', new Date())).toBeUndefined();
  });
  it('covers every minor from 3.6 on', () => {
    for (let m = 6; m <= 14; m++) expect(PYTHON_EOL[`3.${m}`]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
