import { describe, expect, it } from 'vitest';
import {
  classifyRegistryError,
  digestForReference,
  errorLine,
  judgeExisting,
  movedTags,
  parseMetadataDigest,
  parsePushDigest,
  parseReference,
  parseRemoteImage,
  type RemoteLookup,
} from './registry.js';

const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;
const rev1 = '1111111111111111111111111111111111111111';
const rev2 = '2222222222222222222222222222222222222222';

describe('references', () => {
  it('splits registry, repository, tag and digest', () => {
    expect(parseReference('127.0.0.1:5000/team/app:1.4.2')).toEqual({ registry: '127.0.0.1:5000', repository: '127.0.0.1:5000/team/app', tag: '1.4.2', digest: undefined });
    expect(parseReference(`ghcr.io/acme/app@${A}`)).toEqual({ registry: 'ghcr.io', repository: 'ghcr.io/acme/app', tag: undefined, digest: A });
    expect(parseReference('localhost/app')).toMatchObject({ registry: 'localhost', tag: undefined });
    expect(parseReference('acme/app:1')).toEqual({ registry: undefined, repository: 'acme/app', tag: '1', digest: undefined });
    expect(parseReference('python:3.13-slim')).toEqual({ registry: undefined, repository: 'python', tag: '3.13-slim', digest: undefined });
  });

  it('finds the digest an image carries for a reference', () => {
    const repoDigests = [`127.0.0.1:5000/app@${A}`, `python@${B}`];
    expect(digestForReference('127.0.0.1:5000/app:1', repoDigests)).toBe(A);
    expect(digestForReference(`127.0.0.1:5000/app@${A}`, repoDigests)).toBe(A);
    expect(digestForReference(`127.0.0.1:5000/app@${B}`, repoDigests)).toBeUndefined();
    expect(digestForReference('docker.io/library/python:3.13-slim', repoDigests)).toBe(B);
    expect(digestForReference('app:1', repoDigests)).toBeUndefined();
  });
});

describe('docker and buildx output', () => {
  it('reads docker push and --metadata-file digests (real output of docker 20.10 / buildx 0.13)', () => {
    expect(parsePushDigest(`27d3a08225a2: Layer already exists\n6d8975954a8b: Layer already exists\na: digest: ${A} size: 735\n`)).toBe(A);
    expect(parsePushDigest('denied: requested access to the resource is denied')).toBeUndefined();
    const metadata = JSON.stringify({ 'buildx.build.ref': 'default/default/vp6', 'containerimage.config.digest': B, 'containerimage.digest': A });
    expect(parseMetadataDigest(metadata)).toBe(A);
    expect(parseMetadataDigest('{}')).toBeUndefined();
    expect(parseMetadataDigest('')).toBeUndefined();
  });

  it('reads imagetools inspect --format {{json .}} for an image and for an index', () => {
    const single = JSON.stringify({ name: 'x:1', manifest: { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: A, size: 735 }, image: { config: { Labels: { 'org.opencontainers.image.revision': rev1 } } } });
    expect(parseRemoteImage(single)).toEqual({ digest: A, revision: rev1 });
    const index = JSON.stringify({ manifest: { digest: B }, image: { 'linux/amd64': { config: { Labels: { 'org.opencontainers.image.revision': rev2 } } }, 'linux/arm64': { config: {} } } });
    expect(parseRemoteImage(index)).toEqual({ digest: B, revision: rev2 });
    expect(parseRemoteImage(JSON.stringify({ manifest: { digest: A }, image: { config: {} } }))).toEqual({ digest: A, revision: undefined });
    expect(parseRemoteImage('not json')).toBeUndefined();
  });

  it('takes the last ERROR line without gRPC wrapping, and classifies registry errors (lab output)', () => {
    const arm64 =
      '#3 ERROR: failed to do request\nERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.13-slim": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host';
    expect(errorLine(arm64)).toBe('failed to solve: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.13-slim": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host');
    expect(classifyRegistryError('ERROR: failed to do request: Head "http://127.0.0.1:5999/v2/x/manifests/1": dial tcp 127.0.0.1:5999: connect: connection refused')).toBe('unreachable');
    expect(classifyRegistryError('ERROR: 127.0.0.1:5000/pycrane-exp-4385:nope: not found')).toBe('not-found');
    expect(classifyRegistryError('failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized')).toBe('unauthorized');
    expect(classifyRegistryError('http: server gave HTTP response to HTTPS client')).toBe('insecure');
    expect(classifyRegistryError(`manifest for x@${A.replace('a', '4014')} is broken`)).toBe('other');
  });
});

