import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileReader } from '../core/reader.js';

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export function nodeReader(root: string): FileReader {
  return {
    async read(relativePath) {
      try {
        return await readFile(path.join(root, relativePath), 'utf8');
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async list(relativePath) {
      try {
        return (await readdir(path.join(root, relativePath))).sort();
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
    async isDirectory(relativePath) {
      try {
        return (await stat(path.join(root, relativePath))).isDirectory();
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
  };
}
