/** The options pip accepts in a requirements file (pip's SUPPORTED_OPTIONS and SUPPORTED_OPTIONS_REQ). */
interface OptionSpec {
  readonly long: string;
  readonly short?: string;
  readonly takesValue: boolean;
}

const OPTIONS: readonly OptionSpec[] = [
  { long: 'index-url', short: 'i', takesValue: true },
  { long: 'extra-index-url', takesValue: true },
  { long: 'no-index', takesValue: false },
  { long: 'constraint', short: 'c', takesValue: true },
  { long: 'requirement', short: 'r', takesValue: true },
  { long: 'editable', short: 'e', takesValue: true },
  { long: 'find-links', short: 'f', takesValue: true },
  { long: 'no-binary', takesValue: true },
  { long: 'only-binary', takesValue: true },
  { long: 'prefer-binary', takesValue: false },
  { long: 'require-hashes', takesValue: false },
  { long: 'pre', takesValue: false },
  { long: 'trusted-host', takesValue: true },
  { long: 'use-feature', takesValue: true },
  // Per-requirement options.
  { long: 'global-option', takesValue: true },
  { long: 'hash', takesValue: true },
  { long: 'config-settings', short: 'C', takesValue: true },
];

/** `unknown` and `error` stop pip (optparse errors); `ignored` words pip passes over silently. */
export interface OptionProblem {
  readonly kind: 'unknown' | 'error' | 'ignored';
  readonly message: string;
}

/** One option as optparse would read it: the canonical long name, and its value when it takes one. */
export interface ParsedOption {
  readonly name: string;
  readonly value: string | undefined;
}

export interface ParsedOptions {
  readonly options: readonly ParsedOption[];
  /** Sentences for what pip would reject or ignore: unknown options, missing values, stray words. */
  readonly problems: readonly OptionProblem[];
}

/**
 * pip's `break_args_options`: the requirement is everything before the first word that starts
 * with `-`; the rest are options. Only the options are shell-split, so markers keep their quotes.
 */
export function splitArgsOptions(line: string): { args: string; options: string } {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '-' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return { args: line.slice(0, i).trim(), options: line.slice(i) };
    }
  }
  return { args: line.trim(), options: '' };
}

/** Python's `shlex.split` (POSIX mode, no comments); undefined for an unclosed quote or a trailing `\`. */
export function shellSplit(text: string): string[] | undefined {
  const tokens: string[] = [];
  let token: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else token = (token ?? '') + ch;
    } else if (quote === '"') {
      const next = text[i + 1];
      if (ch === '"') quote = undefined;
      else if (ch === '\\' && (next === '"' || next === '\\')) {
        token = (token ?? '') + next;
        i++;
      } else token = (token ?? '') + ch;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') {
      if (token !== undefined) tokens.push(token);
      token = undefined;
    } else if (ch === "'" || ch === '"') {
      token ??= '';
      quote = ch;
    } else if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) return undefined;
      token = (token ?? '') + next;
      i++;
    } else {
      token = (token ?? '') + ch;
    }
  }
  if (quote !== undefined) return undefined;
  if (token !== undefined) tokens.push(token);
  return tokens;
}

/** optparse's long-option lookup: an exact name, or an unambiguous prefix of one. */
function findLong(name: string): OptionSpec | OptionSpec[] | undefined {
  const exact = BY_LONG.get(name);
  if (exact) return exact;
  const candidates = OPTIONS.filter((o) => o.long.startsWith(name));
  if (candidates.length === 1) return candidates[0];
  return candidates.length > 1 ? candidates : undefined;
}

const NO_OPTIONS: ParsedOptions = { options: [], problems: [] };
const BY_LONG = new Map(OPTIONS.map((o) => [o.long, o]));

/** Reads the option words of a line as pip's optparse parser does, collecting problems instead of failing. */
export function parseOptions(text: string): ParsedOptions {
  const options: ParsedOption[] = [];
  const problems: OptionProblem[] = [];
  if (text === '') return NO_OPTIONS;
  // Most option text has no quotes or escapes: splitting on blanks is what shlex would do.
  const words = /['"\\]/.test(text) ? shellSplit(text) : text.split(/[ \t\r\n]+/).filter((w) => w !== '');
  if (words === undefined) {
    return { options, problems: [{ kind: 'error', message: `could not split the options \`${text}\` (an unclosed quote?)` }] };
  }
  let afterUnknown = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let shown = word;
    if (word === '--') {
      // optparse stops reading options here; pip ignores the rest.
      if (i + 1 < words.length) problems.push({ kind: 'error', message: `pip ignores \`${words.slice(i + 1).join(' ')}\` after \`--\`` });
      break;
    } else if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      inline = eq < 0 ? undefined : word.slice(eq + 1);
      shown = `--${name}`;
      const found = findLong(name);
      if (Array.isArray(found)) {
        problems.push({ kind: 'unknown', message: `ambiguous option ${shown} (${found.map((o) => `--${o.long}`).join(', ')})` });
        afterUnknown = true;
        continue;
      }
      spec = found;
    } else if (word.startsWith('-') && word.length > 1) {
      shown = word.slice(0, 2);
      spec = OPTIONS.find((o) => o.short === word[1]);
      if (word.length > 2) inline = word.slice(2);
    } else {
      if (!afterUnknown) problems.push({ kind: 'ignored', message: `pip ignores the word \`${word}\` among the options` });
      continue;
    }
    if (spec === undefined) {
      problems.push({ kind: 'unknown', message: `unknown option ${shown}` });
      afterUnknown = true;
      continue;
    }
    afterUnknown = false;
    if (!spec.takesValue) {
      if (inline !== undefined) problems.push({ kind: 'error', message: `option ${shown} takes no value` });
      else options.push({ name: spec.long, value: undefined });
      continue;
    }
    let value = inline;
    if (value === undefined) {
      value = words[i + 1];
      i++;
    }
    if (value === undefined) problems.push({ kind: 'error', message: `option ${shown} needs a value` });
    else options.push({ name: spec.long, value });
  }
  return { options, problems };
}
