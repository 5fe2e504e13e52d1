/**
 * What the GitHub and GitLab files share: the options, the shell lines that run pycrane, and
 * the comments that explain them. The build lines pass pycrane nothing that changes its tags
 * (no `-t`, no `--target`, no `--file`): `pycrane build` computes them from the project version,
 * the Python minor and the commit exactly as on a laptop (docs/ci.md, "Tags").
 */
import type { BuildPlan } from '../plan.js';
import { CHECK_PLATFORM, PUSH_PLATFORMS } from './pins.js';

export type CiSystem = 'github' | 'gitlab';

export const CI_SYSTEMS: readonly CiSystem[] = ['github', 'gitlab'];

/** Where each system reads its pipeline from. */
export const CI_PATHS: Readonly<Record<CiSystem, string>> = {
  github: '.github/workflows/pycrane.yml',
  gitlab: '.gitlab-ci.yml',
};

export const DEFAULT_BRANCH = 'main';

export interface CiOptions {
  readonly system: CiSystem;
  /** The pycrane release the file runs: the one that wrote it, so `init --check` in CI agrees with it. */
  readonly pycraneVersion: string;
  /** GitHub only: the branch whose pushes publish images (a workflow trigger cannot name "the default branch"). */
  readonly defaultBranch?: string;
}

/** The three builds of a pipeline: a pull/merge request, the default branch, a `v*` release tag. */
export type BuildKind = 'request' | 'branch' | 'release';

export interface BuildLine {
  readonly kind: BuildKind;
  /** `--cache-from` / `--cache-to` values, as shell words (quoted where they hold a variable). */
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
  /** Shell word for the file the JSON result goes to (outside the work tree: a dirty tree gets no version tags). */
  readonly jsonFile: string;
}

/**
 * The one `pycrane build` command line of a build kind. `--repository` only names where the
 * image goes (the CI's registry); the tags themselves are pycrane's. A release tag also asks
 * for `latest`, which pycrane still withholds from pre-releases and dirty trees.
 */
export function buildCommand(plan: BuildPlan, line: BuildLine): string {
  const words = ['pycrane', 'build', '--repository', '"$IMAGE"', '--platform', line.kind === 'request' ? CHECK_PLATFORM : PUSH_PLATFORMS];
  for (const from of line.cacheFrom) words.push('--cache-from', from);
  for (const to of line.cacheTo) words.push('--cache-to', to);
  // [tool.pycrane] build-network is for this machine's local mirror; CI reaches the index itself.
  if (plan.buildNetwork !== undefined) words.push('--network', 'default');
  words.push(line.kind === 'request' ? '--load' : '--push');
  // A branch push must not move a release tag (pycrane build refuses to): it gets sha-<12> only;
  // version tags come from the release tag of that version.
  if (line.kind === 'branch') words.push('--tags', 'sha');
  if (line.kind === 'release') words.push('--latest');
  words.push('--json');
  return `${words.join(' ')} > ${line.jsonFile}`;
}

/** The `init` flags that write this file: the pipeline's drift check passes the same ones. */
export function initFlags(options: CiOptions): string {
  const branch = options.system === 'github' && options.defaultBranch !== undefined && options.defaultBranch !== DEFAULT_BRANCH;
  return `--ci ${options.system}${branch ? ` --default-branch ${options.defaultBranch}` : ''}`;
}

/** Commit time as the build time: two builds of one commit get the same `created` label. */
export const SOURCE_DATE_EPOCH_LINE = 'export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"';

export function installCommand(version: string): string {
  return `npm install --global --no-audit --no-fund pycrane@${version}`;
}

/** Reads `digest` from `pycrane build --push --json` and verifies exactly that manifest from the registry. */
export function verifyPushedScript(jsonFile: string): string {
  return [
    `digest="$(node -p 'require(process.argv[1]).digest' ${jsonFile})"`,
    'case "$digest" in',
    '  sha256:*) ;;',
    '  *) echo "pycrane build --push --json printed no digest" >&2; exit 1 ;;',
    'esac',
    'pycrane verify "$IMAGE@$digest" --project .',
  ].join('\n');
}

/** Verifies the image a request build loaded into the local engine, by its first tag. */
export function verifyLoadedCommand(jsonFile: string): string {
  return `pycrane verify "$(node -p 'require(process.argv[1]).tags[0]' ${jsonFile})" --project .`;
}

/** Comment lines (without `# `) that explain the file; the same story for both systems. */
/** `where` names the pushes that publish: `pushes to main`, `the default branch`. */
export function introLines(plan: BuildPlan, options: CiOptions, registry: string, where: string): string[] {
  const { system } = options;
  const flags = initFlags(options);
  const lines = [
    '',
    `Regenerate with \`pycrane init ${flags}\`; \`pycrane init --check ${flags}\` (run below) fails when it drifts.`,
    `Lints the container setup (\`pycrane check\`, SARIF), then builds ${plan.name}'s app image with \`pycrane build\`:`,
    `On ${where} and v* tags: ${PUSH_PLATFORMS}, pushed to ${registry}, then the pushed digest verified;`,
    `on ${system === 'github' ? 'pull requests' : 'merge requests'}: ${CHECK_PLATFORM} only, not pushed, verified in the runner's engine.`,
    'The tags are pycrane build\'s own (version, version-python, sha; latest on release tags only): see docs/ci.md.',
  ];
  if (plan.buildNetwork !== undefined) {
    lines.push(
      `Builds on your machine use --network ${plan.buildNetwork} (a package index on its loopback, or [tool.pycrane] build-network):`,
      'CI runners reach the package index themselves, so the builds here pass --network default instead.',
    );
  }
  return lines;
}
