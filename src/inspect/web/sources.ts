import type { FileReader } from '../../core/reader.js';
import { type PyModule, readPythonModule } from './python.js';

/**
 * The project's Python files that can hold a web application, found without reading them:
 * folders up to three levels below the root, tests, migrations, virtualenvs, docs and
 * front-end folders skipped, and at most MAX_FILES files (shallowest first). Each file is
 * read and parsed at most once, and only when its text names something web detection looks for.
 */
export const MAX_FILES = 400;
export const MAX_PARSED = 120;
/** Longer files are generated code or data, not an application's entry module. */
export const MAX_CHARS = 300_000;
const MAX_DEPTH = 3;
/** Folders listed at most (a monorepo's tree is not walked whole). */
const MAX_DIRS = 150;

const SKIP_DIRS = new Set([
  '__pycache__', 'node_modules', 'venv', 'env', 'virtualenv', 'site-packages', 'tests', 'test', 'testing', 'migrations',
  'alembic', 'docs', 'doc', 'examples', 'example', 'benchmarks', 'build', 'dist', 'htmlcov', 'static', 'staticfiles',
  'media', 'templates', 'frontend', 'scripts', 'fixtures', 'locale', 'assets',
]);
/** Only folders named like Python identifiers can be packages (or `src`); files without a suffix (Dockerfile) are not listed. */
const IDENTIFIER = /^[A-Za-z_]\w*$/;
const SKIP_FILES = /^(?:test_.*|.*_test|conftest|setup|noxfile|fabfile|tasks_test)\.py$/;

export interface PyFile {
  /** Relative to the project root: `app/main.py`. */
  readonly path: string;
}

export interface Sources {
  /** Python files found, shallowest first. */
  readonly files: readonly PyFile[];
  /** The walk stopped at MAX_FILES. */
  readonly truncated: boolean;
  /** Reads and parses a file (cached); undefined when it is missing, too big, or does not match `hint`. */
  module(path: string, root: string, hint?: RegExp): Promise<PyModule | undefined>;
  /** The raw text (cached). */
  text(path: string): Promise<string | undefined>;
  exists(path: string): Promise<boolean>;
  /** Files parsed so far. */
  parsedCount(): number;
}

/** `app/api/main.py` under root `` -> `app.api.main`; `src/pkg/__init__.py` under `src` -> `pkg`. */
export function moduleName(path: string, root: string): string {
  const rel = root === '' ? path : path.slice(root.length + 1);
  return rel.replace(/\.py$/, '').replace(/\/__init__$/, '').replace(/^__init__$/, '').replaceAll('/', '.');
}

/** `mysite.wsgi` under root `src` -> the paths it can be at. */
export function modulePaths(module: string, root: string): string[] {
  const base = `${root === '' ? '' : `${root}/`}${module.replaceAll('.', '/')}`;
  return [`${base}.py`, `${base}/__init__.py`];
}

export async function collectSources(reader: FileReader): Promise<Sources> {
  const files: PyFile[] = [];
  let truncated = false;
  let listed = 0;
  let queue: { dir: string; depth: number }[] = [{ dir: '', depth: 0 }];
  while (queue.length > 0 && !truncated) {
    const next: { dir: string; depth: number }[] = [];
    for (const { dir, depth } of queue) {
      if (++listed > MAX_DIRS) {
        truncated = true;
        break;
      }
      const names = await reader.list(dir === '' ? '.' : dir);
      for (const name of names) {
        const path = dir === '' ? name : `${dir}/${name}`;
        if (name.endsWith('.py')) {
          if (SKIP_FILES.test(name)) continue;
          if (files.length >= MAX_FILES) {
            truncated = true;
            break;
          }
          files.push({ path });
        } else if (depth < MAX_DEPTH && IDENTIFIER.test(name) && !SKIP_DIRS.has(name.toLowerCase()) && (await reader.isDirectory(path))) {
          next.push({ dir: path, depth: depth + 1 });
        }
      }
      if (truncated) break;
    }
    queue = next;
  }
  const texts = new Map<string, string | undefined>();
  const modules = new Map<string, PyModule | undefined>();
  let parsed = 0;
  const text = async (path: string) => {
    if (!texts.has(path)) {
      const t = await reader.read(path);
      texts.set(path, t);
    }
    return texts.get(path);
  };
  return {
    files,
    truncated,
    text,
    async exists(path) {
      return (await text(path)) !== undefined;
    },
    async module(path, root, hint) {
      const key = `${root}\u0000${path}`;
      if (modules.has(key)) return modules.get(key);
      const t = await text(path);
      if (t === undefined || t.length > MAX_CHARS || (hint && !hint.test(t)) || parsed >= MAX_PARSED) {
        if (t === undefined || t.length > MAX_CHARS) modules.set(key, undefined);
        return undefined;
      }
      parsed++;
      const mod = readPythonModule(t, path, moduleName(path, root));
      modules.set(key, mod);
      return mod;
    },
    parsedCount: () => parsed,
  };
}
