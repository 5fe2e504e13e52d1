// npm run bench: lint throughput over >= 1,000 Dockerfiles and CLI cold start, against the BUILT dist/.
// It builds nothing: run `npm run build` first (it says so and exits 2 when dist/ is missing or stale).
//
//  1. Throughput: the real Dockerfiles of test/corpus/ repeated with variations (instruction spacing, blank
//     lines, stage names, appended comments, continuation indentation) up to >= 1,000 distinct files, linted
//     one after the other in this process, single-threaded, through dist/lint/index.js. Goal >= 1,000 files/s.
//  2. Cold start: `node dist/cli.js --version` and `node dist/cli.js rules --json`, 10 runs each, median in ms.
//     Goal < 250 ms.
//  3. Commands on a project, what pre-commit hooks and editors run: `check` on examples/poetry2-cli and
//     examples/pip-requirements (copied to a temporary folder and given their setup by `init`, since examples/ holds
//     the projects only) and `inspect` on examples/poetry2-cli and examples/pdm-app. 2 warm-up runs, then the median
//     wall time of 10. Goal < 150 ms.
//  The bin keeps a V8 code cache per command (src/cli/code-cache.ts): here in a temporary XDG_CACHE_HOME, filled by
//  the warm-up runs, which is what a pre-commit hook or an editor meets from its second run on. The commands on a
//  project are also timed with PYCRANE_NO_COMPILE_CACHE=1: the first run after an install or upgrade.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const entry = path.join(dist, 'lint', 'index.js');
const cli = path.join(dist, 'cli.js');
const corpusDir = path.join(root, 'test', 'corpus');

if (!existsSync(entry) || !existsSync(cli)) {
  console.error('bench: dist/ is missing; run `npm run build` first (the bench measures the built CLI and library).');
  process.exit(2);
}
const newestSrc = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((m, d) => {
    const p = path.join(dir, d.name);
    return Math.max(m, d.isDirectory() ? newestSrc(p) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? statSync(p).mtimeMs : 0);
  }, 0);
if (newestSrc(path.join(root, 'src')) > statSync(entry).mtimeMs) {
  console.warn('bench: warning: src/ is newer than dist/; run `npm run build` to measure the current code.\n');
}

const GOAL_FILES_PER_S = 1000;
const GOAL_COLD_MS = 250;
const GOAL_PROJECT_MS = 150;
const TARGET_FILES = 1200;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

// ---- corpus variations ----------------------------------------------------------------------------
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

function renameStages(text, suffix) {
  const names = [...text.matchAll(/^\s*FROM\s+\S+\s+AS\s+([A-Za-z0-9_.-]+)/gim)].map((m) => m[1]);
  let out = text;
  for (const n of names) {
    const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out
      .replace(new RegExp(`(\\bAS\\s+)${esc}\\b`, 'gi'), `$1${n}_${suffix}`)
      .replace(new RegExp(`(^\\s*FROM\\s+)${esc}(\\s|$)`, 'gim'), `$1${n}_${suffix}$2`)
      .replace(new RegExp(`(--from=)${esc}\\b`, 'gi'), `$1${n}_${suffix}`);
  }
  return out;
}

function vary(text, i) {
  let t = text;
  const r = rand();
  if (r < 0.5) t = t.replace(/\n(?=[A-Z]+\s)/g, () => (rand() < 0.5 ? '\n\n' : '\n')); // blank lines between instructions
  if (rand() < 0.5) t = t.replace(/^([A-Z]+) +/gm, (_, k) => `${k}${' '.repeat(1 + Math.floor(rand() * 3))}`); // spacing after keywords
  if (rand() < 0.5) t = t.replace(/\\\n\s*/g, () => `\\\n${' '.repeat(2 + Math.floor(rand() * 6))}`); // continuation indentation
  t = renameStages(t, `v${i}`);
  t += `${t.endsWith('\n') ? '' : '\n'}# bench variant ${i}\n`;
  if (rand() < 0.3) t += `# ${'x'.repeat(Math.floor(rand() * 80))}\n`;
  return t;
}

const originals = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.Dockerfile'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(path.join(corpusDir, f), 'utf8') }));
if (originals.length === 0) {
  console.error('bench: no Dockerfiles in test/corpus/');
  process.exit(2);
}
const files = [];
for (let i = 0; files.length < TARGET_FILES; i++) {
  const o = originals[i % originals.length];
  files.push({ path: 'Dockerfile', text: i < originals.length ? o.text : vary(o.text, i) });
}
const distinct = new Set(files.map((f) => f.text)).size;

// ---- throughput -------------------------------------------------------------------------------------
const { lint } = await import(entry);
let findings = 0;
const runAll = () => {
  for (const f of files) findings += lint({ dockerfile: f }).diagnostics.length;
};
runAll(); // warm-up: JIT, lazy schema compilation
findings = 0;
// Wall time depends on what else the machine runs; CPU time of this (single) thread much less so. Both are shown;
// the verdict uses CPU time, the measure of the engine's own cost.
const rounds = 5;
const wall = [];
const cpu = [];
for (let r = 0; r < rounds; r++) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  runAll();
  const c = process.cpuUsage(c0);
  wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  cpu.push((c.user + c.system) / 1e3);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wallMs = median(wall);
