#!/usr/bin/env node
// Build times and image sizes of the generated setups, next to the seed design's own
// Dockerfile on the same project (only its versions adapted to the lab: Python 3.11.2,
// Poetry 1.3.2, pipx 1.1.0). Needs a Docker engine with buildx whose builds reach the
// examples' index with --network host (../shared/docker-lab), and `npm run build`.
//
//   node scripts/bench-images.mjs [example ...]
//
// cold = --no-cache (no layer reused; BuildKit cache mounts and local base images stay),
// warm = the same build again, edit = after appending a comment to one source file.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('bench-images: dist/cli.js is missing; run `npm run build` first');
  process.exit(2);
}
const docker = (args, opts = {}) => {
  const started = process.hrtime.bigint();
  const r = spawnSync('docker', args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, DOCKER_BUILDKIT: '1' }, ...opts });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')} failed:\n${(r.stderr || '').split('\n').slice(-30).join('\n')}`);
  return { ms, out: r.stdout.trim() };
};
if (spawnSync('docker', ['version', '--format', '{{.Server.Version}}']).status !== 0) {
  console.error('bench-images: no Docker engine answers (start one, e.g. ../shared/docker-lab/up)');
  process.exit(3);
}

const size = (ref) => Number(docker(['image', 'inspect', '--format', '{{.Size}}', ref]).out);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const s = (ms) => (ms / 1000).toFixed(1);

function build(dir, target, tag, extra = []) {
  const targetArgs = target ? ['--target', target] : [];
  return docker(['buildx', 'build', '--network', 'host', '--load', '--progress', 'plain', ...targetArgs, '-t', tag, ...extra, dir]).ms;
}

