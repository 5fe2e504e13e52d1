import { describe, expect, it } from 'vitest';
import { expectedFromLock } from './lock-conditions.js';

describe('expectedFromLock', () => {
  it('keeps main packages, drops optional ones, carries markers', () => {
    const result = expectedFromLock([
      { name: 'click', version: '8.1.8', groups: ['main'], source: undefined },
      { name: 'colorama', version: '0.4.6', groups: ['main'], markers: 'platform_system == "Windows"', source: undefined },
      { name: 'linkify-it-py', version: '2.0.3', groups: ['main'], optional: true, source: undefined },
      { name: 'pytest', version: '8.3.5', groups: ['dev'], source: undefined },
    ]);
    expect(result).toEqual({
      expected: [
        { name: 'click', version: '8.1.8' },
        { name: 'colorama', version: '0.4.6', markers: 'platform_system == "Windows"' },
      ],
      optional: ['linkify-it-py'],
    });
  });
});
