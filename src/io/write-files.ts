import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { UserError } from '../core/errors.js';
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

/**
 * Writes every create/update action atomically: each file goes to a temporary file beside
 * it, fsynced, and only when all of them are written are they renamed into place. A failure
 * before the renames leaves every original file as it was and no temporary file behind.
 */
export async function applyWrites(root: string, actions: readonly WriteAction[]): Promise<string[]> {
  const todo = actions.filter((a) => a.kind === 'create' || a.kind === 'update');
  const staged: { tmp: string; target: string; rel: string }[] = [];
  try {
    for (const action of todo) {
      const target = path.join(root, action.file.path);
      const tmp = path.join(path.dirname(target), `.${path.basename(target)}.pycrane-${process.pid}.tmp`);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        const handle = await open(tmp, 'wx', 0o644);
        staged.push({ tmp, target, rel: action.file.path });
        try {
          await handle.writeFile(action.file.contents, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
      } catch (error) {
        throw describeFsError(error, path.join(root, action.file.path));
      }
    }
    for (const { tmp, target } of staged) {
      try {
        await rename(tmp, target);
      } catch (error) {
        throw describeFsError(error, target);
      }
    }
    return staged.map((s) => s.rel);
  } finally {
    // Nothing is left behind: renamed files are gone from here already.
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
  }
}
