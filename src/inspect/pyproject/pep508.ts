/** PEP 503 normalisation: `Flask_Login` -> `flask-login`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** `>=8.1,<9` (parentheses removed), or undefined for none. */
  readonly constraint: string | undefined;
  readonly url: string | undefined;
  readonly markers: string | undefined;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*/;

/** `; markers` after a URL or a parenthesised constraint, or the end: what may follow them. */
function markersAfter(rest: string): { markers: string | undefined } | undefined {
  const tail = rest.trimStart();
  if (tail === '') return { markers: undefined };
  return tail.startsWith(';') ? { markers: tail.slice(1).trim() || undefined } : undefined;
}

/**
 * `https://x/y ; markers` after the `@`: the URL is the run of non-space characters if only
 * white space or `; markers` follows it; else, when the run holds a `;` (`x;os_name=="nt" junk`), it
 * ends at the last one and the markers start there. Neither: not a URL requirement.
 */
function urlAndMarkers(text: string): [string | undefined, string | undefined] {
  const run = /^\S+/.exec(text)?.[0];
  if (run === undefined) return [undefined, undefined];
  const after = markersAfter(text.slice(run.length));
  if (after) return [run, after.markers];
  const semicolon = run.lastIndexOf(';');
  if (semicolon < 1) return [undefined, undefined];
  return [run.slice(0, semicolon), text.slice(semicolon + 1).trim() || undefined];
}

/**
 * A PEP 508 requirement string (`click (>=8.1,<9)`, `rich[jupyter]>=13 ; python_version < "3.12"`).
 * Read by a left-to-right scan, linear in the text (a single regular expression backtracked
 * cubically on long runs of white space, found by the fuzzer in a 200 KB pdm.lock).
 */
export function parseRequirement(text: string): Requirement | undefined {
  const trimmed = text.trim();
  const nameMatch = NAME.exec(trimmed)?.[0];
  if (nameMatch === undefined) return undefined;
  // A name ends with a letter or digit: `foo-` is `foo` followed by `-`.
  let end = nameMatch.length;
  while (end > 1 && '._-'.includes(nameMatch[end - 1] as string)) end--;
  const name = nameMatch.slice(0, end);
  let rest = trimmed.slice(name.length).trimStart();
  let extras = '';
  const close = rest.startsWith('[') ? rest.indexOf(']') : -1;
  if (close > 0) {
    extras = rest.slice(1, close);
    rest = rest.slice(close + 1).trimStart();
  }
  let url: string | undefined;
  let spec: string | undefined;
  let markers: string | undefined;
  if (rest.startsWith('@')) [url, markers] = urlAndMarkers(rest.slice(1).trimStart());
  else if (rest.startsWith('(')) {
    const end = rest.indexOf(')');
    const after = end < 0 ? undefined : markersAfter(rest.slice(end + 1));
    if (after) [spec, markers] = [rest.slice(1, end).trim(), after.markers];
  }
  if (url === undefined && spec === undefined) {
    // Anything else: the constraint runs to the first `;`, the markers after it.
    const semicolon = rest.indexOf(';');
    spec = (semicolon < 0 ? rest : rest.slice(0, semicolon)).trim();
    markers = semicolon < 0 ? undefined : rest.slice(semicolon + 1).trim() || undefined;
  }
  return {
    name: normalizeName(name),
    extras: extras
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    constraint: spec === '' ? undefined : spec,
    url,
    markers,
  };
}