const cpuMs = median(cpu);
const filesPerS = (files.length / cpuMs) * 1000;
const filesPerSWall = (files.length / wallMs) * 1000;

// ---- cold start -------------------------------------------------------------------------------------
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pycrane-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const cacheEnv = { ...process.env, XDG_CACHE_HOME: path.join(scratch, 'cache') };
delete cacheEnv.PYCRANE_NO_COMPILE_CACHE;
delete cacheEnv.NODE_DISABLE_COMPILE_CACHE;
const noCacheEnv = { ...cacheEnv, PYCRANE_NO_COMPILE_CACHE: '1' };
/** Wall time of `node dist/cli.js ARGS`, `warmups` unmeasured runs first (the OS file cache, the disk). */
function timeCli(args, { runs = 10, warmups = 1, okCodes = [0], env = cacheEnv } = {}) {
  const ms = [];
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env });
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!okCodes.includes(r.status)) throw new Error(`node dist/cli.js ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return elapsed;
  };
  for (let i = 0; i < warmups; i++) once();
  for (let i = 0; i < runs; i++) ms.push(once());
  ms.sort((a, b) => a - b);
  const mid = Math.floor(runs / 2);
  return { median: runs % 2 === 0 ? (ms[mid - 1] + ms[mid]) / 2 : ms[mid], min: ms[0], max: ms[ms.length - 1] };
}
const coldStart = (args) => timeCli(args);
const baseline = coldStart(['--version']);
const nodeOnly = (() => {
  const ms = [];
  for (let i = 0; i < 10; i++) {
    const t0 = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return (ms[4] + ms[5]) / 2;
})();
const rules = coldStart(['rules', '--json']);
const baselineNoCache = timeCli(['--version'], { env: noCacheEnv });
const rulesNoCache = timeCli(['rules', '--json'], { env: noCacheEnv });

// ---- commands on a project ----------------------------------------------------------------------------
/** A copy of examples/NAME with the setup `init` writes, so that `check` has files to lint. */
function initialised(name) {
  const dir = path.join(scratch, name);
  cpSync(path.join(root, 'examples', name), dir, { recursive: true });
  const r = spawnSync(process.execPath, [cli, 'init', dir, '--yes'], { encoding: 'utf8', env: cacheEnv });
  if (r.status !== 0) throw new Error(`node dist/cli.js init ${name} exited ${r.status}: ${r.stderr}`);
  return dir;
}
const projectRuns = { runs: 10, warmups: 2 };
const commands = [
  ['check examples/poetry2-cli', ['check', initialised('poetry2-cli')]],
  ['check examples/pip-requirements', ['check', initialised('pip-requirements')]],
  ['inspect examples/poetry2-cli', ['inspect', path.join(root, 'examples', 'poetry2-cli')]],
  ['inspect examples/pdm-app', ['inspect', path.join(root, 'examples', 'pdm-app')]],
];
// check exits 1 when it has findings: that is a result, not a failure of the bench.
const okCodes = [0, 1];
const projectTimes = commands.map(([label, args]) => [
  label,
  timeCli(args, { ...projectRuns, okCodes }),
  timeCli(args, { ...projectRuns, okCodes, env: noCacheEnv }),
]);

const f1 = (n) => n.toFixed(1);
console.log(`pycrane bench (node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')})`);
console.log('');
console.log(`lint throughput: ${files.length} Dockerfiles (${originals.length} real, ${distinct} distinct texts), single-threaded, in-process`);
console.log(`  ${Math.round(filesPerS)} files/s of CPU time   (median of ${rounds} rounds: ${f1(cpuMs)} ms CPU; ${findings / rounds} findings per round)   goal >= ${GOAL_FILES_PER_S}   ${verdict(filesPerS >= GOAL_FILES_PER_S)}`);
console.log(`  ${Math.round(filesPerSWall)} files/s of wall time (median ${f1(wallMs)} ms; best ${Math.round((files.length / Math.min(...wall)) * 1000)} files/s)`);
console.log('');
console.log('CLI cold start (median of 10, child_process.spawnSync):');
console.log(`  node dist/cli.js --version       ${f1(baseline.median)} ms (min ${f1(baseline.min)}, max ${f1(baseline.max)})   goal < ${GOAL_COLD_MS}   ${verdict(baseline.median < GOAL_COLD_MS)}   (no code cache: ${f1(baselineNoCache.median)} ms)`);
console.log(`  node dist/cli.js rules --json    ${f1(rules.median)} ms (min ${f1(rules.min)}, max ${f1(rules.max)})   goal < ${GOAL_COLD_MS}   ${verdict(rules.median < GOAL_COLD_MS)}   (no code cache: ${f1(rulesNoCache.median)} ms)`);
console.log(`  (node -e 0 alone: ${f1(nodeOnly)} ms on this machine)`);
console.log('');
console.log(`commands on a project (median of ${projectRuns.runs} after ${projectRuns.warmups} warm-up runs; check on a temporary copy set up by init):`);
for (const [label, t, cold] of projectTimes) {
  console.log(
    `  node dist/cli.js ${label.padEnd(32)} ${f1(t.median)} ms (min ${f1(t.min)}, max ${f1(t.max)})   goal < ${GOAL_PROJECT_MS}   ${verdict(t.median < GOAL_PROJECT_MS)}` +
      `   (no code cache: ${f1(cold.median)} ms)`,
  );
}
