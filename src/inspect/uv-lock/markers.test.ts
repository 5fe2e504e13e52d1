import { describe, expect, it } from 'vitest';
import { conditionMarker, propagateConditions, type MarkerEdge } from './markers.js';

const graph = (edges: Record<string, MarkerEdge[]>) => (node: string) => edges[node] ?? [];

describe('propagateConditions', () => {
  it('ANDs markers along a path and ORs them across paths, with absorption', () => {
    const conditions = propagateConditions(
      ['root'],
      graph({
        root: [
          { to: 'a', marker: "sys_platform == 'win32'" },
          { to: 'b', marker: undefined },
        ],
        a: [{ to: 'c', marker: "python_version < '3.11'" }],
        b: [{ to: 'c', marker: "sys_platform == 'win32'" }],
      }),
    );
    expect(conditionMarker(conditions.get('a'))).toBe("sys_platform == 'win32'");
    // (win32 and <3.11) or win32 is win32.
    expect(conditionMarker(conditions.get('c'))).toBe("sys_platform == 'win32'");
    expect(conditions.get('b')).toBe('always');
  });

  it('joins complementary forks to always and survives cycles', () => {
    const conditions = propagateConditions(
      ['r'],
      graph({
        r: [
          { to: 'x', marker: "python_full_version < '3.10'" },
          { to: 'x', marker: "python_full_version >= '3.10'" },
          { to: 'y', marker: "os_name == 'nt' or os_name == 'posix'" },
        ],
        y: [{ to: 'z', marker: "implementation_name == 'cpython'" }],
        z: [{ to: 'y', marker: undefined }],
      }),
    );
    expect(conditions.get('x')).toBe('always');
    expect(conditionMarker(conditions.get('z'))).toBe("implementation_name == 'cpython' and (os_name == 'nt' or os_name == 'posix')");
    expect(conditionMarker(conditions.get('y'))).toBe("os_name == 'nt' or os_name == 'posix'");
  });
});
