/**
 * pip and pip-tools: requirement files. Which files: `[tool.pycrane] requirements` and
 * `dev-requirements`, else the first of MAIN_CANDIDATES that exists, and every existing
 * DEV_CANDIDATE. A file compiled by pip-compile (or `uv pip compile`), or one with a
 * `.in` beside it, is pip-tools' lock; any other file is pip's, and a lock only when every
 * requirement is pinned with `==`.
 */
import type { Issue } from '../../core/issue.js';
import { fact } from '../../core/location.js';
import type { FileReader } from '../../core/reader.js';
import type { DependencyGroup, LockedPackage, LockFacts, RequirementsFacts } from '../model.js';
import { readRequirementsFile, type RequirementsFile } from '../requirements/parse.js';
import { DEFAULT_TOOL_VERSIONS } from './tool-versions.js';
import type { Evidence, InspectContext, ManagerInspector, ManagerReading } from './types.js';

const MAIN_CANDIDATES = [
  'requirements.txt',
  'requirements/production.txt',
  'requirements/prod.txt',
  'requirements/base.txt',
  'requirements/main.txt',
  'requirements/requirements.txt',
  'requirements-prod.txt',
];
const DEV_CANDIDATES = [
  'requirements-dev.txt',
  'dev-requirements.txt',
  'requirements_dev.txt',
  'requirements-test.txt',
  'test-requirements.txt',
  'requirements/dev.txt',
  'requirements/development.txt',
  'requirements/local.txt',
  'requirements/test.txt',
];

const DEV_WORDS = /(?:^|[-_./])(?:dev|develop|development|local|test|tests|testing|lint|docs|doc|ci|typing|mypy)(?:[-_.]|$)/i;
const PROD_WORDS = /(?:prod|production|deploy|runtime|base|main|common|app)/i;

/**
 * Requirement files under other names: `requirements/*.txt` and `*requirements*.txt` at the
 * root, without development ones; the production-sounding names first.
 */
