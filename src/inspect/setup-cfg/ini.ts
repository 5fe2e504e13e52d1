import type { Issue } from '../../core/issue.js';
import type { SourceRef } from '../../core/location.js';

/**
 * INI as Python's configparser reads it with the settings setuptools uses
 * (`ConfigParser()`, `optionxform = str`): `=` or `:` delimiters, values continued on lines
 * indented deeper than their key, blank lines kept inside values, full-line `#` and `;`
 * comments (never inline ones), strict duplicate checks, and `%` interpolation on reading.
 * No npm INI package reads continuation lines this way, hence this reader.
 */

export interface IniValueLine {
  /** The line's text, stripped; '' for a blank line inside a value. */
  readonly text: string;
  readonly line: number;
}

export interface IniOption {
  /** The key as written (configparser with `optionxform = str` keeps its case). */
  readonly key: string;
  readonly source: SourceRef;
  /** The text after the delimiter, then each continuation line. */
  readonly lines: readonly IniValueLine[];
}

export interface IniSection {
  readonly name: string;
  readonly source: SourceRef;
  readonly options: ReadonlyMap<string, IniOption>;
}

export interface IniDocument {
  readonly file: string;
  readonly sections: ReadonlyMap<string, IniSection>;
  /** `[DEFAULT]`: configparser shows these options in every section. */
  readonly defaults: ReadonlyMap<string, IniOption>;
  readonly issues: readonly Issue[];
}

/** The value configparser stores: its lines joined by newlines, trailing whitespace removed. */
export function rawValue(option: IniOption): string {
  return option.lines
    .map((l) => l.text)
    .join('\n')
    .trimEnd();
}

const syntaxIssue = (file: string, line: number, message: string): Issue => ({
  code: 'E_SETUP_CFG_SYNTAX',
  severity: 'error',
  message,
  source: { file, line },
});

/** Reads the whole text in one pass; never throws. Problems configparser would raise on are issues. */
export function readIni(text: string, file = 'setup.cfg'): IniDocument {
  const sections = new Map<string, IniSection>();
  const defaults = new Map<string, IniOption>();
  const issues: Issue[] = [];
  const body = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');

  let current: Map<string, IniOption> | undefined;
  let sectionName = '';
  let option: { key: string; lines: IniValueLine[] } | undefined;
  let indentLevel = 0;
  let missingHeaderReported = false;

  const rows = body.split('\n');
  if (rows[rows.length - 1] === '') rows.pop(); // a final newline ends the last line; it adds no empty one
  rows.forEach((raw, index) => {
    const line = index + 1;
    const stripped = raw.trim();
    const comment = stripped.startsWith('#') || stripped.startsWith(';');
    if (stripped === '' || comment) {
      // A blank line belongs to the value being read; a comment line is dropped.
      if (!comment && option) option.lines.push({ text: '', line });
      return;
    }
    const indent = raw.length - raw.trimStart().length;
    if (option && indent > indentLevel) {
      option.lines.push({ text: stripped, line });
      return;
    }
    indentLevel = indent;
    const close = stripped.lastIndexOf(']');
    if (stripped.startsWith('[') && close > 1) {
      sectionName = stripped.slice(1, close);
      option = undefined;
      if (sectionName === 'DEFAULT') {
        current = defaults;
        return;
      }
      if (sections.has(sectionName)) {
        issues.push(syntaxIssue(file, line, `section [${sectionName}] appears twice: configparser stops with DuplicateSectionError; pycrane read both`));
        current = sections.get(sectionName)?.options as Map<string, IniOption>;
        return;
      }
      current = new Map();
      sections.set(sectionName, { name: sectionName, source: { file, line, column: indent + 1 }, options: current });
      return;
    }
    if (!current) {
      if (!missingHeaderReported)
        issues.push(syntaxIssue(file, line, 'text before the first [section]: configparser stops with MissingSectionHeaderError; pycrane skipped it'));
      missingHeaderReported = true;
      option = undefined;
      return;
    }
    const delimiter = firstDelimiter(stripped);
    const key = delimiter < 0 ? '' : stripped.slice(0, delimiter).trimEnd();
    if (key === '') {
      issues.push(
        syntaxIssue(file, line, `"${stripped}" is not "key = value": configparser fails with ParsingError; pycrane skipped the line`),
      );
      option = { key: '', lines: [] }; // swallow its continuation lines, as configparser does
      return;
    }
    if (current.has(key))
      issues.push(
        syntaxIssue(file, line, `"${key}" appears twice in [${sectionName}]: configparser stops with DuplicateOptionError; pycrane kept the first`),
      );
    const lines: IniValueLine[] = [{ text: stripped.slice(delimiter + 1).trim(), line }];
    option = { key, lines };
    if (!current.has(key)) current.set(key, { key, source: { file, line, column: indent + 1 }, lines });
  });
  return { file, sections, defaults, issues };
}

