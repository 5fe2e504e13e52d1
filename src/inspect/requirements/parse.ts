import type { Issue } from '../../core/issue.js';
import { fact, type Fact, type SourceRef } from '../../core/location.js';
import type { FileReader } from '../../core/reader.js';
import { detectHeader } from './header.js';
import { logicalLines, physicalLines, type LogicalLine } from './lines.js';
import { parseOptions, splitArgsOptions, type OptionProblem, type ParsedOption } from './options.js';
import { normalizeRelative, resolveInclude } from './paths.js';
import type { Scan } from './pep508-scan.js';
import { parseEditableArg, parseRequirementArg, type RequirementParts } from './requirement.js';
import type { RequirementLine, RequirementsFile } from './types.js';

export type { CompiledHeader, HeaderTool, RequirementLine, RequirementsFile } from './types.js';

/** A file being read: the include stack holds these instead of recursing, so `-r` chains can be long. */
interface Frame {
  readonly file: string;
  readonly constraint: boolean;
  readonly lines: readonly LogicalLine[];
  next: number;
}

interface Include {
  readonly target: string;
  readonly constraint: boolean;
  readonly flag: string;
  readonly source: SourceRef;
}

/** What the lines read so far have found. */
interface Found {
  readonly requirements: RequirementLine[];
  readonly constraints: RequirementLine[];
  readonly includes: string[];
  readonly constraintFiles: string[];
  indexUrl: Fact<string> | undefined;
  readonly extraIndexUrls: Fact<string>[];
  readonly findLinks: Fact<string>[];
  noIndex: boolean;
  readonly issues: Issue[];
}

// Hash algorithms pip's --hash accepts (pip's STRONG_HASHES).
const HASH = /^(?:sha256|sha384|sha512):.+$/;
// Options pip applies to the requirement on the same line; it ignores the others there.
const REQUIREMENT_OPTIONS = new Set(['hash', 'global-option', 'config-settings']);
const REMOTE = /^(?:https?|file):/i;

const warn = (found: Found, code: string, message: string, source: SourceRef) =>
  found.issues.push({ code, severity: 'warning', message, source });

const optionList = (options: readonly ParsedOption[]) => [...new Set(options.map((o) => `--${o.name}`))].join(', ');

function addRequirement(found: Found, frame: Frame, parts: RequirementParts, hashes: string[], editable: boolean, source: SourceRef) {
  if (frame.constraint && (editable || parts.name === undefined)) {
    const what = editable ? 'an editable requirement' : 'a requirement without a project name';
    warn(found, 'W_REQUIREMENTS_BAD_CONSTRAINT', `${what} cannot be a constraint (pip refuses it): pycrane skipped it`, source);
    return;
  }
  // Spelled out, not spread: this runs for every requirement of files with tens of thousands.
  const line: RequirementLine = {
    name: parts.name,
    specifier: parts.specifier,
    pinned: parts.pinned,
    extras: parts.extras,
    markers: parts.markers,
    hashes,
    url: parts.url,
    editable,
    source,
  };
  (frame.constraint ? found.constraints : found.requirements).push(line);
}

/** The hashes of a requirement line; hashes pip would reject are reported and left out. */
function hashesOf(found: Found, options: readonly ParsedOption[], source: SourceRef): string[] {
  const hashes: string[] = [];
  for (const option of options) {
    if (option.name !== 'hash' || option.value === undefined) continue;
    if (HASH.test(option.value)) hashes.push(option.value);
    else warn(found, 'W_REQUIREMENTS_BAD_HASH', `--hash=${option.value} is not sha256:, sha384: or sha512: followed by a digest (pip refuses it): pycrane left it out`, source);
  }
  return hashes;
}

