// npm run score: how accurate `pycrane check` is on real Dockerfiles, against hand labels.
//
// test/corpus-labels.json says, for each real Dockerfile of test/corpus/ and each fact a reader can tell from the
// file alone (the final stage runs as root, the source is copied before the dependency install, ...), whether the
// fact holds. Each fact names the rule(s) that claim to detect it. This lints every labelled Dockerfile (with the
// compose file of the same repository, when the corpus has one) and counts, per fact, a true positive when a
// mapped rule fires on a file labelled true, a false positive when one fires on a file labelled false, a false
// negative when none fires on a file labelled true. It prints precision and recall per fact, the micro average over
// the facts that have a rule, and every false positive and false negative (file, fact, rule, line, label note) to
// be read case by case. Facts without a rule yet are shown and count only in the "all facts" line.
//
//   node scripts/score-corpus.mjs [--json] [--from dist|src|DIR] [--only FACT,...] [--no-dev-files] [--labels FILE] [--check]
//
// --from dist (default) lints with the built library, dist/lint/index.js, like `npm run bench` (`npm run build`
// first); --from src bundles src/lint/index.ts on the fly with esbuild (no build needed, what the tests use);
// --from DIR does the same with DIR/src/lint/index.ts (for example a `git archive` of another commit, to compare).
// --check only validates the labels (every corpus Dockerfile labelled, only known facts, a note for each skip) and
// lints nothing; --labels reads another labels file (the tests use both). --no-dev-files leaves out the files labelled
// devFile (development Dockerfiles by their path, whose stages pycrane lints as dev stages, so runtime rules stay silent).
// Exit code 0 whatever the numbers (it measures, it does not gate); 2 on bad usage or labels.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusDir = path.join(root, 'test', 'corpus');
const labelsPath = path.join(root, 'test', 'corpus-labels.json');

function fail(message) {
  console.error(`score: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { json: false, from: 'dist', only: undefined, labels: labelsPath, check: false, devFiles: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--from') opts.from = argv[++i] ?? fail('--from needs dist, src or a folder');
    else if (a === '--check') opts.check = true;
    else if (a === '--no-dev-files') opts.devFiles = false;
    else if (a === '--labels') opts.labels = path.resolve(argv[++i] ?? fail('--labels needs a file'));
    else if (a === '--only') opts.only = new Set((argv[++i] ?? fail('--only needs fact names')).split(','));
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/score-corpus.mjs [--json] [--from dist|src|DIR] [--only FACT,...] [--no-dev-files] [--labels FILE] [--check]');
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  return opts;
}

/** The lint library: dist/ as built, or a source tree bundled into a temporary CommonJS file. */
async function loadLint(from) {
  if (from === 'dist') {
    const entry = path.join(root, 'dist', 'lint', 'index.js');
    if (!existsSync(entry)) fail('dist/ is missing; run `npm run build` first, or use --from src');
    return import(pathToFileURL(entry).href);
  }
  const base = from === 'src' ? root : path.resolve(from);
  const entry = path.join(base, 'src', 'lint', 'index.ts');
  if (!existsSync(entry)) fail(`${entry} does not exist`);
  const { build } = await import('esbuild');
  const out = mkdtempSync(path.join(os.tmpdir(), 'pycrane-score-'));
  const outfile = path.join(out, 'lint.cjs');
  try {
    await build({
      absWorkingDir: base,
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20.9',
      logLevel: 'error',
      nodePaths: [path.join(root, 'node_modules')],
      // As in scripts/bundle.mjs: the sources read import.meta.url, which CommonJS spells differently.
      define: { 'import.meta.url': '__pycraneModuleUrl' },
      banner: { js: '"use strict";\nvar __pycraneModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Reads and checks labels.json; returns it, or exits 2 with every problem found. */
export function readLabels(file = labelsPath) {
  let labels;
  try {
    labels = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: ${error.message}`);
  }
  const problems = labelProblems(labels, readdirSync(corpusDir));
  if (problems.length > 0) fail(`${path.relative(root, file) || file} is not well-formed:\n  ${problems.join('\n  ')}`);
  return labels;
}