/** configparser's option pattern takes the key up to the first `=` or `:`. */
function firstDelimiter(text: string): number {
  const eq = text.indexOf('=');
  const colon = text.indexOf(':');
  if (eq < 0) return colon;
  if (colon < 0) return eq;
  return Math.min(eq, colon);
}

/** The options configparser lists for a section: the section's own, then `[DEFAULT]`'s it does not override. */
export function sectionOptions(doc: IniDocument, name: string): IniOption[] {
  const own = doc.sections.get(name)?.options ?? new Map<string, IniOption>();
  return [...own.values(), ...[...doc.defaults.values()].filter((o) => !own.has(o.key))];
}

export type Interpolated = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string };

const MAX_INTERPOLATION_DEPTH = 10;

/**
 * configparser's BasicInterpolation, applied when setuptools reads each value: `%%` is `%`,
 * `%(key)s` is another option of the section (or of `[DEFAULT]`), any other `%` is an error.
 */
export function interpolate(doc: IniDocument, section: string, option: IniOption): Interpolated {
  const own = doc.sections.get(section)?.options;
  const lookup = (key: string): IniOption | undefined => own?.get(key) ?? doc.defaults.get(key);
  const parts: string[] = [];
  // Iterative: each pending item is a raw value still to expand, at a depth.
  const pending: { rest: string; depth: number }[] = [{ rest: rawValue(option), depth: 1 }];
  while (pending.length > 0) {
    const item = pending.pop() as { rest: string; depth: number };
    if (item.depth > MAX_INTERPOLATION_DEPTH)
      return { ok: false, error: `"${option.key}" refers to itself through %(…)s more than ${MAX_INTERPOLATION_DEPTH} levels deep` };
    let rest = item.rest;
    while (rest !== '') {
      const p = rest.indexOf('%');
      if (p < 0) {
        parts.push(rest);
        break;
      }
      parts.push(rest.slice(0, p));
      rest = rest.slice(p);
      const c = rest.charAt(1);
      if (c === '%') {
        parts.push('%');
        rest = rest.slice(2);
      } else if (c === '(') {
        const close = rest.indexOf(')');
        if (close < 3 || rest.charAt(close + 1) !== 's')
          return { ok: false, error: `bad interpolation reference ${JSON.stringify(rest.slice(0, 20))} (write %% for a literal %)` };
        const key = rest.slice(2, close);
        const target = lookup(key);
        if (!target) return { ok: false, error: `%(${key})s names no option of [${section}] (write %% for a literal %)` };
        const value = rawValue(target);
        rest = rest.slice(close + 2);
        if (value.includes('%')) {
          // Expand the reference first, then carry on with the rest of this value.
          pending.push({ rest, depth: item.depth }, { rest: value, depth: item.depth + 1 });
          rest = '';
          break;
        }
        parts.push(value);
      } else return { ok: false, error: `'%' must be followed by '%' or '(' (write %% for a literal %)` };
    }
  }
  return { ok: true, value: parts.join('') };
}
