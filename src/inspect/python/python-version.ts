import type { SourceRef } from '../../core/location.js';
import type { Issue } from '../../core/issue.js';
import { hasOversizedPart, MAX_VERSION_PART_DIGITS } from './constraint.js';

function oversized(what: string, raw: string, source: SourceRef): { pin: undefined; issues: Issue[] } {
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}… (${raw.length} characters)` : raw;
  const message = `${what} names "${shown}", a version with a part longer than ${MAX_VERSION_PART_DIGITS} digits: ignored`;
  return { pin: undefined, issues: [{ code: 'W_PYTHON_VERSION_IGNORED', severity: 'warning', message, source }] };
}

export interface PythonPin {
  /** `3.13` */
  readonly minor: string;
  /** `3.13.5` when the file names a patch release. */
  readonly exact: string | undefined;
  /** The text as written, e.g. `cpython-3.13.5`. */
  readonly raw: string;
  readonly source: SourceRef;
}

/**
 * Reads `.python-version` (pyenv, uv, rye): the first line that is not blank or a comment.
 * Accepts `3.13`, `3.13.5`, `cpython-3.13`, `cpython-3.13.5-linux-x86_64-gnu`, `3.13t`;
 * other interpreters (`pypy3.10`, `system`) are reported and ignored.
 */
export function parsePythonVersion(text: string, file: string): { pin: PythonPin | undefined; issues: Issue[] } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) continue;
    const source = { file, line: i + 1 };
    if (hasOversizedPart(raw)) return oversized(file, raw, source);
    // The suffix starts with a non-digit, so the digits of minor and patch cannot be given to it (linear).
    const m = /^(?:cpython[-@]?|python)?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+._a-z][-+._a-z0-9]*)?$/i.exec(raw);
    if (!m) {
      return {
        pin: undefined,
        issues: [
          {
            code: 'W_PYTHON_VERSION_IGNORED',
            severity: 'warning',
            message: `.python-version names "${raw}", not a CPython version: ignored`,
            source,
          },
        ],
      };
    }
    const minor = `${m[1]}.${m[2]}`;
    return { pin: { minor, exact: m[3] === undefined ? undefined : `${minor}.${m[3]}`, raw, source }, issues: [] };
  }
  return { pin: undefined, issues: [] };
}

/** `runtime.txt` (Heroku and friends): `python-3.11.4` on the first line. */
export function parseRuntimeTxt(text: string, file: string): { pin: PythonPin | undefined; issues: Issue[] } {
  const line = text.split(/\r?\n/).findIndex((l) => l.trim() !== '');
  const raw = (text.split(/\r?\n/)[line] ?? '').trim();
  if (line === -1) return { pin: undefined, issues: [] };
  const source = { file, line: line + 1 };
  if (hasOversizedPart(raw)) return oversized(file, raw, source);
  const m = /^python-(\d+)\.(\d+)(?:\.(\d+))?$/i.exec(raw);
  if (!m) {
    return { pin: undefined, issues: [{ code: 'W_PYTHON_VERSION_IGNORED', severity: 'warning', message: `${file} names "${raw}", not python-X.Y[.Z]: ignored`, source }] };
  }
  const minor = `${m[1]}.${m[2]}`;
  return { pin: { minor, exact: m[3] === undefined ? undefined : `${minor}.${m[3]}`, raw, source }, issues: [] };
}

/** asdf/mise `.tool-versions`: the first version on the `python` line (`python 3.11.4 3.10.0`). */
export function parseToolVersions(text: string, file: string): { pin: PythonPin | undefined; issues: Issue[] } {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const hash = line.indexOf('#');
    const [tool, version] = (hash < 0 ? line : line.slice(0, hash)).trim().split(/\s+/);
    if (tool !== 'python' || version === undefined) continue;
    const parsed = parsePythonVersion(version, file);
    if (!parsed.pin) return { pin: undefined, issues: parsed.issues.map((issue) => ({ ...issue, source: { file, line: i + 1 } })) };
    return { pin: { ...parsed.pin, source: { file, line: i + 1 } }, issues: [] };
  }
  return { pin: undefined, issues: [] };
}
