/**
 * A linear-time scanner for PEP 508 requirement strings and environment markers, strict
 * enough to tell a requirement from a stray line; no regex runs over an unbounded
 * ambiguous pattern, so a hostile or huge line costs time proportional to its length.
 */

export interface ScannedRequirement {
  /** The project name as written. */
  readonly name: string;
  readonly extras: readonly string[];
  /** Clauses without spaces, joined by `,`; undefined for none. */
  readonly specifier: string | undefined;
  readonly url: string | undefined;
}

export type Scan<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

// Character classes by code, not regex: these run once per character of every line.
function isAlnumCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
const isAlnum = (ch: string | undefined) => ch !== undefined && isAlnumCode(ch.charCodeAt(0));
const isNameChar = (ch: string | undefined) => ch !== undefined && (isAlnumCode(ch.charCodeAt(0)) || ch === '.' || ch === '_' || ch === '-');
const isWordChar = (ch: string | undefined) => ch !== undefined && (isAlnumCode(ch.charCodeAt(0)) || ch === '_' || ch === '.');
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';
const isBlank = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';

function skipSpaces(text: string, at: number): number {
  let i = at;
  while (isSpace(text[i])) i++;
  return i;
}

/** The end of a PEP 508 name starting at `at`, or -1 when none starts there or it ends in `.`, `_`, `-`. */
export function scanName(text: string, at: number): number {
  if (!isAlnum(text[at])) return -1;
  let i = at + 1;
  while (isNameChar(text[i])) i++;
  return isAlnum(text[i - 1]) ? i : -1;
}

export function isProjectName(text: string): boolean {
  return scanName(text, 0) === text.length && text.length > 0;
}

/** `[a, b]` starting at `at` (which is `[`): the extras and the index after `]`. */
export function scanExtras(text: string, at: number): Scan<{ extras: string[]; end: number }> {
  const close = text.indexOf(']', at);
  if (close < 0) return fail('an extras list has no closing `]`');
  const extras = text
    .slice(at + 1, close)
    .split(',')
    .map((e) => e.trim());
  if (extras.length === 1 && extras[0] === '') return { ok: true, value: { extras: [], end: close + 1 } };
  const bad = extras.find((e) => !isProjectName(e));
  if (bad !== undefined) return fail(`\`${bad}\` is not a valid extra name`);
  return { ok: true, value: { extras, end: close + 1 } };
}

const OPERATORS = ['===', '==', '!=', '<=', '>=', '~=', '<', '>'] as const;
const VERSION = /^[A-Za-z0-9_.+!-]+$/;

/** One clause such as `>= 2.8.1` or `== 2.8.*`, returned without spaces. */
function scanClause(raw: string): Scan<string> {
  const clause = raw.trim();
  const op = OPERATORS.find((o) => clause.startsWith(o));
  if (op === undefined) return fail(`\`${clause}\` does not start with a version operator`);
  const version = clause.slice(op.length).trim();
  if (version === '') return fail(`\`${clause}\` has no version`);
  if (/\s/.test(version)) return fail(`\`${clause}\` has a space inside its version`);
  if (op === '===') return { ok: true, value: op + version };
  const wildcard = version.endsWith('.*');
  const base = wildcard ? version.slice(0, -2) : version;
  if (!VERSION.test(base)) return fail(`\`${version}\` is not a version`);
  if (wildcard && op !== '==' && op !== '!=') return fail(`a wildcard version is only allowed with == and !=, not in \`${clause}\``);
  return { ok: true, value: op + version };
}

