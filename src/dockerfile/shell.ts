import type { LineIndex, Range } from './text.js';

/** One shell word: `value` has quotes removed (expansions such as `$X` are kept as written). */
export interface Word {
  readonly value: string;
  readonly raw: string;
  readonly range: Range;
  readonly quoted: boolean;
  /** Contains `$`, `$(`, or backticks outside single quotes. */
  readonly hasExpansion: boolean;
}

export type Separator = '&&' | '||' | ';' | '|' | '&' | '\n' | '(' | ')';

export interface Assignment {
  readonly name: string;
  readonly value: string;
  readonly word: Word;
}

/** A simple command of a shell script, e.g. `pip install x` out of `apt-get update && pip install x`. */
export interface ShellCommand {
  /** Every word, including leading assignments and wrappers (`sudo`, `env`, `exec`). */
  readonly words: readonly Word[];
  /** The program and its arguments, wrappers and assignments removed. */
  readonly argv: readonly Word[];
  /** Basename of argv[0] (`/usr/bin/pip3` -> `pip3`); '' when there is none. */
  readonly name: string;
  readonly assignments: readonly Assignment[];
  /** Wrappers that were removed, e.g. `sudo`. */
  readonly wrappers: readonly string[];
  readonly range: Range;
  readonly before: Separator | undefined;
  readonly after: Separator | undefined;
  /** Taken out of an `sh -c '...'` string: word ranges are the whole string's range. */
  readonly nested: boolean;
}

export interface ShellScript {
  readonly commands: readonly ShellCommand[];
}

/** Text with line continuations and continuation comment lines removed, mapped back to document offsets. */
export interface LogicalText {
  readonly text: string;
  /**
   * Runs of text copied verbatim from the document, as flat pairs: the logical index where a run starts and
   * the document offset it comes from (the first pair is always `0, start`).
   */
  readonly runs: readonly number[];
  /** Document offset just after the last character. */
  readonly end: number;
}

/** Document offset of logical index i. */
export function docOffsetOf(l: LogicalText, i: number): number {
  if (i >= l.text.length) return l.end;
  const runs = l.runs;
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs[mid * 2] as number) <= i) lo = mid;
    else hi = mid - 1;
  }
  return (runs[lo * 2 + 1] as number) + (i - (runs[lo * 2] as number));
}

/** The logical characters [a, b) with their mapping. */
export function sliceLogical(l: LogicalText, a: number, b = l.text.length): LogicalText {
  const runs: number[] = [];
  const r = l.runs;
  for (let k = 0; k < r.length; k += 2) {
    const ls = r[k] as number;
    const next = k + 2 < r.length ? (r[k + 2] as number) : Number.POSITIVE_INFINITY;
    if (next <= a || ls >= b) continue;
    const from = Math.max(ls, a);
    runs.push(from - a, (r[k + 1] as number) + (from - ls));
  }
  if (runs.length === 0) runs.push(0, docOffsetOf(l, a));
  return { text: l.text.slice(a, b), runs, end: b >= l.text.length ? l.end : docOffsetOf(l, b) };
}

/**
 * Joins a Dockerfile instruction's continuation lines the way BuildKit does: an escape character at the end
 * of a line joins it with the next; empty lines and comment lines inside a continuation are dropped.
 * After the first real line break (heredoc bodies) the text is copied as is.
 */
export function logicalText(doc: string, start: number, end: number, escapeChar: string): LogicalText {
  const chunks: string[] = [];
  const runs: number[] = [0, start];
  let length = 0;
  let runStart = start;
  let i = start;
  const esc = escapeChar.charCodeAt(0);
  while (i < end) {
    const c = doc.charCodeAt(i);
    if (c === 10) break; // heredoc bodies (after the first real line break) are verbatim
    if (c !== esc) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && (doc[j] === ' ' || doc[j] === '\t')) j++;
    if (doc[j] === '\r') j++;
    if (j < end && doc[j] !== '\n') {
      i = j;
      continue;
    }
    // A continuation: keep what came before the escape character, skip the line break.
    chunks.push(doc.slice(runStart, i));
    length += i - runStart;
    i = j + 1;
    // Skip blank and comment lines that follow a continuation.
    for (;;) {
      let k = i;
      while (k < end && (doc[k] === ' ' || doc[k] === '\t')) k++;
      if (k < end && (doc[k] === '\n' || doc[k] === '\r' || doc[k] === '#')) {
        const nl = doc.indexOf('\n', k);
        if (nl === -1 || nl >= end) {
          i = end;
          break;
        }
        i = nl + 1;
        continue;
      }
      break;
    }
    runStart = Math.min(i, end);
    runs.push(length, runStart);
  }
  chunks.push(doc.slice(runStart, end));
  return { text: chunks.join(''), runs, end };
}