describe('existing tags', () => {
  const found = (digest: string, revision?: string): RemoteLookup => ({ status: 'found', image: { digest, revision } });
  const tags = ['r/app:1.4.2', 'r/app:1.4.2-py3.13', 'r/app:sha-111111111111', 'r/app:latest'];
  const immutable = tags.slice(0, 3);

  it('refuses a release tag of another commit, names both revisions, and lets moving tags move', () => {
    const lookups = new Map<string, RemoteLookup>([
      ['r/app:1.4.2', found(A, rev2)],
      ['r/app:1.4.2-py3.13', found(A, rev2)],
      ['r/app:sha-111111111111', { status: 'missing' }],
      ['r/app:latest', found(A, rev2)],
    ]);
    const judged = judgeExisting(lookups, immutable, rev1, false);
    expect(judged.refusal).toBe(`refusing to move a release tag: r/app:1.4.2 already exists as ${A} (built from 222222222222; this build: 111111111111) (and 1 more tag)`);
    expect(judged.fatal).toBeUndefined();
    const forced = judgeExisting(lookups, immutable, rev1, true);
    expect(forced.refusal).toBeUndefined();
    expect(forced.preflight.warnings).toEqual([
      `--force: moving release tag r/app:1.4.2 away from ${A} (built from 222222222222)`,
      `--force: moving release tag r/app:1.4.2-py3.13 away from ${A} (built from 222222222222)`,
    ]);
    expect([...forced.preflight.existing.keys()]).toEqual(['r/app:1.4.2', 'r/app:1.4.2-py3.13', 'r/app:latest']);
  });

  it('allows a re-run of the same commit, refuses an image without a revision label', () => {
    expect(judgeExisting(new Map([['r/app:1.4.2', found(A, rev1)]]), immutable, rev1, false).refusal).toBeUndefined();
    expect(judgeExisting(new Map([['r/app:1.4.2', found(A)]]), immutable, rev1, false).refusal).toMatch(/without a revision label/);
  });

  it('stops on an unreachable or refusing registry, warns when it cannot ask', () => {
    const unreachable = judgeExisting(new Map([['r/app:1.4.2', { status: 'error', kind: 'unreachable', message: 'connection refused' }]]), immutable, rev1, false);
    expect(unreachable.fatal).toEqual({ kind: 'unreachable', tag: 'r/app:1.4.2', message: 'connection refused' });
    const insecure = judgeExisting(new Map([['r/app:1.4.2', { status: 'error', kind: 'insecure', message: 'server gave HTTP response to HTTPS client' }]]), immutable, rev1, false);
    expect(insecure.fatal).toBeUndefined();
    expect(insecure.preflight.warnings).toEqual(['could not look up r/app:1.4.2 in its registry (server gave HTTP response to HTTPS client): not checked for an existing image']);
  });

  it('reports moved tags with both digests', () => {
    const existing = new Map([
      ['r/app:1.4.2', { digest: A, revision: rev1 }],
      ['r/app:latest', { digest: A, revision: rev2 }],
      ['r/app:edge', { digest: B, revision: rev2 }],
    ]);
    const pushed = [
      { tag: 'r/app:1.4.2', digest: B },
      { tag: 'r/app:latest', digest: B },
      { tag: 'r/app:edge', digest: B },
    ];
    expect(movedTags(existing, pushed, rev1)).toEqual([
      `r/app:1.4.2 moved from ${A} to ${B} (rebuilt from the same commit: a new created time makes a new digest)`,
      `r/app:latest moved from ${A} to ${B}`,
    ]);
  });
});
