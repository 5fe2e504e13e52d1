#!/usr/bin/env node
/**
 * The `pycrane` bin: loads the CLI, bundled into one CommonJS file by scripts/bundle.mjs (a few hundred small
 * modules cost more to resolve and compile than the commands themselves), with a V8 code cache made after the
 * command ran (src/cli/code-cache.ts; not Node's `module.enableCompileCache`, which caches what V8 compiled before
 * running, the top level of the bundle only, and saves nothing here). `--debug` loads the bundle plainly
 * with source maps, so stack traces of internal errors point at src/; PYCRANE_NO_COMPILE_CACHE=1 or
 * NODE_DISABLE_COMPILE_CACHE=1 turn the cache off.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { stopQuietlyOnBrokenPipe } from './cli/broken-pipe.js';
import { codeCacheFile, loadWithCodeCache, readBundleManifest, userCacheDir } from './cli/code-cache.js';
import type { runCli as RunCli } from './cli/main.js';

interface Bundle {
  readonly runCli: typeof RunCli;
}

stopQuietlyOnBrokenPipe([process.stdout, process.stderr], (code) => process.exit(code));

const argv = process.argv.slice(2);
const bundleFile = fileURLToPath(new URL('./bin/pycrane.cjs', import.meta.url));
const env = process.env;
const isOn = (v: string | undefined) => v !== undefined && v !== '' && v !== '0';
const cacheOff = isOn(env.PYCRANE_NO_COMPILE_CACHE) || isOn(env.NODE_DISABLE_COMPILE_CACHE);

let bundle: Bundle;
let afterRun = (): void => {};
const cacheDir = cacheOff || argv.includes('--debug') ? undefined : userCacheDir(env, process.platform, os.homedir());
const built = cacheDir === undefined ? undefined : readBundleManifest(`${bundleFile.slice(0, -'.cjs'.length)}.json`);
if (cacheDir !== undefined && built !== undefined) {
  const loaded = loadWithCodeCache<Bundle>(bundleFile, codeCacheFile(cacheDir, argv, built, { v8: process.versions.v8, arch: process.arch }));
  bundle = loaded.exports;
  afterRun = () => loaded.save();
} else {
  if (argv.includes('--debug')) process.setSourceMapsEnabled(true);
  bundle = createRequire(import.meta.url)(bundleFile) as Bundle;
}
process.exitCode = await bundle.runCli(argv);
afterRun();
