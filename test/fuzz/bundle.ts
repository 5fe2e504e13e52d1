import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a test/fuzz entry (worker.ts, cli.ts) with the src/ it imports into one ES module, so a worker
 * process or plain node can run the TypeScript. In node_modules/.pycrane-fuzz/ (ignored by git and eslint),
 * two folders below the root like dist/bin: src/lint/schema-check.ts finds schemas/ relative to its module.
 * Dependencies are not bundled: they load from node_modules.
 */
export async function bundleEntry(root: string, entry: string): Promise<{ file: string; remove: () => void }> {
  const dir = path.join(root, 'node_modules', '.pycrane-fuzz');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(entry, '.ts')}-${process.pid}-${Date.now().toString(36)}.mjs`);
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.9',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
    // Bundled CommonJS (schemas/validators.cjs) requires its dependencies: give the ES module a real require.
    banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