function reportProblems(found: Found, problems: readonly OptionProblem[], source: SourceRef) {
  for (const problem of problems) {
    if (problem.kind === 'ignored') warn(found, 'W_REQUIREMENTS_IGNORED_OPTION', `${problem.message}: so did pycrane`, source);
    else {
      const code = problem.kind === 'unknown' ? 'W_REQUIREMENTS_UNKNOWN_OPTION' : 'W_REQUIREMENTS_BAD_OPTION';
      warn(found, code, `${problem.message} (pip would stop with an error): pycrane ignored it`, source);
    }
  }
}

function reportIgnored(found: Found, ignored: readonly ParsedOption[], where: string, source: SourceRef) {
  if (ignored.length > 0) warn(found, 'W_REQUIREMENTS_IGNORED_OPTION', `pip ignores ${optionList(ignored)} on ${where}: so did pycrane`, source);
}

function addParsed(found: Found, frame: Frame, parsed: Scan<RequirementParts>, text: string, editable: boolean, hashes: string[], source: SourceRef) {
  if (parsed.ok) addRequirement(found, frame, parsed.value, hashes, editable, source);
  else warn(found, 'W_BAD_REQUIREMENT', `\`${text}\` is not a valid requirement: ${parsed.reason}; pycrane skipped the line`, source);
}

/**
 * One logical line, as pip's `handle_line` treats it: a requirement (with its per-requirement
 * options), an editable, an include, or global options. Returns the include to read, if any.
 */
function readLine(found: Found, frame: Frame, line: LogicalLine): Include | undefined {
  const source = { file: frame.file, line: line.line };
  const { args, options: optionText } = splitArgsOptions(line.text);
  const { options, problems } = parseOptions(optionText);
  if (problems.length > 0) reportProblems(found, problems, source);

  if (args !== '') {
    if (options.length > 0) reportIgnored(found, options.filter((o) => !REQUIREMENT_OPTIONS.has(o.name)), 'a requirement line', source);
    addParsed(found, frame, parseRequirementArg(args), args, false, options.length > 0 ? hashesOf(found, options, source) : [], source);
    return undefined;
  }
  const editable = options.find((o) => o.name === 'editable');
  if (editable !== undefined) {
    reportIgnored(found, options.filter((o) => o !== editable && o.name !== 'config-settings'), 'an editable line', source);
    const value = editable.value ?? '';
    addParsed(found, frame, parseEditableArg(value), `-e ${value}`, true, [], source);
    return undefined;
  }
  const include = options.find((o) => o.name === 'requirement') ?? options.find((o) => o.name === 'constraint');
  if (include !== undefined) {
    reportIgnored(found, options.filter((o) => o !== include), `a line with --${include.name}`, source);
    const flag = include.name === 'requirement' ? '-r' : '-c';
    return { target: include.value ?? '', constraint: include.name === 'constraint', flag, source };
  }
  for (const option of options) {
    const value = option.value ?? '';
    if (option.name === 'index-url') found.indexUrl = fact(value, source);
    else if (option.name === 'extra-index-url') found.extraIndexUrls.push(fact(value, source));
    else if (option.name === 'find-links') found.findLinks.push(fact(value, source));
    else if (option.name === 'no-index') found.noIndex = true;
    else if (option.name === 'hash') warn(found, 'W_REQUIREMENTS_HASH_WITHOUT_REQUIREMENT', `--hash=${value} follows no requirement (pip ignores it): so did pycrane`, source);
  }
  return undefined;
}

