import { describe, expect, it } from 'vitest';
import { compareCodePoints, pythonFloatRepr, pythonJsonDumps, pythonString } from './py-json.js';

describe('pythonJsonDumps (json.dumps(sort_keys=True))', () => {
  it('uses Python separators and sorts keys', () => {
    expect(pythonJsonDumps({ b: [1n, 2n], a: { y: true, x: null } })).toBe('{"a": {"x": null, "y": true}, "b": [1, 2]}');
    expect(pythonJsonDumps({})).toBe('{}');
    expect(pythonJsonDumps([])).toBe('[]');
  });

  it('escapes like ensure_ascii=True', () => {
    expect(pythonString('wïn')).toBe('"w\\u00efn"');
    expect(pythonString('a"b\\c\n\t\u0001\u007f')).toBe('"a\\"b\\\\c\\n\\t\\u0001\\u007f"');
    expect(pythonString('😀')).toBe('"\\ud83d\\ude00"');
  });

  it('sorts keys by code point like Python, not by UTF-16 unit', () => {
    expect(['\uffff', '😀', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '😀']);
  });

  it('prints floats as repr() does', () => {
    expect(pythonFloatRepr(1)).toBe('1.0');
    expect(pythonFloatRepr(0.5)).toBe('0.5');
    expect(pythonFloatRepr(-2.25)).toBe('-2.25');
    expect(pythonFloatRepr(1e16)).toBe('1e+16');
    expect(pythonFloatRepr(1234567890123456)).toBe('1234567890123456.0');
    expect(pythonFloatRepr(0.0001)).toBe('0.0001');
    expect(pythonFloatRepr(0.00001)).toBe('1e-05');
    expect(pythonFloatRepr(1.5e-7)).toBe('1.5e-07');
    expect(pythonFloatRepr(1.5e300)).toBe('1.5e+300');
    expect(pythonFloatRepr(-0)).toBe('-0.0');
    expect(pythonFloatRepr(Infinity)).toBe('Infinity');
    expect(pythonFloatRepr(NaN)).toBe('NaN');
  });
});

describe('pythonJsonDumps: nesting (found by the fuzzer, test/fuzz)', () => {
  const nested = (depth: number): unknown => {
    let v: unknown = 1n;
    for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
    return v;
  };
  it('encodes values nested as deep as CPython allows', () => {
    expect(pythonJsonDumps(nested(3))).toBe('[{"a": [1]}]');
    // 200 arrays `[…]` (2 characters each), 200 objects `{"a": …}` (7 each) and the `1`.
    expect(pythonJsonDumps(nested(400))?.length).toBe(200 * 2 + 200 * 7 + 1);
  });
  it('gives up (undefined, like a RecursionError in Python) instead of overflowing the stack', () => {
    expect(pythonJsonDumps(nested(50_000))).toBeUndefined();
  });
});
