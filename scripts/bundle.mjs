// Second half of `npm run build`: tsc has emitted dist/ (the library, dist/**/*.js + .d.ts, and the bin's entry
// dist/cli.js); this bundles the CLI with esbuild into one CommonJS file, so that a command loads one file instead
// of ~270 modules (resolving and compiling hundreds of small files was most of `check`'s start-up):
//
//   dist/cli.js            the bin (src/cli.ts): loads the bundle with a V8 code cache (src/cli/code-cache.ts)
//   dist/bin/pycrane.cjs   src/cli/main.ts and everything it imports: the dependencies, and schemas/validators.cjs
//                          (see src/lint/schema-check.ts); commands are still evaluated only when run (their
//                          import()s become lazy initialisers), so `--version` runs commander and the command table only
//   dist/bin/pycrane.json  the bundle's sha256, the key of the code cache
//   dist/bin/pycrane.cjs.map  source map without sources, read only with --debug
//
// CommonJS because Node 20 can give a code cache only to scripts (vm.Script), not to ES modules. The bundle sits two
// levels below the package root, like dist/cli/, because src/cli/version.ts finds package.json relative to its
// own module (`import.meta.url` is the bundle's URL). The smoke run at the end fails the build when that breaks.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outDir = path.join(dist, 'bin');
const bundle = path.join(outDir, 'pycrane.cjs');
rmSync(outDir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20.9',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  define: { 'import.meta.url': '__pycraneModuleUrl' },
  // The sources are ES modules, strict by definition: the directive must come first, before the banner's line.
  banner: { js: '"use strict";\nvar __pycraneModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
const code = readFileSync(bundle);
writeFileSync(path.join(outDir, 'pycrane.json'), `${JSON.stringify({ sha256: createHash('sha256').update(code).digest('hex') })}\n`);
const entry = path.join(dist, 'cli.js');
chmodSync(entry, 0o755);

// Smoke run of the bin as installed (a fresh code cache): the version read from package.json, and a check that
// needs the schema validators (compose-schema-invalid) and the project's facts (python-version-mismatch).
const scratch = mkdtempSync(path.join(tmpdir(), 'pycrane-bundle-'));
try {
  const env = { ...process.env, XDG_CACHE_HOME: path.join(scratch, 'cache') };
  const run = (args) => {
    try {
      return execFileSync(process.execPath, [entry, ...args], { encoding: 'utf8', env });
    } catch (error) {
      if (error.status !== 1) throw new Error(`bundle: dist/cli.js ${args.join(' ')} exited ${error.status}: ${error.stderr}`);
      return error.stdout;
    }
  };
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const version = run(['--version']).trim();
  if (version !== pkg.version) throw new Error(`bundle: dist/cli.js --version printed "${version}", package.json says ${pkg.version}`);
  const project = path.join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'pyproject.toml'), '[project]\nname = "smoke"\nversion = "1.0"\nrequires-python = ">=3.14"\n');
  writeFileSync(path.join(project, 'Dockerfile'), 'FROM python:3.13-slim\nCOPY . /app\nCMD ["python", "-m", "smoke"]\n');
  writeFileSync(path.join(project, 'compose.yaml'), 'services:\n  app:\n    build: .\n    bogus: 1\n');
  const check = () => {
    const names = new Set(JSON.parse(run(['check', project, '--format', 'json'])).diagnostics.map((d) => d.ruleName));
    if (!names.has('compose-schema-invalid') || !names.has('python-version-mismatch')) {
      throw new Error(`bundle: dist/cli.js check found ${[...names].join(', ') || 'nothing'} in the smoke project`);
    }
  };
  // The first run writes the code cache of `check`; the second must take it (and so not write it again).
  check();
  const cacheDir = path.join(env.XDG_CACHE_HOME, 'pycrane', 'v8');
  const cached = readdirSync(cacheDir).find((f) => f.startsWith('check-'));
  if (!cached) throw new Error(`bundle: dist/cli.js check wrote no code cache in ${cacheDir}`);
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(path.join(cacheDir, cached), past, past);
  check();
  if (statSync(path.join(cacheDir, cached)).mtimeMs !== past.getTime()) throw new Error('bundle: V8 rejected the code cache of the previous run');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const out = result.metafile.outputs[path.relative(root, bundle)];
const bySource = {};
for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  const key = pkg ?? (input.startsWith('schemas/') ? 'schemas/validators.cjs' : 'pycrane (src/)');
  bySource[key] = (bySource[key] ?? 0) + bytesInOutput;
}
const top = Object.entries(bySource).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${kib(n)}`);
console.log(`bundle: dist/bin/pycrane.cjs ${kib(out.bytes)} (${top.join(', ')}, ...)`);
