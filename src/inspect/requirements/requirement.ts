import { normalizeName } from '../pyproject/pep508.js';
import { isProjectName, markerProblem, scanExtras, scanName, scanRequirement, type Scan } from './pep508-scan.js';

/** What a requirement line says, before its source and hashes are attached. */
export interface RequirementParts {
  readonly name: string | undefined;
  readonly specifier: string | undefined;
  readonly pinned: string | undefined;
  readonly extras: readonly string[];
  readonly markers: string | undefined;
  readonly url: string | undefined;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

// pip's is_url: the schemes of its link handling and of its VCS backends (git, hg, svn, bzr).
const URL_LINE = /^(?:https?|file|ftp|git|svn|(?:git|hg|svn|bzr)\+[A-Za-z-]+):/i;
const VCS_URL = /^(?:git|svn|(?:git|hg|svn|bzr)\+[A-Za-z-]+):/i;
// pip's ARCHIVE_EXTENSIONS.
const ARCHIVE = /\.(?:whl|zip|tar|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tlz|tar\.lz|tar\.lzma)$/i;
// `name [extras] @`: a PEP 508 direct reference, told apart from a path that contains `@`.
// One `\s*` on each side of the optional extras (not `\s*(?:[...])?\s*`, which backtracks quadratically on a run of spaces).
const DIRECT_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\]\s*)?@/;

export function isUrl(text: string): boolean {
  return URL_LINE.test(text);
}

/** pip's `_looks_like_path`: a separator, or a leading dot. */
function looksLikePath(text: string): boolean {
  return text.includes('/') || text.includes('\\') || text.startsWith('.');
}

/** The `==` version when the specifier pins exactly one version (`==1.2`, `===1.2`; not `==1.*`). */
export function pinnedVersion(specifier: string | undefined): string | undefined {
  if (specifier === undefined || specifier.includes(',')) return undefined;
  if (specifier.startsWith('===')) return specifier.slice(3) || undefined;
  if (!specifier.startsWith('==')) return undefined;
  const version = specifier.slice(2);
  return version === '' || version.endsWith('*') ? undefined : version;
}

