// `npm run fuzz -- --minutes N [--family dockerfile] [--seed S] [--workers W]`: the long fuzzing run
// (docs/fuzzing.md). The harness is TypeScript (test/fuzz/); esbuild bundles its entry with the src/ it
// imports, then this runs it. Exit code 1 when any input crashed or ran over the time limit.
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'node_modules', '.pycrane-fuzz', `cli-${process.pid}.mjs`);
await build({
  absWorkingDir: root,
  entryPoints: ['test/fuzz/cli.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.9',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
  // `--replay` runs inputs in this process: bundled CommonJS (schemas/validators.cjs) needs a real require.
  banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
});
process.env.PYCRANE_ROOT ??= root;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    rmSync(outfile, { force: true });
    process.exit(130);
  });
}
try {
  const { main } = await import(pathToFileURL(outfile).href);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A usage error is one line; anything else is a harness bug: show where.
  console.error(error instanceof Error ? (error.message.includes('usage:') ? error.message : error.stack) : error);
  process.exitCode = 2;
} finally {
  rmSync(outfile, { force: true });
}
