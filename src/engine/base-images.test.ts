import { describe, expect, it } from 'vitest';
import { EngineUnavailableError } from '../core/errors.js';
import { readBaseImages } from './base-images.js';
import { DockerCli } from './docker-cli.js';
import { fakeExec } from './testing/fake-exec.js';

const image = (tag: string, user: string, entrypoint: string[] | null) => ({
  Id: `sha256:${tag}`,
  RepoTags: [tag],
  Size: 1,
  Config: { User: user, Env: [], Entrypoint: entrypoint, Cmd: ['sh'], Labels: {} },
  RootFS: { Layers: ['l1'] },
});

describe('readBaseImages', () => {
  it('reads User and Entrypoint of each image, and lists the ones the engine does not have', async () => {
    const fake = fakeExec()
      .on('docker image inspect python:3.13-slim', { stdout: JSON.stringify([image('python:3.13-slim', '', null)]) })
      .on('docker image inspect lab/nonroot:1', { stdout: JSON.stringify([image('lab/nonroot:1', '1000', ['/entrypoint.sh'])]) })
      .on('docker image inspect myorg/gone:1', { code: 1, stdout: '[]', stderr: 'Error: No such image: myorg/gone:1' });
    const engine = new DockerCli({ exec: fake.exec, env: {} });
    const { configs, missing } = await readBaseImages(engine, ['python:3.13-slim', 'lab/nonroot:1', 'myorg/gone:1']);
    expect(configs).toEqual({
      'python:3.13-slim': { user: '', entrypoint: undefined, cmd: ['sh'] },
      'lab/nonroot:1': { user: '1000', entrypoint: ['/entrypoint.sh'], cmd: ['sh'] },
    });
    expect(missing).toEqual(['myorg/gone:1']);
  });

  it('no engine is EngineUnavailableError (exit 3), not "image missing"', async () => {
    const fake = fakeExec()
      .on('docker image inspect python:3.13-slim', { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' })
      .on('docker version', { code: 1, stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' });
    const engine = new DockerCli({ exec: fake.exec, env: {} });
    await expect(readBaseImages(engine, ['python:3.13-slim'])).rejects.toBeInstanceOf(EngineUnavailableError);
  });
});
