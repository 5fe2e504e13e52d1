import { describe, expect, it } from 'vitest';
import { DOCKER_TAG, isValidRepository, planTags, repositoryFromName, versionTag, type GitState, type TagPolicy } from './tags.js';

describe('versionTag: PEP 440 -> Docker tag', () => {
  it.each([
    ['1.4.2', '1.4.2', true],
    ['v1.4.2', '1.4.2', true],
    ['1.0+local', '1.0-local', false],
    ['1.0+Ubuntu-1', '1.0-ubuntu.1', false],
    ['0.0.11.dev4+ge10ec06', '0.0.11.dev4-ge10ec06', false],
    ['1!2.0', 'e1-2.0', true],
    ['1!2.0rc1.post2.dev3+Ab.C', 'e1-2.0rc1.post2.dev3-ab.c', false],
    ['1.0-1', '1.0.post1', true],
    ['1.0_RC2', '1.0rc2', false],
    ['1.0.0a1', '1.0.0a1', false],
    ['2024.10', '2024.10', true],
    ['20.17.1+ds', '20.17.1-ds', false],
  ])('%s -> %s (final: %s)', (version, tag, final) => {
    const result = versionTag(version);
    expect(result.tag).toBe(tag);
    expect(result.isFinal).toBe(final);
    expect(result.tag).toMatch(DOCKER_TAG);
    expect(result.warning).toBeUndefined();
  });

  it('keeps an invalid version usable and says so', () => {
    const result = versionTag('latest-ish/branch');
    expect(result.tag).toBe('latest-ish-branch');
    expect(result.tag).toMatch(DOCKER_TAG);
    expect(result.warning).toMatch(/not PEP 440/);
  });

  it('cuts tags at 128 characters', () => {
    const result = versionTag(`1.0+${'a'.repeat(200)}`);
    expect(result.tag.length).toBe(128);
    expect(result.tag).toMatch(DOCKER_TAG);
    expect(result.warning).toMatch(/128/);
  });

  it('drops the dots and dashes a cut leaves at the end', () => {
    expect(versionTag(`1.0+${'a'.repeat(123)}.b`).tag).toBe(`1.0-${'a'.repeat(123)}`);
    expect(versionTag(`x${'1'.repeat(126)}.-.-x`).tag).toBe(`x${'1'.repeat(126)}`);
    expect(versionTag(`${'a'.repeat(127)}/x`).tag).toBe('a'.repeat(127));
  });
});

describe('repository names', () => {
  it.each([
    ['hello-cli', 'hello-cli'],
    ['My_App', 'my_app'],
    ['Django Polls!', 'django-polls'],
    ['__x__', 'x'],
    ['a.b', 'a.b'],
    ['-a-', 'a'],
    ['a!.!b', 'a-b'],
    ['.-_', undefined],
  ])('%s -> %s', (name, repo) => {
    expect(repositoryFromName(name)).toBe(repo);
  });
  it('trims long runs of separators in linear time', () => {
    const run = '-._'.repeat(70_000);
    expect(repositoryFromName(`${run}my${run}app${run}!`)).toBe('my-app');
    expect(repositoryFromName(`a${'.!'.repeat(100_000)}`)).toBe('a');
  });
  it('validates registries and paths', () => {
    expect(isValidRepository('ghcr.io/acme/hello-cli')).toBe(true);
    expect(isValidRepository('localhost:5000/hello')).toBe(true);
    expect(isValidRepository('Hello')).toBe(false);
    expect(isValidRepository('hello//x')).toBe(false);
  });
});

describe('planTags', () => {
  const policy: TagPolicy = { repository: 'hello-cli', auto: ['version', 'version-python', 'sha'], latest: false, extra: [], shaLength: 12 };
  const clean: GitState = { commit: '0123456789abcdef0123456789abcdef01234567', dirty: false, remote: undefined };
  const input = { version: '1.4.2', python: '3.13', git: clean };

  it('tags version, version+python and commit on a clean tree', () => {
    expect(planTags(policy, input)).toEqual({
      tags: ['hello-cli:1.4.2', 'hello-cli:1.4.2-py3.13', 'hello-cli:sha-0123456789ab'],
      warnings: [],
    });
  });

  it('withholds version tags and latest on a dirty tree and marks the sha tag', () => {
    const plan = planTags({ ...policy, latest: true }, { ...input, git: { ...clean, dirty: true } });
    expect(plan.tags).toEqual(['hello-cli:sha-0123456789ab-dirty']);
    expect(plan.warnings.join('\n')).toMatch(/uncommitted/);
    expect(plan.warnings.join('\n')).toMatch(/latest/);
  });

  it('adds latest, minor and major for final releases only', () => {
    const all: TagPolicy = { ...policy, auto: ['version', 'minor', 'major'], latest: true };
    expect(planTags(all, input).tags).toEqual(['hello-cli:1.4.2', 'hello-cli:1.4', 'hello-cli:1', 'hello-cli:latest']);
    const pre = planTags(all, { ...input, version: '2.0.0rc1' });
    expect(pre.tags).toEqual(['hello-cli:2.0.0rc1']);
    expect(pre.warnings.join()).toMatch(/not a final release/);
  });

  it('works outside git (no sha tag) and with neither version nor git (local)', () => {
    const nogit: GitState = { commit: undefined, dirty: false, remote: undefined };
    expect(planTags(policy, { ...input, git: nogit }).tags).toEqual(['hello-cli:1.4.2', 'hello-cli:1.4.2-py3.13']);
    const nothing = planTags(policy, { version: undefined, python: '3.13', git: nogit });
    expect(nothing.tags).toEqual(['hello-cli:local']);
  });

  it('honours sha length and extra tags, skipping invalid ones', () => {
    const plan = planTags({ ...policy, auto: ['sha'], shaLength: 7, extra: ['stable', 'ghcr.io/acme/hello:edge', 'bad tag!'] }, input);
    expect(plan.tags).toEqual(['hello-cli:sha-0123456', 'hello-cli:stable', 'ghcr.io/acme/hello:edge']);
    expect(plan.warnings).toEqual(['"bad tag!" is not a valid image tag; skipped']);
  });

  it('makes local versions valid tags', () => {
    expect(planTags(policy, { ...input, version: '1.0+local' }).tags).toContain('hello-cli:1.0-local-py3.13');
  });
});
