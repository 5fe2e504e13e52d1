import type { SourceRef } from '../../core/location.js';
import type { PackageManager, ProjectFacts } from '../../inspect/model.js';

/**
 * One RUN step of a manager: shell commands joined with `&&`, and what the step needs
 * mounted. A step that downloads gets cache mounts and the `netrc` secret (index
 * credentials that never reach a layer).
 */
export interface Step {
  readonly commands: readonly string[];
  /** Cache mount targets (`/root/.cache/pip`); empty for a step that downloads nothing. */
  readonly caches: readonly string[];
  /** Mount the netrc secret (every step that talks to an index). */
  readonly secret: boolean;
  /** Other `--mount` flags (bind mounts of lock files, ...), written before the cache mounts. */
  readonly mounts?: readonly string[];
}

/**
 * What differs between package managers in the generated setup. The Dockerfile's shape
 * (builder, app-pre, app-build, dev, app), users, start command and compose/devcontainer are
 * written once (dockerfile.ts, compose.ts, devcontainer.ts); a manager supplies only this.
 */
export interface ManagerPlan {
  readonly id: PackageManager;
  /** How docs and banners name the tool: `Poetry`, `uv`, `PDM`, `pipenv`, `pip-tools`, `pip`. */
  readonly displayName: string;
  /** The builder stage's banner: `pinned pipx and Poetry`. */
  readonly builderTitle: string;
  /** `init`'s summary line for the tool, e.g. `poetry 2.1.2 (pipx 1.7.1)`, and where the pin came from. */
  readonly tool: { readonly label: string; readonly source: SourceRef | undefined };
  /** builder stage: ARGs (name, default), ENV, `COPY --from` lines and RUN steps that install the pinned tool. */
  readonly builder: {
    readonly args: readonly (readonly [string, string])[];
    /** The build arg that points the tool at a mirror or private index (never credentials), and the comment above it. */
    readonly indexArg: readonly [string, string];
    readonly env: readonly (readonly [string, string])[];
    readonly copies: readonly string[];
    readonly steps: readonly Step[];
  };
  /** ENV of the stages that install into the venv (app-pre and on). */
  readonly venvEnv: readonly (readonly [string, string])[];
  /** The dependency step compiles bytecode itself (uv's UV_COMPILE_BYTECODE); else pycrane adds compileall. */
  readonly compilesBytecode: boolean;
  /** The venv is created by `python -m venv` (false: the manager creates it, as uv does). */
  readonly createsVenv: boolean;
  /** Files the dependency layer is built from (COPY before the install); also what compose watch rebuilds on. */
  readonly dependencyFiles: readonly string[];
  /** Files pycrane writes into the dependency layer itself (`COPY <<EOF`): requirements it read from setup.py. */
  readonly inlineFiles?: readonly { readonly path: string; readonly lines: readonly string[] }[];
  /** The locked main dependencies, without the project itself. Undefined: they cannot be installed without the code. */
  readonly installDependencies: Step | undefined;
  /**
   * After `COPY . .` in app-build: the project built and installed non-editable under
   * PROJECT_ROOT (shared.ts), laid out as in the image. Undefined for apps whose code is copied.
   */
  readonly installProject: Step | undefined;
  /** dev stage: every dependency group (the project itself is not installed: PYTHONPATH finds the mounted code). */
  readonly installDev: readonly Step[];
  /** What the dev container runs on each start to bring the venv in line with the mounted lock (shell). */
  readonly devSync: string | undefined;
  /** Directories of the tool, put on PATH for login shells in dev. */
  readonly toolPath: readonly string[];
  /** compose's build-only `builder` service runs this. */
  readonly toolCommand: readonly string[];
  /** The dependency layer installs exact versions from a lock (false: they resolve on build day). */
  readonly locked: boolean;
  /** Names the lock in comments and messages (`poetry.lock`, `requirements.txt`). */
  readonly lockName: string;
  /** Installers seeded into the venv that the runtime image does not need. */
  readonly pruneFromVenv: readonly string[];
}

export interface ManagerContext {
  readonly venv: string;
  readonly workdir: string;
  /** Dependency groups the dev image installs besides main, in file order. */
  readonly devGroups: readonly string[];
  readonly isPackage: boolean;
}

/** A package manager's unit: turns the project's facts into its part of the plan. */
export interface ManagerRecipe {
  readonly id: PackageManager;
  plan(facts: ProjectFacts, context: ManagerContext): ManagerPlan;
}
