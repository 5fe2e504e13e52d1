import { describe, expect, it } from 'vitest';
import { expectedFromLock, lockConditions } from './lock-conditions.js';

describe('lockConditions', () => {
  it('reads optional and main-group markers of Poetry 1 and 2 locks', () => {
    const map = lockConditions(`
[[package]]
name = "Colorama"
version = "0.4.6"
optional = false
groups = ["main", "dev"]
markers = {main = "platform_system == \\"Windows\\"", dev = "sys_platform == \\"win32\\""}

[[package]]
name = "linkify_it.py"
version = "2.0.3"
optional = true
groups = ["main"]
markers = "extra == \\"fancy\\""

[[package]]
name = "click"
version = "8.1.8"
optional = false
category = "main"
`);
    expect(map.get('colorama')).toEqual({ optional: false, markers: 'platform_system == "Windows"' });
    expect(map.get('linkify-it-py')).toEqual({ optional: true, markers: 'extra == "fancy"' });
    expect(map.get('click')).toEqual({ optional: false, markers: undefined });
  });
  it('gives nothing for an unreadable lock', () => {
    expect(lockConditions('[[package]\nname=').size).toBe(0);
  });
});

describe('expectedFromLock', () => {
  it('keeps main packages, drops optional ones, carries markers', () => {
    const conditions = lockConditions(`
[[package]]
name = "colorama"
version = "0.4.6"
optional = false
markers = {main = "platform_system == \\"Windows\\""}

[[package]]
name = "linkify-it-py"
version = "2.0.3"
optional = true
`);
    const result = expectedFromLock(
      [
        { name: 'click', version: '8.1.8', groups: ['main'] },
        { name: 'colorama', version: '0.4.6', groups: ['main'] },
        { name: 'linkify-it-py', version: '2.0.3', groups: ['main'] },
        { name: 'pytest', version: '8.3.5', groups: ['dev'] },
      ],
      conditions,
    );
    expect(result).toEqual({
      expected: [
        { name: 'click', version: '8.1.8' },
        { name: 'colorama', version: '0.4.6', markers: 'platform_system == "Windows"' },
      ],
      optional: ['linkify-it-py'],
    });
  });
});
