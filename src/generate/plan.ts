import type { ProjectFacts } from '../inspect/model.js';
import { recipeFor } from './managers/index.js';
import type { ManagerPlan } from './managers/types.js';
import { installedDependencies, nativeLibsFor } from './web/native-libs.js';
import { type WebPlan, planWeb } from './web/plan.js';

export { DEFAULT_PIPX_VERSION } from './managers/shared.js';

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
  /** Nothing to start was found: the image starts Python (a library's image), and init says so. */
  readonly fallback?: boolean;
}

/** Unions two package lists, the first in its order, then what the second adds. */
function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
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
  /** What the package manager contributes: its tool, the dependency layer, the project install, the dev sync. */
  readonly manager: ManagerPlan;
  /** true: build a wheel and install it; false (an app, `package-mode = false`): copy the code. */
  readonly isPackage: boolean;
  readonly workdir: string;
  readonly venv: string;
  readonly user: UserSpec;
  readonly devUser: UserSpec;
  /** Dependency groups the dev image installs besides main, in file order. */
  readonly devGroups: readonly string[];
  readonly apt: { readonly build: readonly string[]; readonly runtime: readonly string[]; readonly dev: readonly string[] };
  /** Why pycrane added system packages for the dependencies (web/native-libs.ts), for init's summary. */
  readonly nativeLibs: readonly string[];
  readonly start: StartCommand;
  /** PYTHONPATH of the dev image, so the mounted sources import without an install. */
  readonly devPythonPath: string;
  readonly port: number | undefined;
  readonly buildNetwork: string | undefined;
  /**
   * The project's files go straight into site-packages (a pure-Python package with static
   * metadata, see inspect/pure-python.ts): its metadata and scripts come from app-meta, built
   * from pyproject.toml alone, and a source edit changes one COPY. Undefined: app-build's wheel.
   */
  readonly projectCopy: { readonly sitePackages: string; readonly packages: readonly { readonly path: string; readonly name: string }[]; readonly metadataFiles: readonly string[] } | undefined;
  /** Where the user changes the setup: `[tool.pycrane] in pyproject.toml` or `pycrane.toml`. */
  readonly configFile: 'pyproject.toml' | 'pycrane.toml';
  /** The files the setup was generated from, for the generated files' headers. */
  readonly sources: readonly string[];
  /** The web application, Celery worker and services (web/plan.ts); undefined for other projects. */
  readonly web: WebPlan | undefined;
}

export interface PlanOptions {
  /** Fallback for the project name: the directory's name. */
  readonly directoryName: string;
}

const DEV_APT_PACKAGES = ['git', 'sudo'];

export function normaliseName(raw: string): string {
  const name = raw
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    // The lookbehind starts a trailing match only where its run starts: linear.
    .replace(/^[-_]+|(?<![-_])[-_]+$/g, '');
  return name === '' ? 'app' : name;
}

function startCommand(facts: ProjectFacts, venv: string, web: WebPlan | undefined): StartCommand {
  const configured = facts.config.command;
  if (configured && configured.length > 0) {
    return { entrypoint: undefined, cmd: configured, reason: '[tool.pycrane] command', stopSignal: undefined };
  }
  const app = facts.web.app;
  if (web?.app && app) {
    // CMD, not ENTRYPOINT: compose's migrate and worker services run other commands in this image.
    return { entrypoint: undefined, cmd: web.app.command, reason: `${web.app.server} for ${app.target.value}${app.server.source ? '' : ' (default server)'}`, stopSignal: undefined };
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
  const [mainScript] = facts.layout.mainScripts ?? [];
  if (mainScript) {
    return { entrypoint: ['python', mainScript], cmd: undefined, reason: `${mainScript} (its if __name__ == "__main__" block)`, stopSignal: 'SIGINT' };
  }
  return {
    entrypoint: undefined,
    cmd: ['python'],
    reason: 'no console script, __main__.py, main.py or [tool.pycrane] command: the image starts Python with the project installed (set [tool.pycrane] command)',
    stopSignal: 'SIGINT',
    fallback: true,
  };
}

const LOOPBACK_URL = /^https?:\/\/(?:[^@/]*@)?(?:127(?:\.\d{1,3}){3}|localhost|\[::1\])(?::\d+)?(?:\/|$)/i;

/**
 * The network of RUN steps: `[tool.pycrane] build-network`, else `host` when an index the
 * project names (Poetry/PDM/uv sources, the Pipfile's, `--index-url` of its requirements) is on
 * the host's loopback, which a build reaches only on the host's network (a local mirror).
 */
export function buildNetworkOf(facts: ProjectFacts): string | undefined {
  if (facts.config.buildNetwork !== undefined) return facts.config.buildNetwork;
  const main = facts.requirements?.main;
  const urls = [...facts.indexes.map((i) => i.url), main?.indexUrl?.value, ...(main?.extraIndexUrls ?? []).map((u) => u.value)];
  return urls.some((url) => url !== undefined && LOOPBACK_URL.test(url)) ? 'host' : undefined;
}

/** The files a setup is generated from, named in the generated files' headers. */
function sourcesOf(facts: ProjectFacts): string[] {
  const own = new Set(['Dockerfile', 'compose.yaml', '.dockerignore', '.devcontainer/devcontainer.json', '.env.example', 'README.Docker.md']);
  return facts.files.filter((f) => !own.has(f) && !f.endsWith('.py'));
}

/** Decides the whole setup: everything the renderers print comes from here. */
export function planSetup(facts: ProjectFacts, options: PlanOptions): BuildPlan {
  const config = facts.config;
  const venv = '/opt/venv';
  const workdir = config.workdir ?? '/app';
  const src = facts.layout.kind === 'src';
  const devGroups = facts.groups.filter((g) => g.name !== 'main').map((g) => g.name);
  const isPackage = facts.isPackage.value;
  const manager = recipeFor(facts.manager.value).plan(facts, { venv, workdir, devGroups, isPackage });
  const web = planWeb(facts, { venv, workdir, copiesCode: manager.installProject === undefined });
  const native = nativeLibsFor(installedDependencies(facts));
  const runtime = union(config.apt?.runtime ?? [], native.runtime);
  return {
    name: normaliseName(facts.name?.value ?? options.directoryName),
    pythonMinor: facts.python.selected.value,
    baseImage: facts.python.image.value,
    manager,
    isPackage,
    workdir,
    venv,
    user: { name: config.user?.name ?? 'app', uid: config.user?.uid ?? 10001, gid: config.user?.gid ?? 10001 },
    devUser: { name: config.devUser?.name ?? 'dev', uid: config.devUser?.uid ?? 1000, gid: config.devUser?.gid ?? 1000 },
    devGroups,
    apt: {
      build: union(config.apt?.build ?? [], native.build),
      runtime,
      // The dev image runs the same code, so it needs the runtime libraries too.
      dev: union(union(DEV_APT_PACKAGES, runtime), union(config.apt?.dev ?? [], native.dev)).sort(),
    },
    nativeLibs: native.reasons,
    start: startCommand(facts, venv, web),
    devPythonPath: src ? `${workdir}/src` : workdir,
    port: config.port ?? web?.app?.port,
    buildNetwork: buildNetworkOf(facts),
    // Only where the site-packages path is certain: pycrane's own base image of the chosen minor.
    projectCopy:
      facts.pureSources && isPackage && manager.installProject && config.baseImage === undefined
        ? { sitePackages: `${venv}/lib/python${facts.python.selected.value}/site-packages`, ...facts.pureSources }
        : undefined,
    configFile: facts.configFile,
    sources: sourcesOf(facts),
    web,
  };
}
