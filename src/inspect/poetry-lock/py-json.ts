/**
 * `json.dumps(value, sort_keys=True)` of CPython, byte for byte: `', '` and `': '`
 * separators, ensure_ascii (`\uXXXX` escapes, lowercase, UTF-16 surrogate pairs), keys
 * sorted by code point, floats as `repr()`. Integers must be bigints (smol-toml's
 * `integersAsBigInt`) so that `1` and `1.0` stay apart, as they do in Python.
 * Returns undefined for values Python's json cannot encode (dates, and nesting deeper than
 * MAX_DEPTH: CPython's encoder stops at its recursion limit of 1000 with a RecursionError).
 */
export function pythonJsonDumps(value: unknown, options: { compact?: boolean } = {}): string | undefined {
  // `separators=(",", ":")` when compact (pipenv), Python's default `", "` and `": "` otherwise (Poetry).
  const [item, key] = options.compact ? [',', ':'] : [', ', ': '];
  try {
    return dump(value, item, key);
  } catch (error) {
    if (error instanceof NotSerializable) return undefined;
    throw error;
  }
}

class NotSerializable extends Error {}

/** Below CPython's recursion limit (1000), and shallow enough for any JS stack. */
const MAX_DEPTH = 500;

function dump(value: unknown, item: string, colon: string, depth = 0): string {
  if (depth > MAX_DEPTH) throw new NotSerializable();
  if (value === null || value === undefined) return 'null';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return pythonFloatRepr(value);
  if (typeof value === 'string') return pythonString(value);
  if (Array.isArray(value)) return `[${value.map((v) => dump(v, item, colon, depth + 1)).join(item)}]`;
  if (value instanceof Date) throw new NotSerializable();
  if (typeof value === 'object') {
    const entries = Object.keys(value).sort(compareCodePoints);
    const record = value as Record<string, unknown>;
    return `{${entries.map((key) => `${pythonString(key)}${colon}${dump(record[key], item, colon, depth + 1)}`).join(item)}}`;
  }
  throw new NotSerializable();
}

/** Python orders str by code point; JS `<` compares UTF-16 code units. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

export function pythonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    const code = s.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `repr(float)` of CPython: shortest round-trip digits, exponent outside 1e-4 <= |x| < 1e16. */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa = '', exp = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (e < -4 || e >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = e < 0 ? '-' : '+';
    return `${sign}${m}e${expSign}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
  const frac = digits.slice(e + 1);
  return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
}
