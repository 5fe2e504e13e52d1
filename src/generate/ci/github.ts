/**
 * `.github/workflows/pycrane.yml`: three jobs. `check` lints the setup (SARIF to code scanning)
 * and fails on drift; `image-pr` builds a pull request for amd64 and verifies it locally with
 * read-only permissions; `image` (pushes only) builds amd64 and arm64, pushes to GHCR and
 * verifies the pushed digest. Built as an object and serialised by the yaml library.
 */
import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { BuildPlan } from '../plan.js';
import { ACTIONS, BINFMT_IMAGE, GITHUB_RUNNER, NODE_MAJOR, type ActionPin, usesRef } from './pins.js';
import {
  type BuildKind,
  type CiOptions,
  DEFAULT_BRANCH,
  SOURCE_DATE_EPOCH_LINE,
  buildCommand,
  initFlags,
  installCommand,
  introLines,
  verifyLoadedCommand,
  verifyPushedScript,
} from './shared.js';

type Step = Record<string, unknown>;

const BUILD_JSON = '"$RUNNER_TEMP/build.json"';

function setupSteps(version: string): Step[] {
  return [
    // No token left in .git/config: nothing here pushes to the repository.
    { uses: usesRef(ACTIONS.checkout), with: { 'persist-credentials': false } },
    // No dependency cache: the job installs one pinned package, and a cache is one more thing a pull request could poison.
    { uses: usesRef(ACTIONS.setupNode), with: { 'node-version': NODE_MAJOR, 'package-manager-cache': false } },
    { name: `Install pycrane ${version}`, run: installCommand(version) },
  ];
}

/**
 * `docker buildx` in a run step does not see the Actions cache service's URL and token (only
 * JavaScript actions get them), so `type=gha` would fail. This exports exactly those variables
 * to the later steps of the job, without printing them.
 */
const exposeCacheStep: Step = {
  name: 'Let BuildKit use the Actions cache',
  uses: usesRef(ACTIONS.githubScript),
  with: {
    script: [
      "for (const name of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_CACHE_SERVICE_V2']) {",
      '  if (process.env[name]) core.exportVariable(name, process.env[name]);',
      '}',
    ].join('\n'),
  },
};

/** GHCR takes lowercase names only; `github.repository` keeps the owner's capitals. */
const imageNameStep: Step = { name: 'Image name', run: 'echo "IMAGE=ghcr.io/${GITHUB_REPOSITORY,,}" >> "$GITHUB_ENV"' };

function buildStep(plan: BuildPlan, kind: BuildKind, name: string, condition?: string): Step {
  const command = buildCommand(plan, { kind, cacheFrom: ['type=gha'], cacheTo: ['type=gha,mode=max'], jsonFile: BUILD_JSON });
  return { name, ...(condition ? { if: condition } : {}), run: `${SOURCE_DATE_EPOCH_LINE}\n${command}\n` };
}

function checkJob(options: CiOptions): Record<string, unknown> {
  const version = options.pycraneVersion;
  // Code scanning refuses uploads from forks' pull requests (their token is read-only): skip it there.
  const sameRepository = "(github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository)";
  return {
    name: 'pycrane check',
    'runs-on': GITHUB_RUNNER,
    permissions: {
      contents: 'read',
      'security-events': 'write',
      // upload-sarif reads the run's metadata; needed in private repositories only.
      actions: 'read',
    },
    steps: [
      ...setupSteps(version),
      { name: 'Lint the container setup', run: 'pycrane check --format sarif > pycrane.sarif' },
      {
        name: 'Upload the findings to code scanning',
        if: `(success() || failure()) && ${sameRepository}`,
        uses: usesRef(ACTIONS.uploadSarif),
        with: { sarif_file: 'pycrane.sarif', category: 'pycrane' },
      },
      { name: 'The setup still matches the project', if: 'success() || failure()', run: `pycrane init --check ${initFlags(options)}` },
    ],
  };
}

function requestImageJob(plan: BuildPlan, version: string): Record<string, unknown> {
  return {
    name: 'image (pull request)',
    if: "github.event_name == 'pull_request'",
    'runs-on': GITHUB_RUNNER,
    permissions: { contents: 'read' },
    steps: [
      ...setupSteps(version),
      { uses: usesRef(ACTIONS.setupBuildx) },
      exposeCacheStep,
      imageNameStep,
      buildStep(plan, 'request', 'Build linux/amd64 (not pushed)'),
      { name: 'Verify the image', run: verifyLoadedCommand(BUILD_JSON) },
    ],
  };
}

function pushImageJob(plan: BuildPlan, version: string): Record<string, unknown> {
  return {
    name: 'image',
    needs: 'check',
    if: "github.event_name == 'push'",
    'runs-on': GITHUB_RUNNER,
    permissions: { contents: 'read', packages: 'write' },
    steps: [
      ...setupSteps(version),
      { uses: usesRef(ACTIONS.setupQemu), with: { image: BINFMT_IMAGE, platforms: 'arm64' } },
      { uses: usesRef(ACTIONS.setupBuildx) },
      exposeCacheStep,
      // The job's own token, for this repository's packages only; login-action passes it on stdin.
      { uses: usesRef(ACTIONS.login), with: { registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' } },
      imageNameStep,
      buildStep(plan, 'branch', 'Build and push', "github.ref_type == 'branch'"),
      buildStep(plan, 'release', 'Build and push a release (also latest)', "github.ref_type == 'tag'"),
      { name: 'Verify the pushed image by digest', run: `${verifyPushedScript(BUILD_JSON)}\n` },
    ],
  };
}

export function githubModel(plan: BuildPlan, options: CiOptions): Record<string, unknown> {
  const branch = options.defaultBranch ?? DEFAULT_BRANCH;
  return {
    name: 'pycrane',
    on: {
      push: { branches: [branch], tags: ['v*'] },
      pull_request: { branches: [branch] },
    },
    permissions: { contents: 'read' },
    // One run per ref: a newer push to a pull request cancels the older run; pushes never cancel a publish.
    concurrency: {
      group: '${{ github.workflow }}-${{ github.ref }}',
      'cancel-in-progress': "${{ github.event_name == 'pull_request' }}",
    },
    jobs: {
      check: checkJob(options),
      'image-pr': requestImageJob(plan, options.pycraneVersion),
      image: pushImageJob(plan, options.pycraneVersion),
    },
  };
}

const ALL_PINS: readonly ActionPin[] = Object.values(ACTIONS);

/** Puts each pinned action's release tag after its commit (`uses: actions/checkout@3d3c... # v7.0.1`). */
function commentPins(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return;
      const value = pair.value;
      const pin = ALL_PINS.find((p) => usesRef(p) === value.value);
      if (pin) value.comment = ` ${pin.version}`;
    },
  });
}

export function renderGithub(plan: BuildPlan, options: CiOptions, header: readonly string[]): string {
  const branch = options.defaultBranch ?? DEFAULT_BRANCH;
  const intro = introLines(plan, options, 'ghcr.io', `pushes to ${branch}`).map((line) => (line ? `# ${line}` : '#'));
  intro.push('# Actions are pinned by commit; the comment after each names its release.');
  const doc = new Document(githubModel(plan, options), { aliasDuplicateObjects: false });
  commentPins(doc);
  // Keep flow style out: every map and list block-style, as people write workflows.
  visit(doc, { Map: (_, node) => void (isMap(node) && (node.flow = false)), Seq: (_, node) => void (isSeq(node) && (node.flow = false)) });
  return `${[...header, ...intro].join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}
