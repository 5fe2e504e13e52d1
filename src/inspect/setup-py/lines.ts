/**
 * Line handling that setuptools applies to requirement and entry point text, shared by the
 * setup.py and setup.cfg readers so both read the same strings the same way.
 */

/** The line breaks of Python's `str.splitlines()` (CR LF counts as one). */
const LINE_BREAKS = new Set([0x0a, 0x0d, 0x0b, 0x0c, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029]);

/** Python's `str.splitlines()`, except that a final line break leaves an empty last line. */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!LINE_BREAKS.has(c)) continue;
    out.push(text.slice(start, i));
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  out.push(text.slice(start));
  return out;
}

export interface TextLine {
  readonly text: string;
  /** 0-based index of the line in the text it came from. */
  readonly index: number;
}

/** `pkg_resources.yield_lines`: stripped lines, without blank ones and `#` comment lines. */
export function yieldLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  splitLines(text).forEach((raw, index) => {
    const line = raw.trim();
    if (line !== '' && !line.startsWith('#')) out.push({ text: line, index });
  });
  return out;
}

/**
 * Requirement strings as setuptools finally reads them (`setuptools._reqs.parse_strings`):
 * yield_lines, then ` #` comments cut off, then lines ending in a backslash joined to the next.
 */
export function requirementLines(texts: readonly string[]): string[] {
  const lines = texts.flatMap((text) => yieldLines(text).map((line) => line.text.split(' #')[0] ?? ''));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let item = lines[i] ?? '';
    let complete = true;
    while (item.endsWith('\\')) {
      const next = lines[i + 1];
      if (next === undefined) {
        complete = false;
        break;
      }
      // jaraco.text.join_continuation drops the backslash and the character before it.
      item = item.slice(0, -2).trim() + next;
      i++;
    }
    if (complete) out.push(item.trimEnd());
  }
  return out;
}

export interface EntryPointSpec {
  readonly name: string;
  readonly target: string;
}

/** One `name = module:attr` entry point, as importlib.metadata splits it; undefined without `=`. */
export function parseEntryPoint(text: string): EntryPointSpec | undefined {
  const eq = text.indexOf('=');
  if (eq < 0) return undefined;
  const name = text.slice(0, eq).trim();
  const target = text.slice(eq + 1).trim();
  return name !== '' && target !== '' ? { name, target } : undefined;
}

/**
 * The `[group]` sections of entry point text (`entry_points="""[console_scripts] ..."""` in
 * setup.py), as importlib.metadata's `Sectioned` reads it: lines before any header are dropped.
 */
export function entryPointSections(text: string): Map<string, TextLine[]> {
  const sections = new Map<string, TextLine[]>();
  let current: TextLine[] | undefined;
  for (const line of yieldLines(text)) {
    if (line.text.startsWith('[') && line.text.endsWith(']')) {
      const name = line.text.slice(1, -1).trim();
      current = sections.get(name) ?? [];
      sections.set(name, current);
    } else current?.push(line);
  }
  return sections;
}

/** Environment marker variables: a single-line `a; python_version<"3.8"` split on `;` leaves one of these. */
export const MARKER_VARIABLES = [
  'python_version', 'python_full_version', 'os_name', 'sys_platform', 'platform_release', 'platform_system', 'platform_version',
  'platform_machine', 'platform_python_implementation', 'implementation_name', 'implementation_version', 'extra', 'os.name',
  'sys.platform', 'platform.version', 'platform.machine', 'platform.python_implementation',
] as const;
