/** A line as pip sees it: continuation lines joined, comments stripped, trimmed, never empty. */
export interface LogicalLine {
  /** 1-based number of the physical line where it starts. */
  readonly line: number;
  readonly text: string;
}

// Python's str.splitlines() breaks, which pip uses: \r\n, \n, \r and a few rarer separators.
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/** Physical lines of a file, without a UTF-8 BOM and without the empty string a final newline leaves. */
export function physicalLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split(LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

// Python's str whitespace; the ASCII cases are checked first because they are nearly all.
const isSpace = (ch: string | undefined) =>
  ch === ' ' || ch === '\t' || (ch !== undefined && ch.charCodeAt(0) > 8 && (ch.charCodeAt(0) < 14 || (ch.charCodeAt(0) > 127 && /\s/.test(ch))));

/** A whole-line comment, possibly indented: pip's `COMMENT_RE.match`. */
export function isCommentLine(line: string): boolean {
  return /^\s*#/.test(line);
}

/** Removes `#` and what follows when the `#` starts the line or follows whitespace (`pkg#egg` is no comment). */
export function stripComment(line: string): string {
  let at = line.indexOf('#');
  while (at > 0 && !isSpace(line[at - 1])) at = line.indexOf('#', at + 1);
  if (at < 0) return line;
  let start = at;
  while (start > 0 && isSpace(line[start - 1])) start--;
  return line.slice(0, start);
}

function stripBackslashes(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line[start] === '\\') start++;
  while (end > start && line[end - 1] === '\\') end--;
  return line.slice(start, end);
}

/**
 * pip's preprocessing: a line ending in `\` continues on the next one, except a comment line,
 * which ends the continuation (pip-compile writes `--hash=... \` before `# via ...`); then
 * comments are stripped (after joining, as pip does) and empty lines dropped.
 * `${VAR}` is kept as written: pip expands it at install time.
 */
export function logicalLines(text: string | readonly string[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  const emit = (line: number, joined: string) => {
    const stripped = stripComment(joined).trim();
    if (stripped !== '') out.push({ line, text: stripped });
  };
  const lines = typeof text === 'string' ? physicalLines(text) : text;
  let parts: string[] = [];
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const comment = isCommentLine(line);
    if (!line.endsWith('\\') || comment) {
      // The leading space makes the comment strippable after joining.
      const piece = comment ? ` ${line}` : line;
      if (parts.length > 0) {
        parts.push(piece);
        emit(start, parts.join(''));
        parts = [];
      } else {
        emit(i + 1, piece);
      }
    } else {
      if (parts.length === 0) start = i + 1;
      parts.push(stripBackslashes(line));
    }
  }
  if (parts.length > 0) emit(start, parts.join(''));
  return out;
}
