/**
 * Real faults under `pycrane init`: a read-only folder (a read-only bind mount), a full disk
 * (a tiny tmpfs), SIGINT/SIGTERM/SIGKILL while files are being written, and several inits on
 * one folder at once. Every user file must end either as it was or complete, never
 * half-written, with one clear line saying what happened.
 *
 * Mounting needs root and a Linux kernel (CI runs as root); elsewhere the mount cases skip
 * with the reason. The CLI runs as a real process (dist/cli.js, built when missing), so
 * signals reach it as they reach a user's.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const repo = path.join(import.meta.dirname, '..', '..');
const bin = path.join(repo, 'dist', 'cli.js');
const example = path.join(repo, 'examples', 'pip-requirements');

const isRoot = process.getuid?.() === 0 && process.platform === 'linux';
const mountReason = isRoot ? '' : 'mounting a tmpfs or a read-only bind mount needs root on Linux (CI runs as root)';

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function start(dir: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; done: Promise<Exit>; stderr: () => string } {
  const child = spawn(process.execPath, [bin, 'init', '--yes', ...args, dir], { env: { ...process.env, CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => void (stdout += c));
  child.stderr?.setEncoding('utf8').on('data', (c: string) => void (stderr += c));
  const done = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

const init = (dir: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) => start(dir, args, env).done;

async function waitFor(predicate: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every file under dir (path -> contents), skipping `skip`. */
async function snapshot(dir: string, skip: readonly string[] = []): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!skip.includes(rel)) out[rel] = await readFile(path.join(dir, rel), 'utf8');
  }
  return out;
}

const temps = (files: Record<string, string>) => Object.keys(files).filter((f) => /\.pycrane-\d+\.tmp$/.test(f));

/** A copy of the example in a folder of the same name each time (the project's name comes from it). */
async function freshCopy(): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(tmpdir(), 'pycrane-faults-')), 'project');
  await cp(example, dir, { recursive: true });
  return dir;
}

/** The files one undisturbed init writes, to compare the others with. */
let reference: Record<string, string>;
const mounts: string[] = [];

beforeAll(async () => {
  if (!existsSync(bin)) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: repo, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stderr}`);
  }
  const dir = await freshCopy();
  const run = await init(dir);
  expect(run.code, run.stderr).toBe(0);
  reference = await snapshot(dir);
  await rm(dir, { recursive: true, force: true });
}, 120_000);

afterEach(() => {
  for (const dir of mounts.splice(0)) spawnSync('umount', ['-l', dir]);
});

function mount(args: readonly string[]): void {
  const run = spawnSync('mount', args, { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`mount ${args.join(' ')}: ${run.stderr}`);
  mounts.push(args[args.length - 1] as string);
}

describe.skipIf(!isRoot)(`init on a broken file system${mountReason ? ` (skipped: ${mountReason})` : ''}`, () => {
  it('a read-only folder: exit 2, one line naming the file and the reason, nothing changed', async () => {
    const dir = await freshCopy();
    const before = await snapshot(dir);
    mount(['--bind', dir, dir]);
    mount(['-o', 'remount,bind,ro', dir, dir]);
    const run = await init(dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n').filter((l) => l.startsWith('pycrane:'))).toEqual([
      expect.stringMatching(/^pycrane: cannot write .*: read-only file system$/),
    ]);
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a full disk (a tiny tmpfs with room for one file): exit 2, no space left, no file half-written or left behind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pycrane-faults-tmpfs-'));
    mount(['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir]);
    await cp(example, dir, { recursive: true });
    const before = await snapshot(dir);
    // Fill the disk, then free about one generated file's worth: the first file fits, a later one does not.
    await writeFile(path.join(dir, '.room'), Buffer.alloc(8 * 1024));
    spawnSync('sh', ['-c', `cat /dev/zero > ${JSON.stringify(path.join(dir, '.filler'))} 2>/dev/null`]);
    await rm(path.join(dir, '.room'));
    const run = await init(dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^pycrane: cannot write .*: no space left on device$/m);
    const after = await snapshot(dir, ['.filler']);
    expect(temps(after)).toEqual([]);
    expect(after).toEqual(before);
  });
});

describe('init interrupted while writing', () => {
  /** A project whose four files init has written, with a setting changed so the next init updates all of them. */
  async function projectToUpdate(): Promise<{ dir: string; before: Record<string, string> }> {
    const dir = await freshCopy();
    expect((await init(dir)).code).toBe(0);
    const toml = path.join(dir, 'pycrane.toml');
    await writeFile(toml, (await readFile(toml, 'utf8')).replace(/^port = \d+/m, 'port = 8123'));
    return { dir, before: await snapshot(dir) };
  }

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} after the first file is staged: exit ${code}, every file as it was, no temporary file`, async () => {
      const { dir, before } = await projectToUpdate();
      const run = start(dir, [], { PYCRANE_FAILPOINT_STAGED_MS: '10000' });
      await waitFor(() => run.stderr().includes('pycrane-failpoint: staged'), 'the first staged file');
      run.child.kill(signal);
      const exit = await run.done;
      expect(exit.code).toBe(code);
      expect(exit.stderr).toMatch(new RegExp(`^pycrane: interrupted by ${signal}: nothing written$`, 'm'));
      expect(await snapshot(dir)).toEqual(before);
      // The next run completes the job.
      expect((await init(dir)).code).toBe(0);
      expect(Object.keys(await snapshot(dir)).sort()).toEqual(Object.keys(before).sort());
    });
  }

  it('SIGKILL (cannot be caught) while staging: the files as they were; the next init removes the dead run\'s temporary files', async () => {
    const { dir, before } = await projectToUpdate();
    const run = start(dir, [], { PYCRANE_FAILPOINT_STAGED_MS: '10000' });
    await waitFor(() => run.stderr().includes('pycrane-failpoint: staged'), 'the first staged file');
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    const killed = await snapshot(dir);
    expect(temps(killed).length).toBeGreaterThan(0);
    const { [temps(killed)[0] as string]: _left, ...rest } = killed;
    expect(rest).toEqual(before);
    const next = await init(dir);
    expect(next.code, next.stderr).toBe(0);
    expect(temps(await snapshot(dir))).toEqual([]);
  });
});

describe('several inits on one folder at once', () => {
  it('six concurrent runs: every run succeeds and the folder holds exactly what one run writes', async () => {
    const dir = await freshCopy();
    const runs = await Promise.all(Array.from({ length: 6 }, () => init(dir)));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const after = await snapshot(dir);
    expect(temps(after)).toEqual([]);
    expect(after).toEqual(reference);
  });

  it('a user file that appears while init writes is never replaced', async () => {
    const dir = await freshCopy();
    const run = start(dir, [], { PYCRANE_FAILPOINT_STAGED_MS: '1500' });
    await waitFor(() => run.stderr().includes('pycrane-failpoint: staged'), 'the first staged file');
    await writeFile(path.join(dir, 'compose.yaml'), 'services: {mine: {image: x}}\n');
    const exit = await run.done;
    expect(exit.code).toBe(2);
    expect(exit.stderr).toMatch(/compose.yaml appeared while pycrane was writing/);
    const after = await snapshot(dir);
    expect(after['compose.yaml']).toBe('services: {mine: {image: x}}\n');
    expect(temps(after)).toEqual([]);
    expect(after.Dockerfile).toBeUndefined();
  });
});
