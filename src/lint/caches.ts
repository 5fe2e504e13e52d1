import type { RunNode } from '../dockerfile/model.js';
import type { ShellCommand } from '../dockerfile/shell.js';
import type { InstallTool } from './analysis.js';
import { envFlag, envValue, expandedWords, hasFlag, isLocalOrUrl, optionWordsOf, pipFetch, trimTrailingSlashes as trim } from './commands.js';

/**
 * Where each installer keeps its download cache, and how it is turned off. PC304 (the cache in a
 * layer) and PC402 (no cache mount) share it, so both rules know the same managers.
 */
export type CacheOwner = 'pip' | 'uv' | 'poetry' | 'pdm' | 'pipenv';

interface CacheSpec {
  /** The folder under `~/.cache` (`$XDG_CACHE_HOME`). */
  readonly dir: string;
  /** The variable that moves it. */
  readonly dirEnv: string;
  /** Options that turn the cache off for one command. */
  readonly noCacheFlags: readonly string[];
  readonly noCacheShort?: string;
  /** Variables that turn it off. */
  readonly noCacheEnv: readonly string[];
}

export const CACHES: Readonly<Record<CacheOwner, CacheSpec>> = {
  pip: { dir: 'pip', dirEnv: 'PIP_CACHE_DIR', noCacheFlags: ['--no-cache-dir'], noCacheEnv: ['PIP_NO_CACHE_DIR'] },
  uv: { dir: 'uv', dirEnv: 'UV_CACHE_DIR', noCacheFlags: ['--no-cache'], noCacheShort: 'n', noCacheEnv: ['UV_NO_CACHE'] },
  poetry: { dir: 'pypoetry', dirEnv: 'POETRY_CACHE_DIR', noCacheFlags: ['--no-cache'], noCacheEnv: [] },
  pdm: { dir: 'pdm', dirEnv: 'PDM_CACHE_DIR', noCacheFlags: [], noCacheEnv: [] },
  // pipenv points pip at its own cache (PIP_CACHE_DIR=$PIPENV_CACHE_DIR); PIP_NO_CACHE_DIR still turns pip's off.
  pipenv: { dir: 'pipenv', dirEnv: 'PIPENV_CACHE_DIR', noCacheFlags: [], noCacheEnv: ['PIP_NO_CACHE_DIR'] },
};

/** The caches an install writes to; any one of them being mounted is enough (hatch uses pip, or uv when configured). */
export function cacheOwners(tool: InstallTool): readonly CacheOwner[] {
  switch (tool) {
    case 'pip':
    case 'pip-sync':
      return ['pip'];
    case 'uv':
    case 'uv-pip':
      return ['uv'];
    case 'hatch':
      return ['pip', 'uv'];
    case 'poetry':
    case 'pdm':
    case 'pipenv':
      return [tool];
    default:
      return [];
  }
}

/** The usual cache folder of a root build, for messages: `/root/.cache/uv`. */
export function defaultCacheDir(owner: CacheOwner): string {
  return `/root/.cache/${CACHES[owner].dir}`;
}

/** A BuildKit cache (or tmpfs) mount covers the owner's cache: its folder, `~/.cache` itself, or where `<X>_CACHE_DIR` points. */
export function cacheMounted(node: RunNode, cmd: ShellCommand, owner: CacheOwner): boolean {
  const spec = CACHES[owner];
  const targets = node.mounts.filter((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined).map((m) => trim(m.target as string));
  if (targets.length === 0) return false;
  const covers = (dir: string) => targets.some((t) => dir === t || dir.startsWith(`${t}/`));
  const moved = envValue(node, cmd, spec.dirEnv);
  if (moved !== undefined) return moved.includes('$') || covers(trim(moved));
  const xdg = envValue(node, cmd, 'XDG_CACHE_HOME');
  if (xdg !== undefined) return xdg.includes('$') || covers(`${trim(xdg)}/${spec.dir}`);
  return targets.some((t) => t.endsWith(`/.cache/${spec.dir}`) || t.endsWith('/.cache') || t === `.cache/${spec.dir}` || t === '.cache');
}

/** The command runs with the owner's cache turned off (`--no-cache-dir` or pip's `--no-cache`, `UV_NO_CACHE=1`, `ENV PIP_NO_CACHE_DIR=1`). */
export function cacheDisabled(node: RunNode, cmd: ShellCommand, owner: CacheOwner): boolean {
  const spec = CACHES[owner];
  const words = optionWordsOf(cmd, expandedWords(node, cmd).words);
  if (spec.noCacheFlags.length > 0 && hasFlag(words, spec.noCacheFlags, spec.noCacheShort)) return true;
  // pip reads any value of PIP_NO_CACHE_DIR as "off" (even 0, for historical reasons); uv wants a true value.
  return spec.noCacheEnv.some((name) => (name === 'PIP_NO_CACHE_DIR' ? envValue(node, cmd, name) !== undefined || node.scope.has(name) : envFlag(node, cmd, name) !== false));
}

/** The same RUN deletes the cache before the layer is written (`rm -rf /root/.cache`, `rm -rf $POETRY_CACHE_DIR`). */
export function cacheRemoved(node: RunNode, owner: CacheOwner): boolean {
  const spec = CACHES[owner];
  const moved = node.scope.get(spec.dirEnv)?.value;
  const dir = moved === undefined ? undefined : trim(node.scope.expand(moved).value);
  return node.script.commands.some(
    (c) =>
      c.name === 'rm' &&
      c.argv.some((w) => {
        const v = node.scope.expand(w.value).value.replace(/\/\*$/, '');
        return w.value.includes('.cache') || w.value.includes(spec.dirEnv) || v.includes(spec.dir === 'pypoetry' ? 'pypoetry' : `.cache/${spec.dir}`) || (dir !== undefined && v !== '' && (dir === trim(v) || dir.startsWith(`${trim(v)}/`)));
      }),
  );
}

/**
 * `pip wheel` / `pip download` that fetches packages from an index through pip's cache: requirement
 * files, named packages, or the project with its dependencies (not `pip wheel --no-deps .`).
 */
export function pipFetchDownloads(cmd: ShellCommand): boolean {
  const fetch = pipFetch(cmd);
  if (!fetch) return false;
  if (fetch.requirementFiles.length > 0) return true;
  return fetch.packages.some((p) => !fetch.noDeps || !isLocalOrUrl(p.value));
}
