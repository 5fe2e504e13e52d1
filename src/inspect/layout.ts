import type { FileReader } from '../core/reader.js';
import type { PackageInclude, SourceLayout } from './model.js';

/** `Hello-App` -> `hello_app`: the import name Poetry looks for by default. */
export function importName(projectName: string): string {
  return projectName.toLowerCase().replace(/[-.]+/g, '_');
}

/**
 * Where the project's import packages live. `packages` of `[tool.poetry]` decides when
 * given (`from = "src"` means a src layout); otherwise the tree is searched: packages
 * (folders with `__init__.py`) under `src/`, else the project's import name at the root
 * (a package folder or a single module `name.py`).
 */
export async function detectLayout(
  reader: FileReader,
  declared: readonly PackageInclude[],
  projectName: string | undefined,
): Promise<SourceLayout> {
  const found = await findPackages(reader, declared, projectName);
  const mainModules: string[] = [];
  for (const pkg of found.packages) {
    const dir = pkg.from ? `${pkg.from.replace(/\/$/, '')}/${pkg.include}` : pkg.include;
    if ((await reader.read(`${dir}/__main__.py`)) !== undefined) mainModules.push(pkg.include.replaceAll('/', '.'));
  }
  const mainScripts: string[] = [];
  for (const file of ENTRY_SCRIPTS) {
    const text = await reader.read(file);
    if (text !== undefined && MAIN_GUARD.test(text)) mainScripts.push(file);
  }
  return { ...found, mainModules, mainScripts };
}

/** Root files that apps are commonly started from, most telling first. */
const ENTRY_SCRIPTS = ['main.py', 'app.py', 'run.py', 'server.py', 'bot.py', 'start.py', 'cli.py'];
/** `if __name__ == "__main__":` at the start of a line, either quote style, either operand order. */
const MAIN_GUARD = /^if\s+(?:__name__\s*==\s*["']__main__["']|["']__main__["']\s*==\s*__name__)\s*:/m;

async function findPackages(
  reader: FileReader,
  declared: readonly PackageInclude[],
  projectName: string | undefined,
): Promise<Omit<SourceLayout, 'mainModules'>> {
  if (declared.length > 0) {
    const inSrc = declared.some((p) => (p.from ?? '').replace(/^\.\//, '').replace(/\/$/, '') === 'src');
    return { kind: inSrc ? 'src' : 'flat', packages: declared };
  }
  const wanted = projectName === undefined ? undefined : importName(projectName);
  const found: PackageInclude[] = [];
  if (await reader.isDirectory('src')) {
    for (const entry of await reader.list('src')) {
      if ((await reader.read(`src/${entry}/__init__.py`)) !== undefined) {
        found.push({ include: entry, from: 'src', source: { file: `src/${entry}/__init__.py`, line: 1 } });
      }
    }
    if (found.length > 0) {
      // The project's own package first.
      found.sort((a, b) => Number(b.include === wanted) - Number(a.include === wanted));
      return { kind: 'src', packages: found };
    }
  }
  if (wanted !== undefined) {
    if ((await reader.read(`${wanted}/__init__.py`)) !== undefined) {
      return { kind: 'flat', packages: [{ include: wanted, from: undefined, source: { file: `${wanted}/__init__.py`, line: 1 } }] };
    }
    if ((await reader.read(`${wanted}.py`)) !== undefined) {
      return { kind: 'flat', packages: [{ include: `${wanted}.py`, from: undefined, source: { file: `${wanted}.py`, line: 1 } }] };
    }
  }
  // A flat project whose package is not named like the project ("bot/" in bot-core, a
  // Django project's "config/" or "mysite/"): every package folder at the root but tests and tooling.
  const packages: PackageInclude[] = [];
  for (const entry of await reader.list('.')) {
    if (NOT_APPLICATION.has(entry.toLowerCase()) || entry.startsWith('.')) continue;
    if ((await reader.read(`${entry}/__init__.py`)) !== undefined) {
      packages.push({ include: entry, from: undefined, source: { file: `${entry}/__init__.py`, line: 1 } });
    }
  }
  if (packages.length > 0) return { kind: 'flat', packages };
  return { kind: 'unknown', packages: [] };
}

/** Root folders that are not the application's code even when they hold an `__init__.py`. */
const NOT_APPLICATION = new Set(['tests', 'test', 'testing', 'docs', 'doc', 'examples', 'example', 'scripts', 'benchmarks', 'build', 'dist', 'node_modules', 'venv', 'env', 'site-packages']);