/** Identity mapping for text that is taken verbatim from the document (heredoc bodies). */
export function verbatimText(doc: string, start: number, end: number): LogicalText {
  return { text: doc.slice(start, end), runs: [0, start], end };
}

type Token = { readonly kind: 'word'; readonly word: Word } | { readonly kind: 'op'; readonly op: Separator; readonly at: number };

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'time', 'esac']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh']);

/**
 * A shell option word that takes the script from the next word: `-c`, `-ec`, `-lc`, `-xec`. The part
 * before the `c` has no `c`, so the regex cannot backtrack over a long `-cccc…`.
 */
export function isCommandStringOption(word: string): boolean {
  return /^-[abd-z]*c[a-z]*$/.test(word);
}

export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? p : p.slice(i + 1);
}

interface Options {
  /** All words get this range (text taken out of a quoted `sh -c` string). */
  readonly fixedRange?: Range;
}

/** A small POSIX-shell lexer: enough to find commands, their words and their separators. */
export function parseShell(src: LogicalText, index: LineIndex, options: Options = {}): ShellScript {
  const s = src.text;
  const n = s.length;
  const tokens: Token[] = [];
  const docOffset = (i: number): number => docOffsetOf(src, i);
  const rangeOf = (a: number, b: number): Range =>
    options.fixedRange ?? index.rangeOf(docOffset(a), b > a ? docOffset(b - 1) + 1 : docOffset(a));

  let value = '';
  let start = -1;
  let quoted = false;
  let hasExp = false;
  let dropNext = false;
  const pendingHeredocs: { delim: string; strip: boolean }[] = [];

  const begin = (i: number) => {
    if (start === -1) start = i;
  };
  const flush = (i: number) => {
    if (start === -1) return;
    const word: Word = { value, raw: s.slice(start, i), range: rangeOf(start, i), quoted, hasExpansion: hasExp };
    if (dropNext) dropNext = false;
    else tokens.push({ kind: 'word', word });
    value = '';
    start = -1;
    quoted = false;
    hasExp = false;
  };
  /** Index just after a balanced `$(...)`, `${...}` or backtick group starting at i. */
  const skipGroup = (i: number): number => {
    if (s[i] === '`') {
      let j = i + 1;
      while (j < n && s[j] !== '`') j += s[j] === '\\' ? 2 : 1;
      return Math.min(j + 1, n);
    }
    const open = s[i + 1] as string;
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    let j = i + 1;
    while (j < n) {
      const c = s[j];
      if (c === '\\') {
        j += 2;
        continue;
      }
      if (c === "'" && open === '(') {
        const q = s.indexOf("'", j + 1);
        j = q === -1 ? n : q + 1;
        continue;
      }
      if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) return j + 1;
      }
      j++;
    }
    return n;
  };
  const skipHeredocBodies = (i: number): number => {
    let j = i;
    while (pendingHeredocs.length > 0) {
      const h = pendingHeredocs.shift() as { delim: string; strip: boolean };
      for (;;) {
        if (j >= n) return n;
        const nl = s.indexOf('\n', j);
        const lineEnd = nl === -1 ? n : nl;
        let line = s.slice(j, lineEnd).replace(/\r$/, '');
        if (h.strip) line = line.replace(/^\t+/, '');
        j = nl === -1 ? n : nl + 1;
        if (line === h.delim) break;
      }
    }
    return j;
  };

  let i = 0;
  while (i < n) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t' || c === '\r') {
      flush(i);
      i++;
      continue;
    }
    if (c === '\n') {
      flush(i);
      tokens.push({ kind: 'op', op: '\n', at: i });
      i = skipHeredocBodies(i + 1);
      continue;
    }
    if (c === '#' && start === -1) {
      const nl = s.indexOf('\n', i);
      i = nl === -1 ? n : nl;
      continue;
    }
    if (c === '\\') {
      begin(i);
      if (s[i + 1] === '\n') {
        i += 2;
        continue;
      }
      value += s[i + 1] ?? '';
      quoted = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      begin(i);
      const q = s.indexOf("'", i + 1);
      const endq = q === -1 ? n : q;
      value += s.slice(i + 1, endq);
      quoted = true;
      i = endq + 1;
      continue;
    }
    if (c === '"') {
      begin(i);
      quoted = true;
      let j = i + 1;
      while (j < n && s[j] !== '"') {
        const d = s[j] as string;
        if (d === '\\' && j + 1 < n) {
          const e = s[j + 1] as string;
          if (e === '\n') j += 2;
          else {
            value += '$`"\\'.includes(e) ? e : d + e;
            j += 2;
          }
          continue;
        }
        if ((d === '$' && (s[j + 1] === '(' || s[j + 1] === '{')) || d === '`') {
          const k = skipGroup(j);
          value += s.slice(j, k);
          hasExp = true;
          j = k;
          continue;
        }
        if (d === '$') hasExp = true;
        value += d;
        j++;
      }
      i = j + 1;
      continue;
    }
    if ((c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) || c === '`') {
      begin(i);
      const k = skipGroup(i);
      value += s.slice(i, k);
      hasExp = true;
      i = k;
      continue;
    }
    if (c === '$') {
      begin(i);
      hasExp = true;
      value += c;
      i++;
      continue;
    }
    if (c === '>' || c === '<' || (c === '&' && s[i + 1] === '>')) {
      if (start !== -1 && /^\d+$/.test(value) && !quoted) {
        value = '';
        start = -1;
      } else flush(i);
      if (c === '<' && s[i + 1] === '<' && s[i + 2] !== '<') {
        // heredoc: <<WORD or <<-WORD
        let j = i + 2;
        const strip = s[j] === '-';
        if (strip) j++;
        while (s[j] === ' ' || s[j] === '\t') j++;
        let k = j;
        while (k < n && !/[\s;&|<>()]/.test(s[k] as string)) k++;
        const delim = s.slice(j, k).replace(/["'\\]/g, '');
        if (delim) pendingHeredocs.push({ delim, strip });
        i = k;
        continue;
      }
      let j = i + 1;
      while (j < n && '<>&|'.includes(s[j] as string) && j - i < 3) j++;
      const op = s.slice(i, j);
      if ((op.endsWith('&') || op === '<&' || op === '>&') && /\d|-/.test(s[j] ?? '')) {
        while (j < n && /[\d-]/.test(s[j] as string)) j++;
        i = j;
        continue;
      }
      dropNext = true;
      i = j;
      continue;
    }
    if (c === ';' || c === '|' || c === '&' || ((c === '(' || c === ')') && start === -1)) {
      flush(i);
      const two = s.slice(i, i + 2);
      let op: Separator;
      if (two === '&&' || two === '||') {
        op = two;
        i += 2;
      } else if (two === ';;') {
        op = ';';
        i += 2;
      } else {
        op = c as Separator;
        i += 1;
      }
      tokens.push({ kind: 'op', op, at: i });
      continue;
    }
    begin(i);
    value += c;
    i++;
  }
  flush(n);

  const commands: ShellCommand[] = [];
  let words: Word[] = [];
  let before: Separator | undefined;
  const emit = (after: Separator | undefined) => {
    if (words.length > 0) commands.push(...buildCommand(words, before, after, index, options));
    words = [];
    before = after;
  };
  for (const t of tokens) {
    if (t.kind === 'word') words.push(t.word);
    else emit(t.op);
  }
  emit(undefined);
  return { commands };
}