/** The last path segment of a URL or path, without query and fragment, percent-decoded when possible. */
function fileName(location: string): string {
  const bare = location.split('#', 1)[0]?.split('?', 1)[0] ?? '';
  const segment = bare.slice(Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Name and version from a wheel file name (`name-version(-build)?-py-abi-platform.whl`). */
export function wheelNameVersion(location: string): { name: string; version: string } | undefined {
  const file = fileName(location);
  if (!file.toLowerCase().endsWith('.whl')) return undefined;
  const parts = file.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts;
  if (name === undefined || version === undefined || !isProjectName(name) || version === '') return undefined;
  return { name: normalizeName(name), version };
}

/** `#egg=name` or `#egg=name[extras]` of a URL: pip's way to name an unnamed URL. */
function eggFragment(url: string): Scan<{ name: string; extras: string[] } | undefined> {
  const hash = url.indexOf('#');
  if (hash < 0) return { ok: true, value: undefined };
  const m = /(?:^|&)egg=([^&]*)/.exec(url.slice(hash + 1));
  if (!m) return { ok: true, value: undefined };
  const egg = m[1] ?? '';
  const end = scanName(egg, 0);
  if (end < 0) return fail(`\`#egg=${egg}\` does not name a project`);
  if (end === egg.length) return { ok: true, value: { name: normalizeName(egg), extras: [] } };
  if (egg[end] !== '[') return fail(`\`#egg=${egg}\` does not name a project`);
  const extras = scanExtras(egg, end);
  if (!extras.ok || extras.value.end !== egg.length) return fail(`\`#egg=${egg}\` does not name a project`);
  return { ok: true, value: { name: normalizeName(egg.slice(0, end)), extras: extras.value.extras } };
}

function checkedMarkers(raw: string | undefined): Scan<string | undefined> {
  const markers = raw?.trim();
  if (markers === undefined || markers === '') return { ok: true, value: undefined };
  const problem = markerProblem(markers);
  return problem === undefined ? { ok: true, value: markers } : fail(problem);
}

/** A URL or path that is the whole requirement: the name comes from `#egg=` or a wheel file name. */
function fromLocation(location: string, extras: readonly string[], markers: string | undefined): Scan<RequirementParts> {
  if (location === '') return fail('it names no file or URL');
  if (/\s/.test(location)) return fail(`\`${location}\` contains a space`);
  const wheel = wheelNameVersion(location);
  if (wheel) return { ok: true, value: { name: wheel.name, specifier: undefined, pinned: wheel.version, extras, markers, url: location } };
  const egg = eggFragment(location);
  if (!egg.ok) return egg;
  return {
    ok: true,
    value: {
      name: egg.value?.name,
      specifier: undefined,
      pinned: undefined,
      extras: extras.length > 0 ? extras : (egg.value?.extras ?? []),
      markers,
      url: location,
    },
  };
}

function fromPep508(text: string, markers: string | undefined): Scan<RequirementParts> {
  const scanned = scanRequirement(text);
  if (!scanned.ok) return scanned;
  const { name, extras, specifier, url } = scanned.value;
  return {
    ok: true,
    value: {
      name: normalizeName(name),
      specifier,
      pinned: url === undefined ? pinnedVersion(specifier) : wheelNameVersion(url)?.version,
      extras,
      markers,
      url,
    },
  };
}

/** pip's `_strip_extras` for paths: `./pkg[dev,test]` -> `./pkg` and the extras. */
function splitPathExtras(path: string): Scan<{ path: string; extras: string[] }> {
  if (!path.endsWith(']')) return { ok: true, value: { path, extras: [] } };
  const open = path.lastIndexOf('[');
  if (open <= 0) return { ok: true, value: { path, extras: [] } };
  const extras = scanExtras(path, open);
  if (!extras.ok) return extras;
  return { ok: true, value: { path: path.slice(0, open), extras: extras.value.extras } };
}

/**
 * A requirement line's argument, read as pip's `parse_req_from_line` does: a URL (markers after
 * `; `), a PEP 508 requirement (markers after `;`, also `name @ url`), or a local path or archive
 * (a separator or leading dot, or an archive extension). pip decides paths against the file
 * system; pycrane decides from the text alone.
 */
export function parseRequirementArg(arg: string): Scan<RequirementParts> {
  const text = arg.trim();
  if (isUrl(text)) {
    const sep = text.indexOf('; ');
    const markers = checkedMarkers(sep < 0 ? undefined : text.slice(sep + 2));
    if (!markers.ok) return markers;
    return fromLocation((sep < 0 ? text : text.slice(0, sep)).trim(), [], markers.value);
  }
  const sep = text.indexOf(';');
  const head = (sep < 0 ? text : text.slice(0, sep)).trim();
  const markers = checkedMarkers(sep < 0 ? undefined : text.slice(sep + 1));
  if (!markers.ok) return markers;
  if (!DIRECT_REFERENCE.test(head) && (looksLikePath(head) || ARCHIVE.test(head))) {
    const split = splitPathExtras(head);
    if (!split.ok) return split;
    return fromLocation(split.value.path, split.value.extras, markers.value);
  }
  return fromPep508(head, markers.value);
}

/**
 * The value of `-e`, read as pip's `parse_editable` does: `name[extras] @ url ; markers`, or a
 * local path (with extras), or a VCS URL that names its project with `#egg=`.
 */
export function parseEditableArg(arg: string): Scan<RequirementParts> {
  const text = arg.trim();
  if (DIRECT_REFERENCE.test(text)) {
    const sep = text.indexOf(';');
    const markers = checkedMarkers(sep < 0 ? undefined : text.slice(sep + 1));
    if (!markers.ok) return markers;
    return fromPep508(sep < 0 ? text : text.slice(0, sep), markers.value);
  }
  const split = splitPathExtras(text);
  if (!split.ok) return split;
  const { path, extras } = split.value;
  if (path.toLowerCase().startsWith('file:') || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) || /^[A-Za-z]:[\\/]/.test(path)) {
    // A local project (pip also takes a plain folder name such as `-e pkg`).
    return fromLocation(path, extras, undefined);
  }
  if (!VCS_URL.test(text)) {
    return fail('an editable requirement must be a local project path or a VCS URL (git+, hg+, svn+, bzr+)');
  }
  const located = fromLocation(text, [], undefined);
  if (located.ok && located.value.name === undefined) {
    return fail('an editable VCS URL must name its project with #egg=name (or be written `name @ URL`)');
  }
  return located;
}
