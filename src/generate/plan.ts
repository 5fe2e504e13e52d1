import { UserError } from '../core/errors.js';
import type { ProjectFacts } from '../inspect/model.js';

/** Versions pycrane pins when neither the lock nor `[tool.pycrane]` says otherwise. */
export const DEFAULT_PIPX_VERSION = '1.7.1';

export interface UserSpec {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** How the production image starts. Exec form only: signals reach the application. */
export interface StartCommand {
  readonly entrypoint: readonly string[] | undefined;
  readonly cmd: readonly string[] | undefined;
  /** Where the decision came from, for `init`'s summary. */
  readonly reason: string;
  /**
   * SIGINT when Python itself is PID 1 (a console script, `python -m`): the kernel drops a
   * SIGTERM that PID 1 has no handler for, so `docker stop` would wait 10 s and kill, but
   * Python always handles SIGINT (KeyboardInterrupt). Servers such as gunicorn handle
   * SIGTERM themselves and keep the default.
   */
  readonly stopSignal: 'SIGINT' | undefined;
}

/**
 * Every decision about the generated setup, made once from the project's facts. The
 * renderers only print it, so the plan is what tests and `init`'s summary look at.
 */
export interface BuildPlan {
  /** Compose project name and image name stem: lowercase, `[a-z0-9_-]`. */
  readonly name: string;
  readonly pythonMinor: string;
  readonly baseImage: string;
  readonly poetryVersion: string;
  readonly poetryMajor: number;
  readonly pipxVersion: string;
  /** true: build a wheel and install it; false (`package-mode = false`): copy the code. */
  readonly isPackage: boolean;
  readonly workdir: string;
  readonly venv: string;
  readonly user: UserSpec;
  readonly devUser: UserSpec;
  /** Dependency groups the dev image installs besides main, in file order. */
  readonly devGroups: readonly string[];
  readonly apt: { readonly build: readonly string[]; readonly runtime: readonly string[]; readonly dev: readonly string[] };
  readonly start: StartCommand;
  /** PYTHONPATH of the dev image, so the mounted sources import without an install. */
  readonly devPythonPath: string;
  readonly port: number | undefined;
  readonly buildNetwork: string | undefined;
  /** Files the dependency layer needs: always pyproject.toml and poetry.lock. */
  readonly lockFiles: readonly string[];
  /**
   * Installers the venv was seeded with (`python -m venv` puts pip, and before Python 3.12
   * setuptools, into it) that the runtime image does not need: removed from the app's venv
   * unless the lock's main group depends on them.
   */
  readonly pruneFromVenv: readonly string[];
}

export interface PlanOptions {
  /** Fallback for the project name: the directory's name. */
  readonly directoryName: string;
}

const DEV_APT_PACKAGES = ['git', 'sudo'];
const VENV_SEED_PACKAGES = ['pip', 'setuptools', 'wheel'];

export function normaliseName(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return name === '' ? 'app' : name;
}

function majorOf(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isNaN(major) ? 0 : major;
}

function startCommand(facts: ProjectFacts, venv: string): StartCommand {
  const configured = facts.config.command;
  if (configured && configured.length > 0) {
    return { entrypoint: undefined, cmd: configured, reason: '[tool.pycrane] command', stopSignal: undefined };
  }
  const [script, ...others] = facts.scripts;
  if (script) {
    const note = others.length > 0 ? ` (first of ${facts.scripts.length}; set [tool.pycrane] command to choose)` : '';
    if (facts.isPackage.value) {
      return {
        entrypoint: [`${venv}/bin/${script.name}`],
        cmd: ['--help'],
        reason: `console script "${script.name}"${note}`,
        stopSignal: 'SIGINT',
      };
    }
  }
  const [module] = facts.layout.mainModules;
  if (module) {
    return { entrypoint: ['python', '-m', module], cmd: undefined, reason: `${module}/__main__.py`, stopSignal: 'SIGINT' };
  }
  return {
    entrypoint: undefined,
    cmd: ['python'],
    reason: 'no console script, __main__.py or [tool.pycrane] command: the image starts Python',
    stopSignal: 'SIGINT',
  };
}

/** Decides the whole setup. Throws UserError for projects it cannot containerise yet. */
export function planSetup(facts: ProjectFacts, options: PlanOptions): BuildPlan {
  if (facts.manager.value !== 'poetry' || !facts.poetry) {
    throw new UserError(
      'E_UNSUPPORTED_MANAGER',
      `pycrane init writes setups for Poetry projects; this project uses ${facts.manager.value}`,
      { source: facts.manager.source, hint: 'uv, PDM and pip projects are planned; `pycrane check` already audits them.' },
    );
  }
  if (!facts.lock) {
    throw new UserError('E_NO_LOCK', 'poetry.lock is missing: the images install exactly what the lock says', {
      source: { file: 'pyproject.toml', line: 1 },
      hint: 'run `poetry lock` and commit poetry.lock, then run pycrane init again.',
    });
  }
  const config = facts.config;
  const venv = '/opt/venv';
  const workdir = config.workdir ?? '/app';
  const src = facts.layout.kind === 'src';
  const lockedMain = new Set(facts.lock.packages.filter((p) => p.groups.includes('main')).map((p) => p.name));
  return {
    name: normaliseName(facts.name?.value ?? options.directoryName),
    pythonMinor: facts.python.selected.value,
    baseImage: facts.python.image.value,
    poetryVersion: facts.poetry.version.value,
    poetryMajor: majorOf(facts.poetry.version.value),
    pipxVersion: config.pipxVersion ?? DEFAULT_PIPX_VERSION,
    isPackage: facts.isPackage.value,
    workdir,
    venv,
    user: { name: config.user?.name ?? 'app', uid: config.user?.uid ?? 10001, gid: config.user?.gid ?? 10001 },
    devUser: { name: config.devUser?.name ?? 'dev', uid: config.devUser?.uid ?? 1000, gid: config.devUser?.gid ?? 1000 },
    devGroups: facts.groups.filter((g) => g.name !== 'main').map((g) => g.name),
    apt: {
      build: config.apt?.build ?? [],
      runtime: config.apt?.runtime ?? [],
      // The dev image runs the same code, so it needs the runtime libraries too.
      dev: [...new Set([...DEV_APT_PACKAGES, ...(config.apt?.runtime ?? []), ...(config.apt?.dev ?? [])])].sort(),
    },
    start: startCommand(facts, venv),
    devPythonPath: src ? `${workdir}/src` : workdir,
    port: config.port,
    buildNetwork: config.buildNetwork,
    lockFiles: ['pyproject.toml', 'poetry.lock'],
    pruneFromVenv: VENV_SEED_PACKAGES.filter((name) => !lockedMain.has(name)),
  };
}