const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;

function buildCommand(
  words: readonly Word[],
  before: Separator | undefined,
  after: Separator | undefined,
  index: LineIndex,
  options: Options,
): ShellCommand[] {
  const first = words[0] as Word;
  const last = words[words.length - 1] as Word;
  const cmdRange: Range = { start: first.range.start, end: last.range.end };
  const assignments: Assignment[] = [];
  const wrappers: string[] = [];
  let k = 0;
  const assign = (w: Word) => {
    const eq = w.value.indexOf('=');
    assignments.push({ name: w.value.slice(0, eq), value: w.value.slice(eq + 1), word: w });
  };
  for (;;) {
    const w = words[k];
    if (!w) break;
    if (ASSIGN.test(w.raw)) {
      assign(w);
      k++;
      continue;
    }
    if (RESERVED.has(w.value) && !w.quoted) {
      k++;
      continue;
    }
    const name = basename(w.value);
    if (name === 'sudo' || name === 'doas') {
      wrappers.push(name);
      k++;
      while (words[k]?.value.startsWith('-')) {
        const opt = words[k]?.value ?? '';
        k += /^-[ugpUCDrht]$|^--(user|group|prompt|chdir)$/.test(opt) ? 2 : 1;
      }
      continue;
    }
    if (name === 'env') {
      wrappers.push(name);
      k++;
      for (;;) {
        const v = words[k];
        if (!v) break;
        if (v.value === '-u' || v.value === '--unset' || v.value === '-C') k += 2;
        else if (v.value.startsWith('-')) k++;
        else if (ASSIGN.test(v.raw)) {
          assign(v);
          k++;
        } else break;
      }
      continue;
    }
    if (['exec', 'nohup', 'builtin', 'nice', 'ionice', 'stdbuf', 'chronic', 'xargs'].includes(name) || (name === 'command' && !/^-[vV]$/.test(words[k + 1]?.value ?? ''))) {
      wrappers.push(name);
      k++;
      while (words[k]?.value.startsWith('-')) k++;
      continue;
    }
    if (name === 'timeout') {
      wrappers.push(name);
      k++;
      while (words[k]?.value.startsWith('-')) k++;
      k++; // duration
      continue;
    }
    if (name === 'gosu' || name === 'su-exec') {
      wrappers.push(name);
      k += 2;
      continue;
    }
    // `python -m poetry install` is `poetry install` for every purpose here.
    if (/^python[\d.]*$/.test(name) && words[k + 1]?.value === '-m' && ['poetry', 'uv', 'pdm', 'pipenv', 'pipx'].includes(words[k + 2]?.value ?? '')) {
      wrappers.push(`${name} -m`);
      k += 2;
      continue;
    }
    if (name === 'tini' || name === 'dumb-init') {
      wrappers.push(name);
      k++;
      while (words[k]?.value.startsWith('-')) k++;
      continue;
    }
    break;
  }
  const argv = words.slice(k);
  if (argv.length === 0 && assignments.length === 0) return [];
  const name = argv[0] ? basename(argv[0].value) : '';
  const cmd: ShellCommand = { words, argv, name, assignments, wrappers, range: cmdRange, before, after, nested: options.fixedRange !== undefined };
  const out: ShellCommand[] = [cmd];
  // sh -c 'script': the script's commands follow the sh command.
  if (SHELLS.has(name)) {
    for (let j = 1; j < argv.length; j++) {
      const a = argv[j] as Word;
      if (isCommandStringOption(a.value) && !a.quoted) {
        const script = argv[j + 1];
        if (script) {
          const inner = parseShell({ text: script.value, runs: [0, 0], end: 0 }, index, { fixedRange: script.range });
          out.push(...inner.commands);
        }
        break;
      }
      if (!a.value.startsWith('-')) break;
    }
  }
  return out;
}

/** Commands of an exec-form argv (`RUN ["pip", "install", "x"]`), all words at the given ranges. */
export function commandFromArgv(argv: readonly { value: string; range: Range }[], index: LineIndex): ShellScript {
  if (argv.length === 0) return { commands: [] };
  const words: Word[] = argv.map((a) => ({ value: a.value, raw: a.value, range: a.range, quoted: true, hasExpansion: false }));
  return { commands: buildCommand(words, undefined, undefined, index, {}) };
}