/** What is wrong with the labels: unknown facts, files that are not in the corpus or have no labels. */
export function labelProblems(labels, corpusFiles) {
  const problems = [];
  const facts = labels?.facts ?? {};
  const files = labels?.files ?? {};
  if (typeof labels !== 'object' || labels === null || typeof labels.facts !== 'object' || typeof labels.files !== 'object') return ['needs "asOf", "facts" and "files"'];
  if (typeof labels?.asOf !== 'string' || Number.isNaN(Date.parse(labels.asOf))) problems.push('asOf must be an ISO date');
  for (const [name, f] of Object.entries(facts)) {
    if (typeof f.summary !== 'string' || !Array.isArray(f.rules) || f.rules.length === 0) problems.push(`fact ${name}: needs a summary and a non-empty rules array`);
    if (f.pending !== undefined && typeof f.pending !== 'string') problems.push(`fact ${name}: pending must be a note (a string)`);
  }
  const dockerfiles = corpusFiles.filter((f) => f.endsWith('.Dockerfile'));
  for (const f of dockerfiles) if (!(f in files)) problems.push(`${f}: no labels`);
  for (const [file, entry] of Object.entries(files)) {
    if (!corpusFiles.includes(file)) problems.push(`${file}: labelled but not in test/corpus/`);
    const known = (what, obj) => {
      for (const k of Object.keys(obj ?? {})) if (!(k in facts)) problems.push(`${file}: ${what} names unknown fact ${k}`);
    };
    if (typeof entry.present !== 'object' || entry.present === null) problems.push(`${file}: needs "present" (an object, {} when no fact holds)`);
    known('present', entry.present);
    known('notes', entry.notes);
    for (const k of entry.skip ?? []) if (!(k in facts)) problems.push(`${file}: skip names unknown fact ${k}`);
    for (const k of entry.skip ?? []) if (!entry.notes?.[k]) problems.push(`${file}: skipped fact ${k} needs a note saying why`);
    if (entry.devFile !== undefined && typeof entry.devFile !== 'string') problems.push(`${file}: devFile must be a note (a string)`);
    for (const [k, line] of Object.entries(entry.present ?? {})) {
      if (line !== null && !(Number.isInteger(line) && line > 0)) problems.push(`${file}: present.${k} must be a 1-based line or null`);
    }
  }
  return problems;
}

/** The compose file of the same repository, if the corpus has one (the facts are read with it). */
function composeFor(file, corpusFiles) {
  const repo = file.split('__').slice(0, 2).join('__');
  const compose = corpusFiles.find((f) => f.startsWith(`${repo}__`) && f.endsWith('.compose.yml'));
  if (!compose) return undefined;
  const original = compose.slice(repo.length + 2, -'.compose.yml'.length).split('__').join('/');
  return { path: original, text: readFileSync(path.join(corpusDir, compose), 'utf8') };
}

const ratio = (a, b) => (b === 0 ? null : a / b);

