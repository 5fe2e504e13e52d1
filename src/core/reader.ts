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
