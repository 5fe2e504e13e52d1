import { PycraneError, UserError } from './errors.js';

/** Read-only view of a project directory, so inspect/ can be tested with an in-memory tree. */
export interface FileReader {
  /** The file's text, or undefined when it does not exist. Other errors throw. */
  read(relativePath: string): Promise<string | undefined>;
  /** Names in a directory (files and folders), or [] when it does not exist. */
  list(relativePath: string): Promise<readonly string[]>;
  isDirectory(relativePath: string): Promise<boolean>;
}

/** An in-memory tree: keys are relative paths with `/`. Folders are implied by the keys. */
export function memoryReader(files: Readonly<Record<string, string>>): FileReader {
  const norm = (p: string) => p.replace(/^\.(?:\/|$)/, '').replace(/\/$/, '');
  const children = (dir: string) => {
    const prefix = dir === '' ? '' : `${dir}/`;
    const names = new Set<string>();
    for (const key of Object.keys(files)) {
      if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('/')[0] ?? '');
    }
    names.delete('');
    return [...names].sort();
  };
  return {
    async read(relativePath) {
      return files[norm(relativePath)];
    },
    async list(relativePath) {
      return children(norm(relativePath));
    },
    async isDirectory(relativePath) {
      const dir = norm(relativePath);
      return dir === '' || children(dir).length > 0;
    },
  };
}

/** Longest path (4096) and file name (255) POSIX systems accept; a longer one cannot name a file. */
const MAX_PATH = 4096;
const MAX_NAME = 255;

/** A path no file can have: a NUL byte, or a name or path longer than the system allows. */
export function isImpossiblePath(relativePath: string): boolean {
  if (relativePath.includes('\u0000') || relativePath.length > MAX_PATH) return true;
  return relativePath.split('/').some((part) => part.length > MAX_NAME);
}

/** Errors that mean "no file there" for a path that came from a user's file (a folder, a loop, a name too long). */
const NOT_A_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP', 'EINVAL', 'ERR_INVALID_ARG_VALUE']);

/**
 * A reader for paths that come from the project's own files (`packages = [{include = "..."}]`): a path
 * no file can have, or one that names a folder, reads as not found instead of throwing, so a strange
 * value in pyproject.toml never becomes an internal error. Other failures (permissions) throw a UserError
 * naming the file.
 */
export function forgivingReader(reader: FileReader): FileReader {
  const attempt = async <T>(relativePath: string, absent: T, run: () => Promise<T>): Promise<T> => {
    if (isImpossiblePath(relativePath)) return absent;
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && NOT_A_FILE.has(code)) return absent;
      if (error instanceof PycraneError) throw error;
      throw new UserError('E_UNREADABLE', `cannot read ${relativePath}: ${typeof code === 'string' ? code : String(error)}`, {
        source: { file: relativePath, line: 1 },
        cause: error,
      });
    }
  };
  return {
    read: (p) => attempt(p, undefined, () => reader.read(p)),
    list: (p) => attempt(p, [], () => reader.list(p)),
    isDirectory: (p) => attempt(p, false, () => reader.isDirectory(p)),
  };
}
