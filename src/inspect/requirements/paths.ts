/** Root-relative paths with `/`, resolved without touching the file system. */

/** `a/./b/../c` -> `a/c`; undefined when the path is absolute or climbs above the root. */
export function normalizeRelative(path: string): string | undefined {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return undefined;
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/** The folder of a root-relative file: `requirements/base.txt` -> `requirements`, `x.txt` -> ``. */
export function folderOf(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '' : file.slice(0, slash);
}

/** `target` as pip resolves it in an include: relative to the including file's folder. */
export function resolveInclude(includingFile: string, target: string): string | undefined {
  if (target.startsWith('/')) return undefined;
  const folder = folderOf(includingFile);
  return normalizeRelative(folder === '' ? target : `${folder}/${target}`);
}