async function readText(reader: FileReader, file: string): Promise<{ text: string | undefined } | { error: string }> {
  try {
    return { text: await reader.read(file) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const emptyFound = (): Found => ({
  requirements: [],
  constraints: [],
  includes: [],
  constraintFiles: [],
  indexUrl: undefined,
  extraIndexUrls: [],
  findLinks: [],
  noIndex: false,
  issues: [],
});

/**
 * Reads a pip requirements file and, transitively, the files it includes with `-r` and `-c`
 * (relative to the including file's folder, as pip resolves them). Includes are read
 * depth-first with an explicit stack; a file already read the same way is not read again
 * (pip would repeat its lines; a loop is reported instead of followed). URLs in `-r` are
 * not fetched. Undefined when `path` does not exist; never throws for any content.
 */
export async function readRequirementsFile(reader: FileReader, path: string): Promise<RequirementsFile | undefined> {
  const rootFile = normalizeRelative(path.replace(/^\.\//, '')) ?? path;
  const found = emptyFound();
  const first = await readText(reader, path);
  if ('error' in first) {
    found.issues.push({ code: 'E_REQUIREMENTS_UNREADABLE', severity: 'error', message: `could not read ${path}: ${first.error}`, source: { file: rootFile, line: 1 } });
    return finish(path, found, undefined);
  }
  if (first.text === undefined) return undefined;

  const rootLines = physicalLines(first.text);
  const stack: Frame[] = [{ file: rootFile, constraint: false, lines: logicalLines(rootLines), next: 0 }];
  const reading = new Set([rootFile]);
  const read = new Set([`r:${rootFile}`]);
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    const line = frame.lines[frame.next];
    frame.next++;
    if (line === undefined) {
      stack.pop();
      reading.delete(frame.file);
      continue;
    }
    const include = readLine(found, frame, line);
    if (include === undefined) continue;
    const { target, constraint, flag, source } = include;
    if (REMOTE.test(target)) {
      warn(found, 'W_REQUIREMENTS_REMOTE_INCLUDE', `${flag} ${target} is a URL: pycrane does not fetch it, so its requirements are missing here`, source);
      continue;
    }
    if (target.includes('${')) {
      warn(found, 'W_REQUIREMENTS_ENV_INCLUDE', `${flag} ${target} names an environment variable pip expands at install time: pycrane did not read it`, source);
      continue;
    }
    const file = resolveInclude(frame.file, target);
    if (file === undefined) {
      warn(found, 'W_REQUIREMENTS_OUTSIDE_PROJECT', `${flag} ${target} is outside the project folder: pycrane did not read it`, source);
      continue;
    }
    if (reading.has(file)) {
      const chain = [...stack.map((f) => f.file), file].join(' -> ');
      found.issues.push({ code: 'E_REQUIREMENTS_LOOP', severity: 'error', message: `${flag} ${target} includes a file that includes it (${chain}): pycrane did not read it again`, source });
      continue;
    }
    const key = `${constraint ? 'c' : 'r'}:${file}`;
    if (read.has(key)) continue;
    const included = await readText(reader, file);
    if ('error' in included || included.text === undefined) {
      const why = 'error' in included ? `could not be read (${included.error})` : 'does not exist';
      const code = 'error' in included ? 'E_REQUIREMENTS_UNREADABLE' : 'E_REQUIREMENTS_MISSING_INCLUDE';
      found.issues.push({ code, severity: 'error', message: `${flag} ${target}: ${file} ${why}, so its requirements are missing here`, source });
      continue;
    }
    read.add(key);
    (constraint ? found.constraintFiles : found.includes).push(file);
    stack.push({ file, constraint, lines: logicalLines(included.text), next: 0 });
    reading.add(file);
  }
  return finish(path, found, detectHeader(rootLines, rootFile));
}

function finish(path: string, found: Found, header: RequirementsFile['header']): RequirementsFile {
  const { requirements } = found;
  return {
    path,
    requirements,
    constraints: found.constraints,
    includes: found.includes,
    constraintFiles: found.constraintFiles,
    indexUrl: found.indexUrl,
    extraIndexUrls: found.extraIndexUrls,
    findLinks: found.findLinks,
    noIndex: found.noIndex,
    header,
    hashes: requirements.length > 0 && requirements.every((r) => r.hashes.length > 0),
    pinned: requirements.length > 0 && requirements.every((r) => r.pinned !== undefined || r.url !== undefined),
    issues: found.issues,
  };
}
