/** CPython's tokenizer refuses more open brackets than this (MAXLEVEL: "too many nested parentheses"). */
export const MAX_BRACKET_DEPTH = 200;
/** Python stops at the first closing bracket that closes nothing; pycrane reads on, up to this many. */
export const MAX_UNMATCHED = 200;
/**
 * Python stops at the first character outside strings and comments that no token can hold (`$`, `?`,
 * a backtick, a control character, U+0085 or any other non-ASCII character that is not part of an
 * identifier); pycrane reads on, up to this many. Past it the file is not Python source, and the parser's
 * error recovery gets slow (seconds for 175,000 of them).
 */
export const MAX_INVALID_CHARACTERS = 200;

/** Why a setup.py is not parsed at all: nesting Python refuses, or text that is not Python. */
export interface Unparseable {
  readonly line: number;
  readonly why: string;
  readonly kind: 'too-deep' | 'not-python' | 'too-large';
}

/** Python 3's tokens are printable ASCII (less `$`, `?`, backtick) and identifier characters; blanks between. */
const isInvalidCharacter = (char: string): boolean =>
  /^[$?`]$/.test(char) || (!/^[\t\n\f\r\x20-\x7e]$/.test(char) && !/^\p{XID_Continue}$/u.test(char));

/**
 * Where the file first opens more than MAX_BRACKET_DEPTH brackets at once, closes more than
 * MAX_UNMATCHED brackets it never opened, or has more than MAX_INVALID_CHARACTERS characters no
 * Python token can hold, skipping strings (all four quote forms, with backslash escapes) and comments;
 * undefined when it does none of these. Python cannot run such a file, and the parser pycrane uses slows
 * down (thousands of error nodes) or fails on it, so it is not parsed at all.
 */
export function unparseableAt(text: string): Unparseable | undefined {
  let depth = 0;
  let unmatched = 0;
  let invalid = 0;
  let line = 1;
  // A byte order mark at the start is allowed.
  for (let i = text.startsWith('\uFEFF') ? 1 : 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\n') line++;
    else if (c === '#') {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      for (; j < text.length && !text.startsWith(quote, j); j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '\n' && quote.length === 1) break; // an unterminated one-line string ends at its line
      }
      for (let k = i; k < Math.min(j, text.length); k++) if (text[k] === '\n') line++;
      i = j + quote.length - 1;
      if (text[j] === '\n' && quote.length === 1) i = j - 1;
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_BRACKET_DEPTH) return { line, why: `more than ${MAX_BRACKET_DEPTH} brackets open at once`, kind: 'too-deep' };
    } else if (c === ')' || c === ']' || c === '}') {
      if (depth > 0) depth--;
      else if (++unmatched > MAX_UNMATCHED) return { line, why: `more than ${MAX_UNMATCHED} closing brackets that close nothing`, kind: 'too-deep' };
    } else if (c > '\u007e' || c < ' ' || c === '$' || c === '?' || c === '`') {
      // A character beyond the BMP is two code units: test it whole.
      const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
      i += char.length - 1;
      if (isInvalidCharacter(char) && ++invalid > MAX_INVALID_CHARACTERS) {
        return { line, why: `more than ${MAX_INVALID_CHARACTERS} characters outside strings and comments that are not Python`, kind: 'not-python' };
      }
    }
  }
  return undefined;
}
