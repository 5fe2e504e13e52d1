import { describe, expect, it } from 'vitest';
import { createdTimestamp, normalizeRemote, ociLabels } from './labels.js';

describe('normalizeRemote', () => {
  it.each([
    ['git@github.com:acme/hello.git', 'https://github.com/acme/hello'],
    ['https://github.com/acme/hello.git', 'https://github.com/acme/hello'],
    ['https://user:ghp_secret@github.com/acme/hello.git', 'https://github.com/acme/hello'],
    ['ssh://git@gitlab.example.com:2222/team/app.git', 'https://gitlab.example.com/team/app'],
    ['/srv/git/hello.git', undefined],
    ['', undefined],
  ])('%s -> %s', (remote, url) => {
    expect(normalizeRemote(remote)).toBe(url);
  });
});

describe('ociLabels', () => {
  const git = { commit: 'a'.repeat(40), dirty: false, remote: 'https://github.com/acme/hello' };
  it('sets the OCI keys it knows and leaves out empty ones', () => {
    const labels = ociLabels({
      title: 'hello-cli',
      description: 'A small\n  tool',
      version: '1.4.2',
      license: 'MIT',
      authors: ['A <a@x>', 'B'],
      git,
      source: undefined,
      created: '2026-11-28T07:00:00Z',
      baseName: 'python:3.13-slim',
      extra: { 'com.example.team': 'core' },
    });
    expect(labels).toEqual({
      'org.opencontainers.image.title': 'hello-cli',
      'org.opencontainers.image.description': 'A small tool',
      'org.opencontainers.image.version': '1.4.2',
      'org.opencontainers.image.revision': 'a'.repeat(40),
      'org.opencontainers.image.source': 'https://github.com/acme/hello',
      'org.opencontainers.image.created': '2026-11-28T07:00:00Z',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.authors': 'A <a@x>, B',
      'org.opencontainers.image.base.name': 'python:3.13-slim',
      'com.example.team': 'core',
    });
  });
  it('marks a dirty revision and lets config override the source', () => {
    const labels = ociLabels({ title: undefined, description: undefined, version: undefined, license: undefined, authors: [], git: { ...git, dirty: true }, source: 'https://example.com/x', created: 'c', baseName: undefined, extra: {} });
    expect(labels).toEqual({
      'org.opencontainers.image.revision': `${'a'.repeat(40)}-dirty`,
      'org.opencontainers.image.source': 'https://example.com/x',
      'org.opencontainers.image.created': 'c',
    });
  });
});

describe('createdTimestamp', () => {
  it('uses SOURCE_DATE_EPOCH when set, else the clock', () => {
    expect(createdTimestamp(new Date('2026-01-02T03:04:05.678Z'), undefined)).toBe('2026-01-02T03:04:05Z');
    expect(createdTimestamp(new Date(), '1700000000')).toBe('2023-11-14T22:13:20Z');
    expect(createdTimestamp(new Date('2026-01-02T03:04:05.678Z'), 'nope')).toBe('2026-01-02T03:04:05Z');
  });
});