/** Scores the lint library against the labels: per fact counts, micro averages, and every miss. */
export function score(lib, labels, { only, devFiles = true } = {}) {
  const corpusFiles = readdirSync(corpusDir);
  const byName = new Map(lib.allRules.map((r) => [r.name, r]));
  const byId = new Map(lib.allRules.map((r) => [r.id, r]));
  const facts = Object.entries(labels.facts)
    .filter(([name]) => !only || only.has(name))
    .map(([name, f]) => ({ name, ...f, live: f.rules.map((r) => byName.get(r) ?? byId.get(r)).filter(Boolean) }));
  const rows = new Map(facts.map((f) => [f.name, { tp: 0, fp: 0, fn: 0, tn: 0, skipped: 0 }]));
  const misses = [];
  const now = new Date(labels.asOf);
  const scored = Object.entries(labels.files).filter(([, entry]) => devFiles || entry.devFile === undefined);
  for (const [file, entry] of scored.sort(([a], [b]) => a.localeCompare(b))) {
    const original = file.slice(0, -'.Dockerfile'.length).split('__').slice(2).join('/');
    const compose = composeFor(file, corpusFiles);
    const input = { dockerfile: { path: original, text: readFileSync(path.join(corpusDir, file), 'utf8') }, ...(compose ? { compose } : {}), now };
    const diagnostics = lib.lint(input).diagnostics.filter((d) => d.file === original);
    for (const fact of facts) {
      const row = rows.get(fact.name);
      if ((entry.skip ?? []).includes(fact.name)) {
        row.skipped++;
        continue;
      }
      const ids = new Set(fact.live.map((r) => r.id));
      const hits = diagnostics.filter((d) => ids.has(d.ruleId));
      const truth = fact.name in entry.present;
      const note = [entry.notes?.[fact.name], entry.devFile !== undefined ? 'dev file' : undefined].filter(Boolean).join('; ');
      if (truth && hits.length > 0) row.tp++;
      else if (!truth && hits.length === 0) row.tn++;
      else if (hits.length > 0) {
        row.fp++;
        for (const d of hits) misses.push({ kind: 'FP', file, fact: fact.name, rule: `${d.ruleId} ${d.ruleName}`, line: d.range.start.line + 1, message: d.message, devFile: entry.devFile !== undefined, ...(note ? { note } : {}) });
      } else {
        row.fn++;
        const rule = fact.live.length > 0 ? fact.live.map((r) => `${r.id} ${r.name}`).join(', ') : `(no rule yet: ${fact.rules.join(', ')})`;
        misses.push({ kind: 'FN', file, fact: fact.name, rule, line: entry.present[fact.name], devFile: entry.devFile !== undefined, ...(note ? { note } : {}) });
      }
    }
  }
  const table = facts.map((f) => {
    const r = rows.get(f.name);
    return { fact: f.name, rules: f.live.map((x) => x.id), ...r, precision: ratio(r.tp, r.tp + r.fp), recall: ratio(r.tp, r.tp + r.fn) };
  });
  const sum = (list) => list.reduce((a, r) => ({ tp: a.tp + r.tp, fp: a.fp + r.fp, fn: a.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
  const withRule = sum(table.filter((r) => r.rules.length > 0));
  const all = sum(table);
  const micro = (s) => ({ ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) });
  return { files: scored.length, asOf: labels.asOf, table, micro: micro(withRule), microAllFacts: micro(all), misses };
}

const pct = (x) => (x === null ? '   - ' : x.toFixed(3));

function printReport(result) {
  console.log(`pycrane check against hand labels: ${result.files} real Dockerfiles (test/corpus-labels.json, dates as of ${result.asOf})`);
  console.log('');
  console.log(`${'fact'.padEnd(26)} ${'rules'.padEnd(12)}  TP  FP  FN   TN  precision  recall`);
  for (const r of result.table) {
    const rules = r.rules.length > 0 ? r.rules.join(',') : '(no rule)';
    console.log(
      `${r.fact.padEnd(26)} ${rules.padEnd(12)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)} ${String(r.tn).padStart(4)}      ${pct(r.precision)}   ${pct(r.recall)}`,
    );
  }
  const line = (label, m) => console.log(`${label.padEnd(39)} ${String(m.tp).padStart(3)} ${String(m.fp).padStart(3)} ${String(m.fn).padStart(3)}           ${pct(m.precision)}   ${pct(m.recall)}`);
  console.log('');
  line('micro, facts with a rule', result.micro);
  line('micro, all facts (no rule = missed)', result.microAllFacts);
  console.log('goal (issue 9): precision >= 0.95, recall >= 0.75 per rule-backed fact');
  const onDev = result.misses.filter((m) => m.devFile);
  if (onDev.length > 0) console.log(`${onDev.length} of the misses below are on development Dockerfiles (tagged "dev file"); --no-dev-files leaves those files out`);
  for (const kind of ['FP', 'FN']) {
    const list = result.misses.filter((m) => m.kind === kind);
    console.log('');
    console.log(kind === 'FP' ? `false positives (${list.length}): a rule fired, the label says the fact does not hold` : `false negatives (${list.length}): the fact holds, no rule fired`);
    for (const m of list) {
      const where = m.line ? `${m.file}:${m.line}` : m.file;
      console.log(`  ${m.fact.padEnd(24)} ${m.rule.padEnd(34)} ${where}${m.message ? `  "${m.message}"` : ''}${m.note ? `  [label: ${m.note}]` : ''}`);
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const labels = readLabels(opts.labels);
  if (opts.check) {
    console.log(`score: ${path.relative(root, opts.labels)} is well-formed: ${Object.keys(labels.files).length} Dockerfiles, ${Object.keys(labels.facts).length} facts`);
    process.exit(0);
  }
  const unknown = [...(opts.only ?? [])].filter((f) => !(f in labels.facts));
  if (unknown.length > 0) fail(`--only: unknown fact ${unknown.join(', ')} (facts: ${Object.keys(labels.facts).join(', ')})`);
  const lib = await loadLint(opts.from);
  if (opts.from === 'dist') {
    const entry = path.join(root, 'dist', 'lint', 'index.js');
    const newest = (dir) =>
      readdirSync(dir, { withFileTypes: true }).reduce((m, d) => {
        const p = path.join(dir, d.name);
        return Math.max(m, d.isDirectory() ? newest(p) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? statSync(p).mtimeMs : 0);
      }, 0);
    if (newest(path.join(root, 'src')) > statSync(entry).mtimeMs) console.error('score: warning: src/ is newer than dist/; run `npm run build` or use --from src.');
  }
  const result = score(lib, labels, { only: opts.only, devFiles: opts.devFiles });
  if (opts.json) console.log(JSON.stringify(result, null, 2));
  else printReport(result);
}
