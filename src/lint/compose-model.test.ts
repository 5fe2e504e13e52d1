import { describe, expect, it } from 'vitest';
import { composeServices, installsAtStart, joinPath, normalizePath, serviceBuild, serviceVolumes } from './compose-model.js';
import { composeFilesOf, devcontainerConfig } from './devcontainer-model.js';
import { parseJsoncFile, parseYamlFile } from './files.js';

const compose = (text: string, path = 'compose.yaml') => parseYamlFile({ path, text });

describe('paths', () => {
  it('normalizes like path.posix, keeping .. that leaves the folder', () => {
    expect(normalizePath('./a/./b/../c/')).toBe('a/c');
    expect(normalizePath('../x')).toBe('../x');
    expect(normalizePath('/a/../../b')).toBe('/b');
    expect(joinPath('.devcontainer', '../compose.yaml')).toBe('compose.yaml');
    expect(joinPath('docker', '..', 'Dockerfile')).toBe('Dockerfile');
    expect(joinPath('a', '/abs/Dockerfile')).toBe('/abs/Dockerfile');
  });
});

describe('serviceBuild', () => {
  it('resolves the Dockerfile against the compose file folder and the context', () => {
    const f = compose('services:\n  a:\n    build: .\n  b:\n    build:\n      context: ./backend\n      dockerfile: docker/Dockerfile.dev\n      target: dev\n  c:\n    image: x\n  d:\n    build:\n      context: https://github.com/x/y.git\n', 'deploy/compose.yaml');
    const [a, b, c, d] = composeServices(f);
    expect(serviceBuild(f, a!)?.dockerfilePath).toBe('deploy/Dockerfile');
    expect(serviceBuild(f, b!)).toMatchObject({ dockerfilePath: 'deploy/backend/docker/Dockerfile.dev', target: 'dev' });
    expect(serviceBuild(f, c!)).toBeUndefined();
    expect(serviceBuild(f, d!)?.dockerfilePath).toBeUndefined();
  });
});

describe('serviceVolumes', () => {
  it('reads short and long syntax, telling bind mounts from volumes as compose does', () => {
    const f = compose('services:\n  a:\n    volumes:\n      - .:/app\n      - ~/x:/x:ro\n      - data:/data\n      - /anon\n      - ${PWD}:/w\n      - type: bind\n        source: ./s\n        target: /t\n      - type: tmpfs\n        target: /tmp\n');
    expect(serviceVolumes(composeServices(f)[0]!).map((v) => [v.type, v.source, v.target])).toEqual([
      ['bind', '.', '/app'],
      ['bind', '~/x', '/x'],
      ['volume', 'data', '/data'],
      ['volume', undefined, '/anon'],
      ['bind', '${PWD}', '/w'],
      ['bind', './s', '/t'],
      ['tmpfs', undefined, '/tmp'],
    ]);
  });
  it('knows commands that install dependencies at start', () => {
    const svc = (cmd: string) => composeServices(compose(`services:\n  a:\n    command: ${cmd}\n`))[0]!;
    expect(installsAtStart(svc('sh -c "uv sync --locked && exec app"'))).toBe(true);
    expect(installsAtStart(svc('["bash", "-c", "poetry install && python -m app"]'))).toBe(true);
    expect(installsAtStart(svc('uvicorn app:app'))).toBe(false);
  });
});

describe('devcontainer dockerComposeFile', () => {
  it('resolves against the folder of devcontainer.json', () => {
    const dc = parseJsoncFile({ path: '.devcontainer/devcontainer.json', text: '{ "dockerComposeFile": ["../compose.yaml", "compose.dev.yaml"], "service": "dev" }' });
    expect(composeFilesOf(dc, devcontainerConfig(dc)!)).toEqual(['compose.yaml', '.devcontainer/compose.dev.yaml']);
    const root = parseJsoncFile({ path: '.devcontainer.json', text: '{ "dockerComposeFile": "docker-compose.yml" }' });
    expect(composeFilesOf(root, devcontainerConfig(root)!)).toEqual(['docker-compose.yml']);
  });
});

describe('ranges of merged values', () => {
  it('fall back to the nearest key in the text', async () => {
    const { valueRange } = await import('./compose-model.js');
    const f = compose('x-v: &v\n  volumes:\n    - .:/app\nservices:\n  app:\n    <<: *v\n    image: x\n');
    expect(composeServices(f)[0]?.value.volumes).toEqual(['.:/app']);
    expect(valueRange(f, ['services', 'app', 'volumes', 0])).toEqual({ start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
  });
});