/** A specifier list (`>=2, <3`); the empty string is no specifier. */
export function scanSpecifier(text: string): Scan<string | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const clauses: string[] = [];
  for (const raw of trimmed.split(',')) {
    const clause = scanClause(raw);
    if (!clause.ok) return clause;
    clauses.push(clause.value);
  }
  return { ok: true, value: clauses.join(',') };
}

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** A PEP 508 requirement without its markers: `name [extras] (specifier | @ url)`. */
export function scanRequirement(text: string): Scan<ScannedRequirement> {
  const start = skipSpaces(text, 0);
  const nameEnd = scanName(text, start);
  if (nameEnd < 0) return fail('it does not start with a valid project name');
  const name = text.slice(start, nameEnd);
  let i = skipSpaces(text, nameEnd);
  let extras: string[] = [];
  if (text[i] === '[') {
    const scanned = scanExtras(text, i);
    if (!scanned.ok) return scanned;
    extras = scanned.value.extras;
    i = skipSpaces(text, scanned.value.end);
  }
  if (text[i] === '@') {
    const url = text.slice(i + 1).trim();
    if (url === '') return fail('nothing follows `@`');
    if (/\s/.test(url)) return fail(`the URL \`${url}\` contains a space`);
    if (!URL_SCHEME.test(url)) return fail(`\`${url}\` is not a URL (no scheme)`);
    return { ok: true, value: { name, extras, specifier: undefined, url } };
  }
  let rest = text.slice(i).trim();
  if (rest.startsWith('(')) {
    if (!rest.endsWith(')')) return fail('a parenthesised specifier has no closing `)`');
    rest = rest.slice(1, -1);
  }
  const specifier = scanSpecifier(rest);
  if (!specifier.ok) return specifier;
  return { ok: true, value: { name, extras, specifier: specifier.value, url: undefined } };
}

const MARKER_VARIABLES = new Set([
  'python_version',
  'python_full_version',
  'os_name',
  'sys_platform',
  'platform_release',
  'platform_system',
  'platform_version',
  'platform_machine',
  'platform_python_implementation',
  'implementation_name',
  'implementation_version',
  'extra',
  'extras',
  'dependency_groups',
  // Legacy spellings packaging still accepts.
  'os.name',
  'sys.platform',
  'platform.version',
  'platform.machine',
  'platform.python_implementation',
  'python_implementation',
]);

type MarkerToken = '(' | ')' | 'value' | 'op' | 'and' | 'or';

/** Splits a marker into tokens, or returns the reason it cannot be split. */
function markerTokens(text: string): Scan<MarkerToken[]> {
  const tokens: MarkerToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (isBlank(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push(ch);
      i++;
    } else if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return fail(`a quoted string in the markers is not closed`);
      tokens.push('value');
      i = close + 1;
    } else if ('<>=!~'.includes(ch)) {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) return fail(`\`${ch}\` is not a marker operator`);
      tokens.push('op');
      i += op.length;
    } else if (ch === '_' || isAlnumCode(ch.charCodeAt(0))) {
      let j = i + 1;
      while (isWordChar(text[j])) j++;
      const word = text.slice(i, j);
      if (word === 'and' || word === 'or') tokens.push(word);
      else if (word === 'in') tokens.push('op');
      else if (word === 'not') {
        const k = skipSpaces(text, j);
        if (!text.startsWith('in', k) || isWordChar(text[k + 2])) return fail('`not` must be followed by `in`');
        tokens.push('op');
        j = k + 2;
      } else if (MARKER_VARIABLES.has(word)) tokens.push('value');
      else return fail(`\`${word}\` is not a marker variable`);
      i = j;
    } else {
      return fail(`unexpected \`${ch}\` in the markers`);
    }
  }
  return { ok: true, value: tokens };
}

/**
 * Checks PEP 508 marker syntax with a small state machine and a depth counter, not recursion,
 * so deeply nested parentheses cost nothing extra. Returns undefined when the markers are valid.
 */
export function markerProblem(text: string): string | undefined {
  const scanned = markerTokens(text);
  if (!scanned.ok) return scanned.reason;
  // operand: a marker expression or `(` may start; op: after the left value; value: after the
  // operator; joint: after a complete expression (`and`, `or`, `)` or the end may follow).
  let state: 'operand' | 'op' | 'value' | 'joint' = 'operand';
  let depth = 0;
  for (const token of scanned.value) {
    if (state === 'operand' && token === '(') depth++;
    else if (state === 'operand' && token === 'value') state = 'op';
    else if (state === 'op' && token === 'op') state = 'value';
    else if (state === 'value' && token === 'value') state = 'joint';
    else if (state === 'joint' && token === ')' && depth > 0) depth--;
    else if (state === 'joint' && (token === 'and' || token === 'or')) state = 'operand';
    else return 'the markers are not of the form `variable operator "value"` joined by and/or';
  }
  if (state !== 'joint') return scanned.value.length === 0 ? 'the markers after `;` are empty' : 'the markers end too early';
  if (depth > 0) return 'a `(` in the markers is not closed';
  return undefined;
}
