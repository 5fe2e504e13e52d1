import type { Register } from './index.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export interface BuildCliOptions {
  target?: string;
  file?: string;
  tag: string[];
  repository?: string;
  latest?: boolean;
  tags?: string;
  push?: boolean;
  load?: boolean;
  platform?: string;
  cacheFrom: string[];
  cacheTo: string[];
  network?: string;
  buildArg: string[];
  secret: string[];
  label: string[];
  progress?: string;
  json?: boolean;
  builder?: string;
  allowDirty?: boolean;
  force?: boolean;
}

export const register: Register = (program, ctx, setExit) => {
  program
    .command('build')
    .summary('build the project image with BuildKit, tagged and labelled')
    .description(
      'Build a stage of the project\'s Dockerfile (`app` by default) with `docker buildx build` ' +
        '(or `DOCKER_BUILDKIT=1 docker build` without buildx). Tags come from the project version, the Python ' +
        'minor and the git commit (NAME:1.4.2, NAME:1.4.2-py3.13, NAME:sha-<12 hex>); a dirty work tree gets only ' +
        'NAME:sha-<12 hex>-dirty. OCI labels (org.opencontainers.image.*) come from pyproject.toml and git. ' +
        '--push pushes every tag, then asks the registry for each and prints the digest it serves; it refuses a ' +
        'dirty work tree (--allow-dirty: only the sha-...-dirty tag) and a release tag that names another ' +
        "commit's image (--force moves it). Policy: [tool.pycrane.build] (docs/build.md). " +
        'Exit 0 built (and pushed), 1 build or push failed or refused by the registry, 2 usage/config (a dirty tree), 3 no engine.',
    )
    .argument('[dir]', 'the project folder (default: the current folder)')
    .option('--target <stage>', 'stage to build: app (default), dev, or any stage name')
    .option('-f, --file <path>', 'Dockerfile (default: DIR/Dockerfile)')
    .option('-t, --tag <tag>', 'extra tag: bare (`stable`, on the repository) or a full reference; repeatable', collect, [])
    .option('--repository <name>', 'image repository (default: [tool.pycrane.build] repository, else the project name)')
    .option('--latest', 'also tag `latest` (clean work tree and final release only)')
    .option('--tags <kinds>', 'the automatic tags of this build, comma-separated: version, version-python, minor, major, sha (default: [tool.pycrane.build] tags, else version,version-python,sha); `--tags sha` for branch builds that must not move a release tag')
    .option('--push', 'push every tag to its registry (checked before and after) and print the digest, instead of loading')
    .option('--load', 'load into the local image store (the default)')
    .option('--allow-dirty', 'with --push on a dirty work tree: push only the sha-<12>-dirty tag instead of refusing')
    .option('--force', 'with --push: move a release tag (version, sha-) that already names an image of another commit')
    .option('--builder <name>', 'buildx builder to use (default: BUILDX_BUILDER, else the current builder)')
    .option('--platform <platforms>', 'target platform(s), e.g. linux/amd64 or linux/amd64,linux/arm64 (several need a docker-container builder)')
    .option('--cache-from <source>', 'cache source: IMAGE (its inline cache), type=registry,ref=..., type=gha, type=local,src=...; repeatable', collect, [])
    .option('--cache-to <dest>', 'cache export: type=inline (the docker driver\'s only one), type=registry,ref=...,mode=max, type=gha,mode=max, type=local,dest=...; repeatable', collect, [])
    .option('--network <mode>', 'network for RUN steps, e.g. host (default: [tool.pycrane] build-network)')
    .option('--build-arg <KEY=VALUE>', 'build argument; a bare KEY takes its value from the environment; repeatable', collect, [])
    .option('--secret <spec>', 'BuildKit secret: id=netrc,src=PATH or id=token,env=VAR; repeatable', collect, [])
    .option('--label <KEY=VALUE>', 'extra image label; repeatable', collect, [])
    .option('--progress <mode>', 'auto, plain, tty or quiet (default: tty on a terminal, plain otherwise and in CI)')
    .option('--json', 'print {imageId, tags, size, durationMs, target, digest, pushed: [{tag, digest}], ...} as one JSON document')
    .action(async (dir: string | undefined, options: BuildCliOptions) => {
      const { run } = await import('./build-run.js');
      setExit(await run(ctx, dir, options));
    });
};
