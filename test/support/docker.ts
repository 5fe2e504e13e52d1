/**
 * Small helpers for end-to-end tests that drive the real docker CLI. Argv arrays only.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chown, cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function sh(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {}): Run {
  const started = Date.now();
  const result: SpawnSyncReturns<string> = spawnSync(cmd, args as string[], {
    cwd: options.cwd,
    env: { ...process.env, DOCKER_BUILDKIT: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 600_000,
    maxBuffer: 64 * 1024 * 1024,
    input: options.input,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

/**
 * Like sh, without blocking the event loop: for tests whose own servers (an index proxy)
 * must answer while the command runs.
 */
export function shAsync(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args as string[], { cwd: options.cwd, env: { ...process.env, DOCKER_BUILDKIT: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => void (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => void (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

/** Runs and throws with the command's output when it fails: the output is the evidence. */
export function must(cmd: string, args: readonly string[], options: Parameters<typeof sh>[2] = {}): Run {
  const run = sh(cmd, args, options);
  if (run.code !== 0) {
    const tail = `${run.stdout}\n${run.stderr}`.split('\n').slice(-60).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited ${run.code}:\n${tail}`);
  }
  return run;
}

/** Gives a folder and everything in it to uid:gid (a developer who owns the checkout). */
export async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    await chown(path.join(entry.parentPath, entry.name), uid, gid);
  }
}

/** A private copy of an example project, so tests never touch the repository's files. */
export async function copyExample(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `pycrane-e2e-${name}-`));
  await cp(path.join(import.meta.dirname, '..', '..', 'examples', name), dir, { recursive: true });
  return dir;
}

export interface BuildResult extends Run {
  /** BuildKit's plain progress, where CACHED lines show which steps were reused. */
  readonly log: string;
}

export function buildx(dir: string, target: string, tag: string, extra: readonly string[] = []): BuildResult {
  const run = must('docker', ['buildx', 'build', '--network', 'host', '--load', '--progress', 'plain', '--target', target, '-t', tag, ...extra, dir]);
  return { ...run, log: run.stderr };
}

/** true when the build reused the step whose line contains `needle` (BuildKit prints `#N CACHED`). */
export function stepCached(log: string, needle: string): boolean {
  const lines = log.split('\n');
  for (const line of lines) {
    const match = /^#(\d+) \[[^\]]+\] (.*)$/.exec(line);
    if (match && match[2]?.includes(needle)) {
      return lines.includes(`#${match[1]} CACHED`);
    }
  }
  throw new Error(`no build step matching ${JSON.stringify(needle)} in the log`);
}

export function imageSize(tag: string): number {
  return Number(must('docker', ['image', 'inspect', '--format', '{{.Size}}', tag]).stdout.trim());
}
