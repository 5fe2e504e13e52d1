import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryReader } from '../../src/core/reader.js';
import { generateSetup } from '../../src/generate/index.js';
import { inspectProject } from '../../src/inspect/index.js';

/** A project (relative path -> text) and the one file of it a family mutates. */
export interface Seed {
  /** Where it came from, relative to the repository: `examples/uv-app`, `test/corpus/<repo>`. */
  readonly name: string;
  readonly project: Readonly<Record<string, string>>;
  readonly target: string;
}

/** Found by walking up from this module; the fuzz bundle lives elsewhere, so the root is also an override. */
export function repoRoot(): string {
  let dir = process.env.PYCRANE_ROOT ?? path.dirname(fileURLToPath(import.meta.url));
  while (!existsFile(path.join(dir, 'package.json')) || !existsFile(path.join(dir, 'test', 'corpus'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('fuzz: cannot find the repository root (set PYCRANE_ROOT)');
    dir = up;
  }
  return dir;
}

function existsFile(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

const MAX_SEED_FILE = 600_000;
const BINARY = /\.(whl|tar\.gz|zip|png|jpg|pyc)$/;

/** Every text file under `dir`, keyed by its path relative to `dir`. */
function readTree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') Object.assign(out, readTree(abs, rel));
    } else if (entry.isFile() && !BINARY.test(entry.name) && statSync(abs).size <= MAX_SEED_FILE) {
      out[rel] = readFileSync(abs, 'utf8');
    }
  }
  return out;
}

function subdirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name))
    .sort();
}

const SETUP_PY_STUB = 'from setuptools import setup\n\nsetup()\n';

/** test/corpus holds `<owner>__<repo>__<path with __>.<kind>` files: one project per repository. */
function corpusProjects(root: string): [string, Record<string, string>][] {
  const dir = path.join(root, 'test', 'corpus');
  const byRepo = new Map<string, Record<string, string>>();
  for (const file of readdirSync(dir).sort()) {
    const kind = /\.(Dockerfile|compose\.yml|devcontainer\.json)$/.exec(file)?.[1];
    const [owner, name] = file.split('__');
    if (!kind || !owner || !name) continue;
    const repo = `${owner}__${name}`;
    const project = byRepo.get(repo) ?? {};
    const text = readFileSync(path.join(dir, file), 'utf8');
    const key = kind === 'Dockerfile' ? 'Dockerfile' : kind === 'compose.yml' ? 'compose.yaml' : '.devcontainer/devcontainer.json';
    // A second file of the same kind (dev.Dockerfile next to Dockerfile) becomes its own project.
    if (project[key] !== undefined) byRepo.set(`${repo}#${file}`, { [key]: text });
    else project[key] = text;
    byRepo.set(repo, project);
  }
  return [...byRepo].map(([repo, project]) => [`test/corpus/${repo}`, project]);
}

/** The real inputs, as projects: examples, inspect fixtures, test fixtures, the corpus and the extra seeds. */
async function loadProjects(root: string): Promise<[string, Record<string, string>][]> {
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const fixtures = path.join(root, 'src', 'inspect', '__fixtures__');
  const projects: [string, Record<string, string>][] = [];
  for (const dir of subdirs(path.join(root, 'examples'))) {
    const project = readTree(dir);
    // What init writes for the example, so the lint families also start from pycrane's own output.
    try {
      const facts = await inspectProject(memoryReader(project), { staleLock: 'warn', today: '2026-01-01' });
      for (const f of generateSetup(facts, { directoryName: path.basename(dir) }).files) project[f.path] ??= f.contents;
    } catch {
      // An example that does not inspect still seeds its own files.
    }
    projects.push([rel(dir), project]);
  }
  for (const group of ['real-locks', 'pdm-locks', 'uv-locks', 'pipfile', 'requirements']) {
    for (const dir of subdirs(path.join(fixtures, group))) projects.push([rel(dir), readTree(dir)]);
  }
  for (const file of readdirSync(path.join(fixtures, 'setup-py')).filter((f) => f.endsWith('.py')).sort()) {
    projects.push([`src/inspect/__fixtures__/setup-py/${file}`, { 'setup.py': readFileSync(path.join(fixtures, 'setup-py', file), 'utf8') }]);
  }
  for (const file of readdirSync(path.join(fixtures, 'setup-cfg')).filter((f) => f.endsWith('.cfg')).sort()) {
    projects.push([`src/inspect/__fixtures__/setup-cfg/${file}`, { 'setup.cfg': readFileSync(path.join(fixtures, 'setup-cfg', file), 'utf8'), 'setup.py': SETUP_PY_STUB }]);
  }
  projects.push(['test/fixtures/seed', readTree(path.join(root, 'test', 'fixtures', 'seed'))]);
  projects.push(['test/fixtures/broken-images/context', readTree(path.join(root, 'test', 'fixtures', 'broken-images', 'context'))]);
  const broken = path.join(root, 'test', 'fixtures', 'broken-images');
  for (const file of readdirSync(broken).filter((f) => f.endsWith('.Dockerfile')).sort()) {
    projects.push([`test/fixtures/broken-images/${file}`, { Dockerfile: readFileSync(path.join(broken, file), 'utf8') }]);
  }
  projects.push(...corpusProjects(root));
  const extra = path.join(root, 'test', 'fuzz', 'seeds');
  for (const file of readdirSync(extra).filter((f) => f.endsWith('.dockerignore')).sort()) {
    projects.push([`test/fuzz/seeds/${file}`, { '.dockerignore': readFileSync(path.join(extra, file), 'utf8'), Dockerfile: 'FROM python:3.13-slim\nCOPY . /app\n' }]);
  }
  return projects;
}

let cache: Promise<[string, Record<string, string>][]> | undefined;

/** Seeds of one family: every (project, file) pair whose path the family's `matches` accepts. */
export async function seedsFor(matches: (file: string) => boolean): Promise<Seed[]> {
  cache ??= loadProjects(repoRoot());
  const seeds: Seed[] = [];
  for (const [name, project] of await cache) {
    for (const target of Object.keys(project)) if (matches(target)) seeds.push({ name, project, target });
  }
  return seeds;
}
