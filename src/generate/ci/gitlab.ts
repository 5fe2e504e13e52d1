/**
 * `.gitlab-ci.yml`: stage `check` (lint with the SARIF kept as an artifact; drift), stage
 * `image`: on the default branch and `v*` tags, amd64 and arm64 pushed to the project's
 * registry with a registry build cache and verified by digest; on merge requests, amd64 built
 * from that cache, loaded and verified locally. Docker-in-Docker (TLS) with a BuildKit
 * container builder, since the default docker driver cannot export a registry cache.
 */
import { Document, isMap, isSeq, visit } from 'yaml';
import type { BuildPlan } from '../plan.js';
import { BINFMT_IMAGE, DOCKER_CLI_IMAGE, DOCKER_DIND_IMAGE } from './pins.js';
import {
  type BuildKind,
  type CiOptions,
  SOURCE_DATE_EPOCH_LINE,
  buildCommand,
  installCommand,
  introLines,
  verifyLoadedCommand,
  verifyPushedScript,
} from './shared.js';

const BUILD_JSON = '/tmp/pycrane-build.json';
const CACHE_REF = '"type=registry,ref=$IMAGE:buildcache"';
const CACHE_EXPORT = '"type=registry,ref=$IMAGE:buildcache,mode=max"';

const ON_DEFAULT_BRANCH = { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' };
const ON_RELEASE_TAG = { if: '$CI_COMMIT_TAG =~ /^v/' };
const ON_MERGE_REQUEST = { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' };

function install(version: string): string[] {
  return [
    'apk add --no-cache nodejs npm',
    installCommand(version),
    // pycrane reads the commit with git; a repository git calls "dubious" would look dirty.
    'git config --global --add safe.directory "$CI_PROJECT_DIR"',
  ];
}

function checkJobs(version: string): Record<string, unknown> {
  return {
    'pycrane:check': {
      stage: 'check',
      image: DOCKER_CLI_IMAGE,
      interruptible: true,
      script: [...install(version), 'pycrane check --format sarif > pycrane.sarif'],
      // GitLab's report types (codequality, sast) have their own formats, not SARIF: the report is kept as a file.
      artifacts: { when: 'always', paths: ['pycrane.sarif'], expose_as: 'pycrane check SARIF', expire_in: '30 days' },
    },
    'pycrane:init-check': {
      stage: 'check',
      image: DOCKER_CLI_IMAGE,
      interruptible: true,
      script: [...install(version), 'pycrane init --check --ci gitlab'],
    },
  };
}

function imageJob(plan: BuildPlan, version: string, kind: BuildKind): Record<string, unknown> {
  const pushing = kind !== 'request';
  const build = buildCommand(plan, {
    kind,
    cacheFrom: [CACHE_REF],
    // Only the default branch and tags write the cache; a merge request reads it and leaves it alone.
    cacheTo: pushing ? [CACHE_EXPORT] : [],
    jsonFile: BUILD_JSON,
  });
  return {
    stage: 'image',
    image: DOCKER_CLI_IMAGE,
    services: [{ name: DOCKER_DIND_IMAGE, alias: 'docker' }],
    // The dind service and this job share certificates here; the docker image's entrypoint then uses TLS on docker:2376.
    variables: { DOCKER_TLS_CERTDIR: '/certs' },
    rules: [kind === 'request' ? ON_MERGE_REQUEST : kind === 'branch' ? ON_DEFAULT_BRANCH : ON_RELEASE_TAG],
    ...(pushing ? {} : { interruptible: true }),
    script: [
      ...install(version),
      // The job token, on stdin: it never appears in the command line or the log.
      'printf \'%s\' "$CI_JOB_TOKEN" | docker login --username "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"',
      ...(pushing ? [`docker run --privileged --rm ${BINFMT_IMAGE} --install arm64`] : []),
      'docker buildx create --name pycrane --driver docker-container --use --bootstrap',
      'IMAGE="$(printf \'%s\' "$CI_REGISTRY_IMAGE" | tr \'[:upper:]\' \'[:lower:]\')"',
      SOURCE_DATE_EPOCH_LINE,
      build,
      pushing ? verifyPushedScript(BUILD_JSON) : verifyLoadedCommand(BUILD_JSON),
    ],
  };
}

export function gitlabModel(plan: BuildPlan, options: CiOptions): Record<string, unknown> {
  return {
    // Merge request pipelines, the default branch and v* tags; no duplicate branch pipeline for an open merge request.
    workflow: {
      rules: [ON_MERGE_REQUEST, { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' }, ON_DEFAULT_BRANCH, ON_RELEASE_TAG],
    },
    stages: ['check', 'image'],
    ...checkJobs(options.pycraneVersion),
    'pycrane:image-mr': imageJob(plan, options.pycraneVersion, 'request'),
    'pycrane:image': { ...imageJob(plan, options.pycraneVersion, 'branch'), needs: ['pycrane:check', 'pycrane:init-check'] },
    'pycrane:image-release': { ...imageJob(plan, options.pycraneVersion, 'release'), needs: ['pycrane:check', 'pycrane:init-check'] },
  };
}

export function renderGitlab(plan: BuildPlan, options: CiOptions, header: readonly string[]): string {
  const intro = introLines(plan, options, '$CI_REGISTRY_IMAGE', 'the default branch').map((line) => (line ? `# ${line}` : '#'));
  intro.push(
    `# Images are pinned by version (${DOCKER_CLI_IMAGE}, ${DOCKER_DIND_IMAGE}, ${BINFMT_IMAGE});`,
    '# the image jobs need a runner with the docker executor in privileged mode (Docker-in-Docker).',
  );
  const doc = new Document(gitlabModel(plan, options), { aliasDuplicateObjects: false });
  visit(doc, { Map: (_, node) => void (isMap(node) && (node.flow = false)), Seq: (_, node) => void (isSeq(node) && (node.flow = false)) });
  return `${[...header, ...intro].join('\n')}\n${doc.toString({ lineWidth: 0 })}`;
}
