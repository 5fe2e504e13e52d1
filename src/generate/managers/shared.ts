import type { ProjectFacts } from '../../inspect/model.js';
import type { Step } from './types.js';

/** pipx pinned when neither the lock nor `[tool.pycrane] pipx-version` says otherwise. */
export const DEFAULT_PIPX_VERSION = '1.7.1';

export const PIP_CACHE = '/root/.cache/pip';

/** Installers `python -m venv` seeds (pip; setuptools before 3.12; wheel in some distributions). */
const VENV_SEED_PACKAGES = ['pip', 'setuptools', 'wheel'];

/** Seed packages the runtime venv can drop: those the lock's main group does not itself need. */
export function prunableSeeds(facts: ProjectFacts): string[] {
  const lockedMain = new Set((facts.lock?.packages ?? []).filter((p) => p.groups.includes('main')).map((p) => p.name));
  return VENV_SEED_PACKAGES.filter((name) => !lockedMain.has(name));
}

/** pipx's home and bin, outside the venv and out of the runtime image. */
export const PIPX_ENV: readonly (readonly [string, string])[] = [
  ['PIPX_HOME', '/opt/pipx'],
  ['PIPX_BIN_DIR', '/opt/pipx/bin'],
  ['PATH', '/opt/pipx/bin:$PATH'],
];

/** The builder's RUN step: pinned pipx, then the pinned tool in its own pipx venv. */
export function pipxInstall(tool: string, versionArg: string): Step {
  return {
    commands: ['pip install "pipx==${PIPX_VERSION}"', `pipx install "${tool}==\${${versionArg}}"`],
    caches: [PIP_CACHE],
    secret: true,
  };
}

export function pipxVersion(facts: ProjectFacts): string {
  return facts.config.pipxVersion ?? DEFAULT_PIPX_VERSION;
}

/** `pip install -r FILE` (hash-checking when the file has hashes), with constraints. */
export function pipInstallRequirements(files: readonly string[], options: { hashes: boolean; constraints?: readonly string[] }): string {
  const args = [
    ...(options.hashes ? ['--require-hashes'] : []),
    ...files.flatMap((f) => ['-r', f]),
    ...(options.constraints ?? []).flatMap((c) => ['-c', c]),
  ];
  return `pip install ${args.join(' ')}`;
}

/**
 * Where app-build installs the project: a root whose tree mirrors the image's (pip's
 * `--root`), so the app stage copies the project's own files, and only those, as one layer
 * on top of the dependency layer.
 */
export const PROJECT_ROOT = '/opt/project';

/** The project, built by its own backend and installed as a wheel under PROJECT_ROOT: never editable, no dependencies. */
export function pipInstallProject(constraints: readonly string[] = []): Step {
  const c = constraints.flatMap((f) => ['-c', f]);
  return { commands: [['pip install --no-deps', `--root ${PROJECT_ROOT}`, ...c, '.'].join(' ')], caches: [PIP_CACHE], secret: true };
}

/** pip (and pipx, and the pip that installs exported locks) read PIP_INDEX_URL. */
export const PIP_INDEX_ARG: readonly [string, string] = [
  'PIP_INDEX_URL',
  '# pip (and so pipx) reads PIP_INDEX_URL: pass a mirror with --build-arg, never credentials.',
];
