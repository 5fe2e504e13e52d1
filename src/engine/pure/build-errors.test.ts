import { describe, expect, it } from 'vitest';
import { explainBuildFailure, parseBuilderInspect, type FailureContext } from './build-errors.js';

// `docker buildx inspect` on the docker-lab (buildx 0.13.1, docker 20.10.24).
const INSPECT = `Name:          default
Driver:        docker
Last Activity: 2026-12-01 10:30:25 +0000 UTC

Nodes:
Name:             default
Endpoint:         default
Status:           running
BuildKit version: v0.8+unknown
Platforms:        linux/amd64, linux/386
`;
const builder = parseBuilderInspect(INSPECT);
const base: FailureContext = { output: '', code: 1, command: 'docker buildx build', platform: undefined, push: true, cacheTo: [], tags: ['127.0.0.1:5000/app:1'], builder, builderName: undefined };

describe('parseBuilderInspect', () => {
  it('reads name, driver and platforms', () => {
    expect(builder).toEqual({ name: 'default', driver: 'docker', platforms: ['linux/amd64', 'linux/386'] });
    expect(parseBuilderInspect('ERROR: no builder "x" found')).toBeUndefined();
  });
  it('an empty field stays empty (it does not take the next line); long runs of spaces are read in linear time', () => {
    expect(parseBuilderInspect('Name:\nDriver: docker\n')).toBeUndefined();
    const spaces = ' '.repeat(200_000);
    const text = `Name:${spaces}default\nDriver:${spaces}docker\nPlatforms:${spaces}linux/amd64,${spaces}linux/arm64*${spaces}\rx\n`;
    expect(parseBuilderInspect(text)).toEqual({ name: 'default', driver: 'docker', platforms: ['linux/amd64', 'linux/arm64'] });
  });
});

describe('explainBuildFailure (messages of buildx 0.13 on the lab)', () => {
  it('a platform the builder lacks', () => {
    const output =
      'ERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: failed to create LLB definition: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.13-slim": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host';
    const e = explainBuildFailure({ ...base, output, platform: 'linux/arm64' });
    expect(e.code).toBe('E_PLATFORM');
    expect(e.message).toBe(
      'the builder "default" (docker driver) cannot build for linux/arm64 (it runs linux/amd64, linux/386): failed to solve: failed to do request: Head "https://registry-1.docker.io/v2/library/python/manifests/3.13-slim": dial tcp: lookup registry-1.docker.io on 10.255.255.53:53: no such host',
    );
    expect(e.hint).toMatch(/tonistiigi\/binfmt --install arm64/);
    const exec = explainBuildFailure({ ...base, builder: undefined, output: '#8 0.321 exec /bin/sh: exec format error\nERROR: failed to solve: process "/bin/sh -c pip install x" did not complete successfully: exit code: 1', platform: 'linux/arm64' });
    expect(exec.message).toMatch(/^the builder cannot build for linux\/arm64: failed to solve/);
  });

  it('several platforms on the docker driver, pushed or loaded', () => {
    const push = explainBuildFailure({ ...base, platform: 'linux/amd64,linux/arm64', output: 'ERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/build-multi-platform/' });
    expect(push.message).toBe('the builder "default" (docker driver) cannot build several platforms at once (linux/amd64, linux/arm64)');
    expect(push.hint).toMatch(/docker buildx create --name ci --driver docker-container --use/);
    const load = explainBuildFailure({ ...base, push: false, platform: 'linux/amd64,linux/arm64', output: 'ERROR: docker exporter does not currently support exporting manifest lists' });
    expect(load.message).toMatch(/cannot be loaded into the docker image store: push it/);
  });

  it('a cache export the docker driver refuses', () => {
    const e = explainBuildFailure({ ...base, cacheTo: ['type=registry,ref=r/app:cache,mode=max'], output: 'ERROR: Cache export is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.' });
    expect(e).toMatchObject({ code: 'E_CACHE', message: '--cache-to type=registry: the builder "default" (docker driver) exports only type=inline cache' });
    expect(e.hint).toMatch(/--cache-to type=inline/);
  });

  it('an unknown builder', () => {
    expect(explainBuildFailure({ ...base, builder: undefined, output: 'ERROR: no builder "nosuch" found' })).toMatchObject({ code: 'E_BUILDER', message: 'no buildx builder named "nosuch" (from --builder or BUILDX_BUILDER)' });
  });

  it('a push the registry refuses', () => {
    const e = explainBuildFailure({ ...base, tags: ['ghcr.io/acme/app:1'], output: 'ERROR: failed to push ghcr.io/acme/app:1: denied: permission_denied: write_package' });
    expect(e).toMatchObject({ code: 'E_PUSH', message: 'the push to ghcr.io failed: failed to push ghcr.io/acme/app:1: denied: permission_denied: write_package' });
    expect(e.hint).toMatch(/docker login ghcr\.io/);
  });

  it('anything else keeps BuildKit\'s own error line', () => {
    expect(explainBuildFailure({ ...base, push: false, output: '#9 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1' })).toEqual({
      code: 'E_BUILD',
      message: 'docker buildx build failed (exit 1): failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
      hint: undefined,
    });
  });
});