async function otherRequirementFiles(reader: FileReader): Promise<string[]> {
  const found: string[] = [];
  for (const name of await reader.list('requirements')) if (name.endsWith('.txt')) found.push(`requirements/${name}`);
  for (const name of await reader.list('.')) if (/requirements.*\.txt$/i.test(name)) found.push(name);
  const runtime = found.filter((f) => !DEV_WORDS.test(f.replace(/^requirements\//, '')));
  return [...runtime.filter((f) => PROD_WORDS.test(f)), ...runtime.filter((f) => !PROD_WORDS.test(f))];
}

/** Tools whose output is a complete, pinned resolution: compiled from inputs. */
const COMPILERS = new Set(['pip-compile', 'uv']);

interface Found {
  readonly main: RequirementsFile | undefined;
  readonly dev: RequirementsFile[];
  readonly inputs: string[];
}

const cache = new WeakMap<FileReader, Promise<Found>>();

function find(context: InspectContext): Promise<Found> {
  let found = cache.get(context.reader);
  if (!found) {
    found = findFiles(context);
    cache.set(context.reader, found);
  }
  return found;
}

async function findFiles(context: InspectContext): Promise<Found> {
  const reader = context.reader;
  let main: RequirementsFile | undefined;
  const candidates = context.config.requirements ? [context.config.requirements] : [...MAIN_CANDIDATES, ...(await otherRequirementFiles(reader))];
  for (const path of candidates) {
    main = await readRequirementsFile(reader, path);
    if (main) break;
  }
  const dev: RequirementsFile[] = [];
  for (const path of context.config.devRequirements ?? DEV_CANDIDATES) {
    if (path === main?.path) continue;
    const file = await readRequirementsFile(reader, path);
    if (file) dev.push(file);
  }
  const inputs: string[] = [];
  for (const file of [main, ...dev]) {
    if (!file) continue;
    const input = file.path.replace(/\.txt$/, '.in');
    if ((await reader.read(input)) !== undefined) inputs.push(input);
    for (const named of file.header?.inputs ?? []) if (!inputs.includes(named) && (await reader.read(named)) !== undefined) inputs.push(named);
  }
  return { main, dev, inputs };
}

function compiled(found: Found): boolean {
  const tool = found.main?.header?.tool;
  return (tool !== undefined && COMPILERS.has(tool)) || found.inputs.length > 0;
}

function lockOf(found: Found, main: RequirementsFile): LockFacts | undefined {
  if (!main.pinned) return undefined;
  const packages: LockedPackage[] = [];
  const seen = new Set<string>();
  const add = (file: RequirementsFile, group: string) => {
    for (const r of file.requirements) {
      if (r.name === undefined || seen.has(r.name)) continue;
      seen.add(r.name);
      packages.push({ name: r.name, version: r.pinned ?? '', groups: [group], ...(r.markers ? { markers: r.markers } : {}), source: r.source });
    }
  };
  add(main, 'main');
  for (const file of found.dev) add(file, 'dev');
  const header = main.header;
  return {
    path: main.path,
    generator: header?.version !== undefined ? fact({ tool: header.tool, version: header.version }, header.source) : undefined,
    lockVersion: undefined,
    contentHash: undefined,
    fresh: undefined,
    packages: packages.filter((p) => p.version !== ''),
  };
}

function groupsOf(found: Found, main: RequirementsFile): DependencyGroup[] {
  const deps = (file: RequirementsFile) =>
    file.requirements.flatMap((r) => (r.name === undefined ? [] : [{ name: r.name, constraint: r.specifier ?? (r.url ? `@ ${r.url}` : undefined), optional: false, source: r.source }]));
  const mainNames = new Set(deps(main).map((d) => d.name));
  const dev = found.dev.flatMap(deps).filter((d, i, all) => !mainNames.has(d.name) && all.findIndex((o) => o.name === d.name) === i);
  return [
    { name: 'main', optional: false, dependencies: deps(main), source: { file: main.path, line: 1 } },
    ...(found.dev.length > 0 ? [{ name: 'dev', optional: false, dependencies: dev, source: { file: found.dev[0]?.path ?? '', line: 1 } }] : []),
  ];
}

function reading(context: InspectContext, found: Found, pipTools: boolean): ManagerReading {
  const main = found.main;
  const issues: Issue[] = [];
  if (!main) return { files: [], issues };
  for (const file of [main, ...found.dev]) issues.push(...file.issues);
  const requirements: RequirementsFacts = { main, dev: found.dev, inputs: found.inputs };
  const lock = lockOf(found, main);
  if (!lock) {
    const unpinned = main.requirements.filter((r) => r.pinned === undefined && r.url === undefined);
    issues.push({
      code: 'W_NOT_A_LOCK',
      severity: 'warning',
      message: `${main.path} is not a lock: ${unpinned.length} of ${main.requirements.length} requirements are not pinned with == (${unpinned
        .slice(0, 3)
        .map((r) => r.name ?? r.url ?? '?')
        .join(', ')}${unpinned.length > 3 ? ', ...' : ''}), so the image gets whatever resolves on build day`,
      source: unpinned[0]?.source ?? { file: main.path, line: 1 },
    });
  }
  const files = [...new Set([main.path, ...main.includes, ...main.constraintFiles, ...found.dev.flatMap((f) => [f.path, ...f.includes, ...f.constraintFiles]), ...found.inputs])];
  const version = context.config.pipToolsVersion;
  return {
    files,
    ...(pipTools
      ? { tool: { name: 'pip-tools', version: version !== undefined ? fact(version, context.configRef('pip-tools-version')) : fact(DEFAULT_TOOL_VERSIONS['pip-tools'], undefined) } }
      : {}),
    ...(lock ? { lock } : {}),
    requirements,
    groups: groupsOf(found, main),
    issues,
  };
}

function describe(file: RequirementsFile): string {
  const h = file.header;
  return h && h.tool !== 'unknown' ? `${file.path} (written by ${h.tool}${h.version ? ` ${h.version}` : ''})` : file.path;
}

export const pipTools: ManagerInspector = {
  id: 'pip-tools',
  async detect(context) {
    const found = await find(context);
    if (!found.main || !compiled(found)) return [];
    const kind = found.main.pinned ? 'pinned-requirements' : 'requirements';
    return [{ manager: 'pip-tools', kind, what: describe(found.main), source: found.main.header?.source ?? { file: found.main.path, line: 1 } } satisfies Evidence];
  },
  async read(context) {
    return reading(context, await find(context), true);
  },
};

export const pip: ManagerInspector = {
  id: 'pip',
  async detect(context) {
    const found = await find(context);
    if (!found.main) return [];
    return [{ manager: 'pip', kind: found.main.pinned ? 'pinned-requirements' : 'requirements', what: describe(found.main), source: { file: found.main.path, line: 1 } } satisfies Evidence];
  },
  async read(context) {
    return reading(context, await find(context), false);
  },
};