const layers = (ref) => JSON.parse(docker(['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ref]).out);
const UNITS = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };
/** Bytes of each layer that holds files, newest first (docker history; metadata-only steps are 0). */
const layerSizes = (ref) =>
  docker(['history', '--format', '{{.Size}}', ref]).out.split('\n').map((line) => {
    const m = /^([\d.]+)\s*([a-zA-Z]+)$/.exec(line.trim());
    return m ? Number(m[1]) * (UNITS[m[2]] ?? 1) : 0;
  }).filter((b) => b > 0);

/**
 * The limit of an edit rebuild: a Dockerfile that only COPYs the edited file onto the image as
 * it was before the edit (what no setup can beat: BuildKit's start, one COPY, the export).
 */
function bareCopy(dir, image, sourceFile) {
  const ctx = mkdtempSync(path.join(tmpdir(), 'pycrane-bench-copy-'));
  cpSync(path.join(dir, sourceFile), path.join(ctx, 'edited.py'));
  writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${image}\nCOPY edited.py /tmp/edited.py\n`);
  return build(ctx, '', `${image}-copy`, []);
}

function measure(label, dir, tagBase, sourceFile, base) {
  const row = { label, base: mb(size(base)) };
  row.appCold = s(build(dir, 'app', `${tagBase}:app`, ['--no-cache']));
  row.appWarm = s(build(dir, 'app', `${tagBase}:app`));
  docker(['tag', `${tagBase}:app`, `${tagBase}:before-edit`]);
  const before = layers(`${tagBase}:app`);
  appendFileSync(path.join(dir, sourceFile), `\n# bench: a source-only edit ${Date.now()}\n`);
  const editMs = build(dir, 'app', `${tagBase}:app`);
  row.appEdit = s(editMs);
  const copyMs = bareCopy(dir, `${tagBase}:before-edit`, sourceFile);
  row.bareCopy = s(copyMs);
  row.ratio = (editMs / copyMs).toFixed(2);
  const after = layers(`${tagBase}:app`);
  const changed = after.filter((id) => !before.includes(id));
  // The changed layers are the newest ones (layers build on their parents).
  const sizes = layerSizes(`${tagBase}:app`);
  row.changed = `${changed.length} (${(sizes.slice(0, changed.length).reduce((a, b) => a + b, 0) / 1e3).toFixed(1)} kB)`;
  row.appSize = mb(size(`${tagBase}:app`));
  row.overBase = mb(size(`${tagBase}:app`) - size(base));
  row.devCold = s(build(dir, 'dev', `${tagBase}:dev`, ['--no-cache']));
  row.devWarm = s(build(dir, 'dev', `${tagBase}:dev`));
  row.devSize = mb(size(`${tagBase}:dev`));
  docker(['image', 'rm', `${tagBase}:before-edit`, `${tagBase}:before-edit-copy`]);
  return row;
}

function seedDockerfile() {
  const md = readFileSync(path.join(root, '..', 'shared', 'seed', 'python-docker-devcontainers.md'), 'utf8');
  const block = md.split('## Full Dockerfile')[1]?.split('```Dockerfile')[1]?.split('```')[0];
  if (!block) throw new Error('no "Full Dockerfile" block in the seed');
  return block
    .replace('ARG PYTHON_VERSION=3.8.9', 'ARG PYTHON_VERSION=3.11.2')
    .replace('ARG POETRY_VERSION=1.5.1', 'ARG POETRY_VERSION=1.3.2')
    .replace('ARG PIPX_VERSION=1.2.0', 'ARG PIPX_VERSION=1.1.0');
}

// One row per example that the lab can build (uv-app needs uv, which the lab does not have), with
// the source file a "source-only edit" touches and the base image the size is measured against.
const known = {
  'seed-poetry1': { source: 'myproject/__init__.py', base: 'python:3.11-slim' },
  'poetry2-cli': { source: 'src/hello_cli/cli.py', base: 'python:3.13-slim' },
  'poetry-app': { source: 'app.py', base: 'python:3.13-slim' },
  'pip-requirements': { source: 'app/__init__.py', base: 'python:3.11-slim' },
  'pdm-app': { source: 'src/pdm_app/cli.py', base: 'python:3.13-slim' },
  'pipenv-app': { source: 'service/main.py', base: 'python:3.14-slim', forky: true },
  'hatch-cli': { source: 'src/hatch_cli/cli.py', base: 'python:3.14-slim', forky: true },
  'django-postgres': { source: 'polls/views.py', base: 'python:3.13-slim' },
  'fastapi-app': { source: 'app/main.py', base: 'python:3.13-slim' },
  'flask-redis': { source: 'counter/tasks.py', base: 'python:3.13-slim' },
};
const forky = spawnSync('docker', ['image', 'inspect', 'python:3.14-slim']).status === 0;
const examples = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(known).filter((name) => forky || !known[name].forky);
const sources = Object.fromEntries(Object.entries(known).map(([name, k]) => [name, k.source]));
const bases = Object.fromEntries(Object.entries(known).map(([name, k]) => [name, k.base]));
const rows = [];
for (const example of examples) {
  const dir = mkdtempSync(path.join(tmpdir(), `pycrane-bench-${example}-`));
  cpSync(path.join(root, 'examples', example), dir, { recursive: true });
  const init = spawnSync(process.execPath, [cli, 'init', dir, '--yes'], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`pycrane init ${example} failed: ${init.stderr}`);
  rows.push(measure(`pycrane: ${example}`, dir, `pycrane-bench-${example}`, sources[example], bases[example]));
  if (example === 'seed-poetry1') {
    const seedDir = mkdtempSync(path.join(tmpdir(), 'pycrane-bench-seed-'));
    cpSync(path.join(root, 'examples', example), seedDir, { recursive: true });
    writeFileSync(path.join(seedDir, 'Dockerfile'), seedDockerfile());
    rows.push(measure('seed Dockerfile: seed-poetry1', seedDir, 'pycrane-bench-seed', sources[example], 'python:3.11.2-slim'));
  }
}

const cols = ['label', 'base', 'appCold', 'appWarm', 'appEdit', 'bareCopy', 'ratio', 'changed', 'appSize', 'overBase', 'devCold', 'devWarm', 'devSize'];
const head = ['setup', 'base MB', 'app cold s', 'app warm s', 'app after edit s', 'bare COPY s', 'edit / COPY', 'layers changed', 'app MB', 'over base MB', 'dev cold s', 'dev warm s', 'dev MB'];
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => ' --- ').join('|')}|`);
for (const row of rows) console.log(`| ${cols.map((c) => row[c]).join(' | ')} |`);
