import type { Register } from './index.js';

export interface VerifyCliOptions {
  json?: boolean;
  maxSize?: string;
  probe?: string;
  project?: string;
  build?: boolean;
  init?: boolean;
  network?: string;
  repository?: string;
  pull?: boolean;
}

export const register: Register = (program, ctx, setExit) => {
  program
    .command('verify')
    .summary('prove a built image is right: user, contents, dependencies, start/stop, secrets, size')
    .description(
      'Check an image on the local engine, each check with PASS/FAIL/SKIP and its evidence: numeric non-root ' +
        'user (config and `id -u` at run time); no sudo, compilers, poetry/pipx/uv/pdm or pip/poetry caches; ' +
        'every locked main dependency installed at its locked version and importable; the entrypoint starts ' +
        '(`--help` or the configured probe exits 0 for a CLI); the image\'s HEALTHCHECK turns healthy (run every ' +
        'second in the started container); `docker stop` takes under 5 s; the venv\'s ' +
        'interpreter resolves; no credentials in ENV, labels or history; size over the base image and the ' +
        'largest layers, with an optional budget. Given a project folder (the default), verifies its app image, ' +
        'found by its tag or built. An image that is not local is pulled first (REGISTRY/NAME@sha256:... verifies ' +
        'exactly that digest; the digest is reported). Exit 0 all pass, 1 any fails, 2 usage (no such image, pull failed), 3 no engine.',
    )
    .argument('[image-or-dir]', 'an image reference (NAME:TAG, REGISTRY/NAME@sha256:...), or a project folder (default: the current folder)')
    .option('--pull', 'pull the image first even when it is local (verify what the registry serves now)')
    .option('--project <dir>', 'with an IMAGE: the project whose lock and [tool.pycrane.verify] apply')
    .option('--json', 'print the report as one JSON document')
    .option('--max-size <size>', 'fail when the image is larger, e.g. 250MB or 1GiB (default: [tool.pycrane.verify] max-size)')
    .option('--probe <command>', 'arguments for the image that must exit 0, e.g. "--version" (default: --help when the image has an ENTRYPOINT)')
    .option('--init', 'run the container under docker\'s init (as compose `init: true` does)')
    .option('--build', 'with a project folder: build the app image even when a tagged one exists')
    .option('--network <mode>', 'with a project folder that must be built: network for RUN steps, e.g. host')
    .option('--repository <name>', 'with a project folder: the image repository to find or build (as for build)')
    .action(async (target: string | undefined, options: VerifyCliOptions) => {
      const { run } = await import('./verify-run.js');
      setExit(await run(ctx, target, options));
    });
};
