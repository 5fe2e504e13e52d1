import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { parsePairs, parseSecret, planBuild, type BuildOptions } from './build.js';
import { factsFixture } from './testing/facts.js';
import { fakeExec } from './testing/fake-exec.js';

const sha = 'abcdef0123456789abcdef0123456789abcdef01';
const dockerfile = `# syntax=docker/dockerfile:1
FROM python:3.13-slim AS builder
FROM builder AS app-pre
FROM app-pre AS dev
FROM python:3.13-slim AS app
`;
const options: BuildOptions = { tags: [], latest: false, output: 'load', cacheFrom: [], cacheTo: [], buildArgs: [], secrets: [], labels: [], progress: 'plain' };

function git(dirty = false) {
  return fakeExec()
    .on('git -C /p rev-parse --verify --quiet HEAD', { stdout: `${sha}\n` })
    .on('git -C /p status', { stdout: dirty ? '?? new.py\n' : '' })
    .on('git -C /p config --get remote.origin.url', { stdout: 'git@github.com:acme/hello-cli.git\n' });
}

const deps = (fake = git()) => ({ exec: fake.exec, env: { PATH: '/usr/bin' }, now: () => new Date('2026-11-28T08:00:00Z') });

describe('planBuild', () => {
  it('tags from version, python and commit; labels from pyproject and git', async () => {
    const plan = await planBuild(deps(), '/p', factsFixture(), dockerfile, '/p/Dockerfile', options, '/tmp/iid');
    expect(plan.target).toBe('app');
    expect(plan.request.tags).toEqual(['hello-cli:1.4.2', 'hello-cli:1.4.2-py3.13', 'hello-cli:sha-abcdef012345']);
    expect(plan.request.labels).toEqual({
      'org.opencontainers.image.title': 'hello-cli',
      'org.opencontainers.image.description': 'A small command-line tool',
      'org.opencontainers.image.version': '1.4.2',
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.source': 'https://github.com/acme/hello-cli',
      'org.opencontainers.image.created': '2026-11-28T08:00:00Z',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.authors': 'Pycrane Examples <examples@pycrane.invalid>',
      'org.opencontainers.image.base.name': 'python:3.13-slim',
    });
    expect(plan.warnings).toEqual([]);
  });

  it('suffixes tags of other targets and passes flags through', async () => {
    const facts = factsFixture({ config: { buildNetwork: 'host', build: { 'build-args': { POETRY_VERSION: '2.1.2' }, 'extra-tags': ['edge'] } } });
    const plan = await planBuild(deps(), '/p', facts, dockerfile, '/p/Dockerfile', {
      ...options,
      target: 'dev',
      tags: ['ci', 'registry.example.com/x/y:1'],
      buildArgs: ['PIPX_VERSION=1.7.1'],
      secrets: ['id=netrc,src=/tmp/netrc'],
      labels: ['com.example.team=core'],
    }, '/tmp/iid');
    expect(plan.request.tags).toEqual(['hello-cli:1.4.2-dev', 'hello-cli:1.4.2-py3.13-dev', 'hello-cli:sha-abcdef012345-dev', 'hello-cli:edge-dev', 'hello-cli:ci', 'registry.example.com/x/y:1']);
    expect(plan.request).toMatchObject({ target: 'dev', network: 'host', buildArgs: { POETRY_VERSION: '2.1.2', PIPX_VERSION: '1.7.1' }, secrets: [{ id: 'netrc', src: '/tmp/netrc' }] });
    expect(plan.request.labels['com.example.team']).toBe('core');
  });

  it('marks a dirty tree', async () => {
    const plan = await planBuild(deps(git(true)), '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...options, latest: true }, '/tmp/iid');
    expect(plan.request.tags).toEqual(['hello-cli:sha-abcdef012345-dirty']);
    expect(plan.request.labels['org.opencontainers.image.revision']).toBe(`${sha}-dirty`);
    expect(plan.warnings.join('\n')).toMatch(/uncommitted/);
  });

  it('rejects an unknown target and bad config', async () => {
    await expect(planBuild(deps(), '/p', factsFixture(), dockerfile, '/p/Dockerfile', { ...options, target: 'prod' }, '/i')).rejects.toThrow(/no stage "prod"/);
    await expect(planBuild(deps(), '/p', factsFixture({ config: { build: { tags: ['weekly'] } } }), dockerfile, '/p/Dockerfile', options, '/i')).rejects.toBeInstanceOf(UserError);
  });

  it('builds the last stage when there is no app stage and none was asked for', async () => {
    const plan = await planBuild(deps(), '/p', factsFixture(), 'FROM python:3.13-slim\n', '/p/Dockerfile', options, '/i');
    expect(plan.target).toBeUndefined();
    expect(plan.request.target).toBeUndefined();
    expect(plan.warnings[0]).toMatch(/no "app" stage/);
  });
});

describe('flag parsing', () => {
  it('parses KEY=VALUE and bare KEY from the environment', () => {
    expect(parsePairs('--build-arg', ['A=1', 'B=x=y', 'HOME'], { HOME: '/root' })).toEqual({ A: '1', B: 'x=y', HOME: '/root' });
    expect(() => parsePairs('--build-arg', ['NOPE'], {})).toThrow(UserError);
  });
  it('parses secrets', () => {
    expect(parseSecret('id=netrc,src=/home/u/.netrc')).toEqual({ id: 'netrc', src: '/home/u/.netrc' });
    expect(parseSecret('id=tok,env=GH_TOKEN')).toEqual({ id: 'tok', env: 'GH_TOKEN' });
    expect(parseSecret('GH_TOKEN')).toEqual({ id: 'GH_TOKEN' });
    expect(() => parseSecret('src=/x')).toThrow(/missing id/);
    expect(() => parseSecret('id=a,colour=red')).toThrow(/unknown field/);
  });
});
