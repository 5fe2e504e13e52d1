import { UserError } from '../../src/core/errors.js';
import { memoryReader } from '../../src/core/reader.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { generateSetup } from '../../src/generate/index.js';
import { inspectProject } from '../../src/inspect/index.js';
import type { ProjectFacts } from '../../src/inspect/model.js';
import { pdmLockFreshness } from '../../src/inspect/pdm-lock/content-hash.js';
import { parsePdmLock } from '../../src/inspect/pdm-lock/parse.js';
import { parsePipfileLock, pipfileLockFreshness, readPipfile } from '../../src/inspect/pipfile/parse.js';
import { parsePoetryLock } from '../../src/inspect/poetry-lock/parse.js';
import { readPyproject } from '../../src/inspect/pyproject/project.js';
import { parsePythonVersion, parseRuntimeTxt, parseToolVersions } from '../../src/inspect/python/python-version.js';
import { readRequirementsFile } from '../../src/inspect/requirements/parse.js';
import { readSetupCfg } from '../../src/inspect/setup-cfg/read.js';
import { readSetupPy } from '../../src/inspect/setup-py/read.js';
import { locateToml } from '../../src/inspect/toml/locate.js';
import { parseToml, type TomlTable } from '../../src/inspect/toml/parse.js';
import { uvLockFreshness } from '../../src/inspect/uv-lock/freshness.js';
import { parseUvLock } from '../../src/inspect/uv-lock/parse.js';
import { lint } from '../../src/lint/engine.js';
import { isIgnored } from '../../src/lint/ignore-match.js';
import { parseIgnoreFile, parseJsoncFile, parseYamlFile } from '../../src/lint/files.js';
import { formatGithub } from '../../src/lint/reporters/github.js';
import { formatJson } from '../../src/lint/reporters/json.js';
import { formatSarif } from '../../src/lint/reporters/sarif.js';
import { formatStylish } from '../../src/lint/reporters/stylish.js';
import { allRules } from '../../src/lint/rules/index.js';
import type { LintInput, TextFile } from '../../src/lint/types.js';
import type { Format } from './dictionary.js';

/** A kind of user file, the entry points it reaches, and where its seeds are. */
export interface Family {
  readonly name: string;
  /** Extension of saved crashers. */
  readonly ext: string;
  readonly format: Format;
  /** Which files of a seed project this family mutates. */
  readonly matches: (file: string) => boolean;
  /** The direct parser calls on the mutated text (the project-level calls follow, see runInput). */
  readonly parse: (text: string, file: string, project: Readonly<Record<string, string>>) => unknown;
  /** `check` (lint + reporters) on the project, instead of `inspect` + `init`. */
  readonly lints?: boolean;
}

const TODAY = '2026-01-01';
const NOW = new Date(`${TODAY}T00:00:00Z`);
const COMPOSE = /^(?:.*\/)?(?:docker-)?compose(?:\.[^/]*)?\.ya?ml$/;

