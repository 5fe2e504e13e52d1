import { chmod, mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InterruptedError, UserError } from '../core/errors.js';
import { stamp } from '../generate/marker.js';
import { nodeReader } from './fs.js';
import { applyWrites, diffActions, planWrites } from './write-files.js';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'pycrane-write-'));
}

const ours = (body: string) => stamp(`# header\n${body}`, '#', 1);

describe('planWrites', () => {
  it('creates missing files, updates untouched pycrane files, keeps identical ones', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'Dockerfile'), ours('FROM a\n'));
    await writeFile(path.join(dir, 'same'), 'x\n');
    const actions = await planWrites(
      nodeReader(dir),
      [
        { path: 'Dockerfile', contents: ours('FROM b\n') },
        { path: 'same', contents: 'x\n' },
        { path: '.devcontainer/devcontainer.json', contents: '{}\n' },
      ],
      { force: false },
    );
    expect(actions.map((a) => a.kind)).toEqual(['update', 'unchanged', 'create']);
  });

  it('never plans to replace a user file or a hand-edited one without force', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM mine\n');
    await writeFile(path.join(dir, 'compose.yaml'), ours('services: {}\n').replace('{}', '{x: 1}'));
    const files = [
      { path: 'Dockerfile', contents: ours('FROM b\n') },
      { path: 'compose.yaml', contents: ours('services: {}\n') },
    ];
    const plain = await planWrites(nodeReader(dir), files, { force: false });
    expect(plain.map((a) => [a.kind, 'owner' in a ? a.owner : undefined])).toEqual([
      ['conflict', 'user'],
      ['conflict', 'edited'],
    ]);
    const forced = await planWrites(nodeReader(dir), files, { force: true });
    expect(forced.map((a) => a.kind)).toEqual(['update', 'update']);
  });
});

describe('diffActions', () => {
  it('prints a git-style unified diff and nothing for unchanged files', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'a'), 'one\ntwo\n');
    const actions = await planWrites(
      nodeReader(dir),
      [
        { path: 'a', contents: 'one\nthree\n' },
        { path: 'b', contents: 'new\n' },
      ],
      { force: true },
    );
    const diff = diffActions(actions);
    expect(diff).toContain('--- a/a\n+++ b/a\n');
    expect(diff).toContain('-two\n+three');
    expect(diff).toContain('--- /dev/null\n+++ b/b\n');
  });
});

describe('applyWrites', () => {
  it('writes every file, creating folders, and leaves no temporary file', async () => {
    const dir = await tempDir();
    const actions = await planWrites(
      nodeReader(dir),
      [
        { path: 'Dockerfile', contents: 'FROM x\n' },
        { path: '.devcontainer/devcontainer.json', contents: '{}\n' },
      ],
      { force: false },
    );
    expect(await applyWrites(dir, actions)).toEqual(['Dockerfile', '.devcontainer/devcontainer.json']);
    expect(await readFile(path.join(dir, '.devcontainer/devcontainer.json'), 'utf8')).toBe('{}\n');
    expect((await readdir(dir)).sort()).toEqual(['.devcontainer', 'Dockerfile']);
  });

  it.skipIf(process.getuid?.() === 0)('changes nothing when one file cannot be written (non-root only)', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, '.devcontainer'));
    await chmod(path.join(dir, '.devcontainer'), 0o500);
    const actions = await planWrites(
      nodeReader(dir),
      [
        { path: 'Dockerfile', contents: 'FROM x\n' },
        { path: '.devcontainer/devcontainer.json', contents: '{}\n' },
      ],
      { force: false },
    );
    await expect(applyWrites(dir, actions)).rejects.toThrow(UserError);
    expect((await readdir(dir)).sort()).toEqual(['.devcontainer']);
  });

  it('changes nothing when a file is in the way of a folder', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '.devcontainer'), 'not a folder');
    const actions = await planWrites(
      nodeReader(dir),
      [
        { path: 'Dockerfile', contents: 'FROM x\n' },
        { path: '.devcontainer/devcontainer.json', contents: '{}\n' },
      ],
      { force: false },
    );
    await expect(applyWrites(dir, actions)).rejects.toThrow(/cannot write .*devcontainer.json: a file is in the way/);
    expect((await readdir(dir)).sort()).toEqual(['.devcontainer']);
  });

  const twoFiles = [
    { path: 'Dockerfile', contents: ours('FROM new\n') },
    { path: 'compose.yaml', contents: ours('services: {}\n') },
  ];

  it('never replaces a file that appeared after planning, and undoes what it moved', async () => {
    const dir = await tempDir();
    const actions = await planWrites(nodeReader(dir), twoFiles, { force: false });
    await writeFile(path.join(dir, 'compose.yaml'), 'mine\n');
    await expect(applyWrites(dir, actions)).rejects.toThrow(/compose.yaml appeared while pycrane was writing/);
    expect(await readFile(path.join(dir, 'compose.yaml'), 'utf8')).toBe('mine\n');
    expect((await readdir(dir)).sort()).toEqual(['compose.yaml']);
  });

  it('leaves a file that changed after planning alone and puts back the ones it updated', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'Dockerfile'), ours('FROM old\n'));
    await writeFile(path.join(dir, 'compose.yaml'), ours('services: {a: {}}\n'));
    const actions = await planWrites(nodeReader(dir), twoFiles, { force: false });
    expect(actions.map((a) => a.kind)).toEqual(['update', 'update']);
    await writeFile(path.join(dir, 'compose.yaml'), 'edited meanwhile\n');
    await expect(applyWrites(dir, actions)).rejects.toThrow(/compose.yaml changed while pycrane was writing/);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe(ours('FROM old\n'));
    expect(await readFile(path.join(dir, 'compose.yaml'), 'utf8')).toBe('edited meanwhile\n');
    expect((await readdir(dir)).sort()).toEqual(['Dockerfile', 'compose.yaml']);
  });

  it('takes a target that already holds its contents (a concurrent run wrote the same) as done', async () => {
    const dir = await tempDir();
    const first = await planWrites(nodeReader(dir), twoFiles, { force: false });
    const second = await planWrites(nodeReader(dir), twoFiles, { force: false });
    await applyWrites(dir, first);
    await expect(applyWrites(dir, second)).resolves.toEqual(['Dockerfile', 'compose.yaml']);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe(twoFiles[0]?.contents);
  });

  it('stops before moving anything when the signal is aborted while staging', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'Dockerfile'), ours('FROM old\n'));
    const actions = await planWrites(nodeReader(dir), twoFiles, { force: false });
    const controller = new AbortController();
    const write = applyWrites(dir, actions, {
      signal: controller.signal,
      afterStage: async () => {
        controller.abort(new InterruptedError('SIGTERM', 'nothing written'));
      },
    });
    await expect(write).rejects.toThrow(/interrupted by SIGTERM: nothing written/);
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe(ours('FROM old\n'));
    expect((await readdir(dir)).sort()).toEqual(['Dockerfile']);
  });

  it('removes temporary files that a killed run left behind, keeps those of live runs', async () => {
    const dir = await tempDir();
    // A pid far above any pid_max: no such process.
    await writeFile(path.join(dir, '.Dockerfile.pycrane-99999999.tmp'), 'half');
    await writeFile(path.join(dir, `.compose.yaml.pycrane-${process.ppid}.tmp`), 'a live run');
    await applyWrites(dir, await planWrites(nodeReader(dir), twoFiles, { force: false }));
    expect((await readdir(dir)).sort()).toEqual([`.compose.yaml.pycrane-${process.ppid}.tmp`, 'Dockerfile', 'compose.yaml']);
  });
});
