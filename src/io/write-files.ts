import { link, mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { InterruptedError, UserError } from '../core/errors.js';
import type { FileReader } from '../core/reader.js';
import { type Ownership, ownership } from '../generate/marker.js';

export interface FileToWrite {
  readonly path: string;
  readonly contents: string;
}

export type WriteAction =
  | { readonly kind: 'create'; readonly file: FileToWrite }
  | { readonly kind: 'update'; readonly file: FileToWrite; readonly previous: string; readonly owner: Ownership }
  | { readonly kind: 'unchanged'; readonly file: FileToWrite }
  /** The file exists and is the user's (or pycrane's, edited by hand): replaced only with --force. */
  | { readonly kind: 'conflict'; readonly file: FileToWrite; readonly previous: string; readonly owner: Ownership };

/** Compares what would be written with what is there. Pure apart from reading. */
export async function planWrites(
  reader: FileReader,
  files: readonly FileToWrite[],
  options: { readonly force: boolean },
): Promise<WriteAction[]> {
  const actions: WriteAction[] = [];
  for (const file of files) {
    const previous = await reader.read(file.path);
    if (previous === undefined) actions.push({ kind: 'create', file });
    else if (previous === file.contents) actions.push({ kind: 'unchanged', file });
    else {
      const owner = ownership(previous);
      const kind = owner === 'pycrane' || options.force ? 'update' : 'conflict';
      actions.push({ kind, file, previous, owner });
    }
  }
  return actions;
}

/** A unified diff of every change (git-style a/ b/ names), empty when nothing changes. */
export function diffActions(actions: readonly WriteAction[]): string {
  let out = '';
  for (const action of actions) {
    if (action.kind === 'unchanged') continue;
    const before = action.kind === 'create' ? '' : action.previous;
    out += createTwoFilesPatch(
      action.kind === 'create' ? '/dev/null' : `a/${action.file.path}`,
      `b/${action.file.path}`,
      before,
      action.file.contents,
      undefined,
      undefined,
      { context: 3 },
    )
      .split('\n')
      .slice(1) // the "====" line createTwoFilesPatch puts first
      .join('\n');
  }
  return out;
}

function describeFsError(error: unknown, target: string): UserError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'read-only file system'
        : code === 'ENOSPC'
          ? 'no space left on device'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a file is in the way of a directory'
            : (error as Error).message;
  return new UserError('E_WRITE', `cannot write ${target}: ${reason}`, { cause: error });
}

export interface ApplyOptions {
  /**
   * Aborted by SIGINT/SIGTERM (the CLI holds the signals off while files are written): while
   * files are being staged, staging stops and nothing is written; once they are being moved
   * into place, the move finishes, so the set of files is never half-updated.
   */
  readonly signal?: AbortSignal;
  /** Called after each file is staged (before any is moved into place): a failpoint for fault tests. */
  readonly afterStage?: (relativePath: string, signal: AbortSignal | undefined) => Promise<void>;
}

const TEMP_FILE = /^\.(.+)\.pycrane-(\d+)\.tmp$/;

function tempPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.pycrane-${process.pid}.tmp`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files a killed pycrane (SIGKILL, power loss) left beside the targets: removed when their process is gone. */
async function removeStaleTemps(dirs: Iterable<string>): Promise<void> {
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_FILE.exec(name);
      if (match && Number(match[2]) !== process.pid && !alive(Number(match[2]))) await rm(path.join(dir, name), { force: true });
    }
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

interface Staged {
  readonly tmp: string;
  readonly target: string;
  readonly action: Extract<WriteAction, { kind: 'create' | 'update' }>;
}

function raced(target: string, what: string): UserError {
  return new UserError('E_WRITE_RACE', `${target} ${what} while pycrane was writing (another program or pycrane run): nothing written`, {
    hint: 'run pycrane init again to see the differences',
  });
}

/**
 * Moves one staged file into place, unless the target changed since it was planned: a file
 * that appeared is never replaced (link fails on it), a file that changed is left alone. A
 * target that already holds exactly our contents (a concurrent run wrote the same) is done.
 * Returns whether the target now holds what this run moved there (to undo on a later failure).
 */
async function commit({ tmp, target, action }: Staged): Promise<boolean> {
  const now = await readIfExists(target);
  if (now === action.file.contents) return false;
  if (action.kind === 'create') {
    if (now !== undefined) throw raced(target, 'appeared');
    try {
      // link, not rename: it fails instead of replacing a file that appears in between.
      await link(tmp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if ((await readIfExists(target)) === action.file.contents) return false;
        throw raced(target, 'appeared');
      }
      // File systems without hard links: the check above is the guard.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
      await rename(tmp, target);
    }
    return true;
  }
  if (now !== action.previous) throw raced(target, now === undefined ? 'was removed' : 'changed');
  await rename(tmp, target);
  return true;
}

/** Puts back what `commit` replaced, newest first: created files go, updated ones get their old contents. */
async function undo(done: readonly Staged[]): Promise<void> {
  for (const { target, action } of [...done].reverse()) {
    if ((await readIfExists(target)) !== action.file.contents) continue;
    if (action.kind === 'create') await rm(target, { force: true });
    else {
      const tmp = tempPath(target);
      await writeFile(tmp, action.previous, 'utf8');
      await rename(tmp, target);
    }
  }
}

/**
 * Writes every create/update action atomically: each file goes to a temporary file beside
 * it, fsynced, and only when all of them are written are they moved into place (a file that
 * appeared or changed since planning stops the move, and what was moved is put back). A
 * failure or an interruption before the move leaves every original file as it was and no
 * temporary file behind.
 */
export async function applyWrites(root: string, actions: readonly WriteAction[], options: ApplyOptions = {}): Promise<string[]> {
  const todo = actions.filter((a): a is Staged['action'] => a.kind === 'create' || a.kind === 'update');
  await removeStaleTemps(new Set(todo.map((a) => path.dirname(path.join(root, a.file.path)))));
  const staged: Staged[] = [];
  const interrupted = () => {
    if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new InterruptedError('SIGINT', 'nothing written');
  };
  try {
    for (const action of todo) {
      interrupted();
      const target = path.join(root, action.file.path);
      const tmp = tempPath(target);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        const handle = await open(tmp, 'wx', 0o644);
        staged.push({ tmp, target, action });
        try {
          await handle.writeFile(action.file.contents, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        throw describeFsError(error, target);
      }
      await options.afterStage?.(action.file.path, options.signal);
    }
    interrupted();
    const done: Staged[] = [];
    for (const item of staged) {
      try {
        if (await commit(item)) done.push(item);
      } catch (error) {
        await undo(done);
        throw error instanceof UserError ? error : describeFsError(error, item.target);
      }
    }
    return staged.map((s) => s.action.file.path);
  } finally {
    // Nothing is left behind: moved files are gone from here already (links leave the name).
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
  }
}