function tomlOf(text: string | undefined): TomlTable | undefined {
  if (text === undefined) return undefined;
  try {
    return parseToml(text, 'pyproject.toml');
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

export const FAMILIES: readonly Family[] = [
  {
    name: 'pyproject', ext: 'toml', format: 'toml', matches: (f) => f === 'pyproject.toml',
    parse: (text, file) => readPyproject(parseToml(text, file), locateToml(text, file)),
  },
  { name: 'poetry-lock', ext: 'lock', format: 'toml', matches: (f) => f === 'poetry.lock', parse: (text, file) => parsePoetryLock(text, file) },
  {
    name: 'uv-lock', ext: 'lock', format: 'toml', matches: (f) => f === 'uv.lock',
    parse: (text, file, project) => {
      const lock = parseUvLock(text, file);
      const pyproject = tomlOf(project['pyproject.toml']);
      return pyproject ? uvLockFreshness(lock, pyproject) : lock;
    },
  },
  {
    name: 'pdm-lock', ext: 'lock', format: 'toml', matches: (f) => f === 'pdm.lock',
    parse: (text, file, project) => {
      const pyproject = tomlOf(project['pyproject.toml']);
      const lock = parsePdmLock(text, file, pyproject ? { pyproject } : {});
      return pyproject ? pdmLockFreshness(lock, pyproject) : lock;
    },
  },
  {
    name: 'pipfile', ext: 'toml', format: 'toml', matches: (f) => f === 'Pipfile',
    parse: (text, file, project) => {
      const facts = readPipfile(text, file);
      const lock = project['Pipfile.lock'];
      return lock === undefined ? facts : pipfileLockFreshness(text, parsePipfileLock(lock));
    },
  },
  {
    name: 'pipfile-lock', ext: 'json', format: 'json', matches: (f) => f === 'Pipfile.lock',
    parse: (text, file, project) => pipfileLockFreshness(project.Pipfile ?? '', parsePipfileLock(text, file)),
  },
  {
    name: 'requirements', ext: 'txt', format: 'requirements', matches: (f) => /\.(txt|in)$/.test(f) && !/(^|\/)runtime\.txt$/.test(f),
    parse: (text, file, project) => readRequirementsFile(memoryReader({ ...project, [file]: text }), file),
  },
  { name: 'setup-cfg', ext: 'cfg', format: 'ini', matches: (f) => f === 'setup.cfg', parse: (text, file) => readSetupCfg(text, file) },
  { name: 'setup-py', ext: 'py', format: 'python', matches: (f) => f === 'setup.py', parse: (text, file) => readSetupPy(text, file) },
  {
    name: 'python-version', ext: 'txt', format: 'python-version', matches: (f) => f === '.python-version',
    parse: (text, file) => [parsePythonVersion(text, file), parseRuntimeTxt(text, 'runtime.txt'), parseToolVersions(text, '.tool-versions')],
  },
  { name: 'dockerfile', ext: 'Dockerfile', format: 'dockerfile', lints: true, matches: (f) => f === 'Dockerfile', parse: (text) => parseDockerfile(text) },
  { name: 'compose', ext: 'yaml', format: 'yaml', lints: true, matches: (f) => COMPOSE.test(f), parse: (text, file) => parseYamlFile({ path: file, text }) },
  {
    name: 'devcontainer', ext: 'json', format: 'json', lints: true, matches: (f) => /(^|\/)\.?devcontainer\.json$/.test(f),
    parse: (text, file) => parseJsoncFile({ path: file, text }),
  },
  {
    name: 'dockerignore', ext: 'dockerignore', format: 'dockerignore', lints: true, matches: (f) => f === '.dockerignore',
    parse: (text, file) => {
      const ignore = parseIgnoreFile({ path: file, text });
      return ['pyproject.toml', 'src/app/__init__.py', '.git/config', 'a/b/c/d/e/f.txt', '.env'].map((p) => isIgnored(ignore, p));
    },
  },
];

export function familyNamed(name: string): Family {
  const family = FAMILIES.find((f) => f.name === name);
  if (!family) throw new Error(`no fuzz family "${name}" (one of ${FAMILIES.map((f) => f.name).join(', ')})`);
  return family;
}

/** What `pycrane check` lints in a project folder (see src/cli/commands/check-run.ts). */
function lintInputOf(project: Readonly<Record<string, string>>): Omit<LintInput, 'facts' | 'projectError'> {
  const file = (p: string): TextFile | undefined => (project[p] === undefined ? undefined : { path: p, text: project[p] });
  const composePath = Object.keys(project).find((p) => COMPOSE.test(p) && !p.includes('/')) ?? Object.keys(project).find((p) => COMPOSE.test(p));
  const dockerfile = file('Dockerfile');
  const compose = composePath === undefined ? undefined : file(composePath);
  const devcontainer = file('.devcontainer/devcontainer.json') ?? file('.devcontainer.json');
  return {
    ...(dockerfile ? { dockerfile } : {}),
    ...(compose ? { compose } : {}),
    ...(devcontainer ? { devcontainer } : {}),
    ...(dockerfile ? { dockerignore: file('.dockerignore') ?? null } : {}),
  };
}

type Inspected = { facts: ProjectFacts } | { projectError: NonNullable<LintInput['projectError']> } | Record<string, never>;

/** inspect as `check` runs it: a UserError becomes PC190's input, no project means no facts. */
async function inspectForCheck(project: Readonly<Record<string, string>>): Promise<Inspected> {
  try {
    return { facts: await inspectProject(memoryReader(project), { staleLock: 'warn', today: TODAY }) };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.code === 'E_NO_PROJECT') return {};
    return { projectError: { message: error.message, file: error.source?.file ?? 'pyproject.toml', ...(error.source ? { line: error.source.line } : {}) } };
  }
}

/**
 * A parser or rule that threw inside check's boundary: the engine reports it as PC191 `crashed` and goes on,
 * which is right for the user and still a bug for the fuzzer.
 */
export class CaughtCrash extends Error {
  override readonly name = 'CaughtCrash';
}

/** `pycrane check`: lint with the project's facts, then every reporter. */
function check(input: LintInput): void {
  const { diagnostics } = lint(input);
  const caught = diagnostics.find((d) => d.ruleId === 'PC191' && d.messageId === 'crashed');
  if (caught) throw new CaughtCrash(`PC191 ${caught.file}: ${caught.message}`);
  const sources = new Map<string, string>();
  for (const f of [input.dockerfile, input.compose, input.devcontainer, input.dockerignore]) if (f) sources.set(f.path, f.text);
  formatStylish(diagnostics, { sources, color: false, version: '0.0.0' });
  formatJson(diagnostics);
  formatSarif(diagnostics, allRules, { version: '0.0.0' });
  formatGithub(diagnostics);
}

/** Facts of the unmutated seed project, for the lint families: inspected once per seed. */
const seedFacts = new Map<Readonly<Record<string, string>>, Promise<Inspected>>();

/**
 * Everything a user's file reaches: the family's parsers, then, with the file in its project, either
 * `check` (lint families) or `inspect` + `init` (generateSetup) + `check` of what init wrote. Throws what
 * escapes; a UserError is an answer, not a finding (the caller decides).
 */
export async function runInput(family: Family, seed: { project: Readonly<Record<string, string>>; target: string }, text: string): Promise<void> {
  const project = { ...seed.project, [seed.target]: text };
  try {
    await family.parse(text, seed.target, seed.project);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
  if (family.lints) {
    let inspected = seedFacts.get(seed.project);
    if (!inspected) {
      inspected = inspectForCheck(seed.project);
      seedFacts.set(seed.project, inspected);
    }
    check({ ...lintInputOf(project), ...(await inspected), now: NOW });
    return;
  }
  const inspected = await inspectForCheck(project);
  if (!('facts' in inspected)) {
    if ('projectError' in inspected) check({ ...lintInputOf(project), projectError: inspected.projectError, now: NOW });
    return;
  }
  // init: the four files; then check them with the facts, as `init` followed by `check` would.
  const generated = Object.fromEntries(generateSetup(inspected.facts, { directoryName: 'fuzz' }).files.map((f) => [f.path, f.contents]));
  check({ ...lintInputOf(generated), facts: inspected.facts, now: NOW });
}
