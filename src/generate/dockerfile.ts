import { PROJECT_ROOT } from './managers/shared.js';
import type { Step } from './managers/types.js';
import type { BuildPlan } from './plan.js';
import { GRACEFUL_SECONDS } from './web/servers.js';

/** `RUN` with flags and `&&`-joined commands, one per line, continued with backslashes. */
function run(commands: readonly string[], flags: readonly string[] = []): string {
  const parts = [...flags, ...commands.map((c, i) => (i === 0 ? c : `&& ${c}`))];
  return `RUN ${parts.join(' \\\n    ')}`;
}

function env(vars: readonly (readonly [string, string])[]): string {
  return `ENV ${vars.map(([k, v]) => `${k}=${v}`).join(' \\\n    ')}`;
}

function aptInstall(packages: readonly string[]): string {
  return run([
    'apt-get update',
    `apt-get install -y --no-install-recommends ${packages.join(' ')}`,
    'rm -rf /var/lib/apt/lists/*',
  ]);
}

function execForm(args: readonly string[]): string {
  return `[${args.map((a) => JSON.stringify(a)).join(', ')}]`;
}

function banner(title: string): string {
  return `# ${'-'.repeat(3)} ${title} ${'-'.repeat(Math.max(3, 96 - title.length))}`.slice(0, 100);
}

/** Import names each venv seed package brings, so bytecode is not compiled for what app-build removes. */
const SEED_MODULES: Readonly<Record<string, readonly string[]>> = {
  pip: ['pip'],
  setuptools: ['setuptools', 'pkg_resources', '_distutils_hack'],
  wheel: ['wheel'],
};

/** Bytecode for the dependencies, once per lock (the layer is cached across code edits). */
function compileDependencies(plan: BuildPlan): string {
  const skip = plan.manager.pruneFromVenv.flatMap((name) => SEED_MODULES[name] ?? [name]);
  const exclude = skip.length > 0 ? ` -x '/site-packages/(${skip.join('|')})/'` : '';
  return `python -m compileall -q${exclude} "\${VIRTUAL_ENV}/lib"`;
}

/** A manager's step as a RUN instruction, with its bind, cache and secret mounts. */
function runStep(step: Step, extra: readonly string[] = []): string {
  const mounts = [
    ...(step.mounts ?? []),
    ...step.caches.map((target) => `--mount=type=cache,target=${target}`),
    ...(step.secret ? ['--mount=type=secret,id=netrc,target=/root/.netrc'] : []),
  ];
  return run([...step.commands, ...extra], mounts);
}

/** The server, when the project does not depend on it: a pinned install outside the lock, said so in init's summary. */
function serverInstall(plan: BuildPlan): string[] {
  const install = plan.web?.app?.installServer;
  if (!install) return [];
  const requirement = `"${install.distribution}==\${${install.arg}}"`;
  const command =
    plan.manager.id === 'uv'
      ? `uv pip install --python "\${VIRTUAL_ENV}/bin/python" ${requirement}`
      : `pip install ${requirement}`;
  const cache = plan.manager.id === 'uv' ? '/root/.cache/uv' : '/root/.cache/pip';
  return [
    `# ${install.distribution} is not among the project's dependencies: add it there, and this step goes.`,
    `# Until then the image installs this pin, outside the lock.`,
    `ARG ${install.arg}=${install.pin}`,
    runStep({ commands: [command], caches: [cache], secret: true }),
  ];
}

/** The health check: an HTTP GET of the web app's health path (urlopen raises on 4xx/5xx), else a TCP connect. */
function healthcheck(plan: BuildPlan, port: number): string {
  const app = plan.web?.app;
  const probe = app
    ? `import urllib.request; urllib.request.urlopen("http://127.0.0.1:${port}${app.healthPath}", timeout=3)`
    : `import socket; socket.create_connection(("127.0.0.1", ${port}), 3).close()`;
  const timing = app ? '--interval=10s --timeout=5s --start-period=30s --retries=3' : '--interval=30s --timeout=5s --start-period=10s --retries=3';
  return `HEALTHCHECK ${timing} \\\n    CMD ${execForm(['python', '-c', probe])}`;
}

/** Django's collectstatic, with stand-ins for what the settings read from the environment, for this RUN only. */
function collectstatic(plan: BuildPlan): string[] {
  const django = plan.web?.django;
  if (!django?.collectstatic) return [];
  const env = django.collectstatic.env.map(([k, v]) => `${k}=${v}`).join(' ');
  return [
    '# Static files at build time. The settings get stand-ins for this RUN only (no ENV, nothing',
    '# persists): a throwaway SECRET_KEY and a SQLite URL; the real ones come at run time.',
    run([`${env} ${[...django.manage, 'collectstatic', '--noinput'].join(' ')}`]),
  ];
}

export function renderDockerfile(plan: BuildPlan): string {
  const out: string[] = [];
  const add = (...lines: string[]) => out.push(...lines);
  const m = plan.manager;
  const venvEnv: [string, string][] = [
    ['VIRTUAL_ENV', plan.venv],
    ['PATH', `${plan.venv}/bin:$PATH`],
  ];

  if (m.createsVenv) {
    // Made from the base image alone, so BuildKit builds it while the builder installs the
    // tool: `python -m venv` (ensurepip) takes seconds that are then off the critical path.
    add(banner(`venv: the empty venv at ${plan.venv}, built beside the builder`), `FROM ${plan.baseImage} AS venv`, `RUN python -m venv ${plan.venv}`, '');
  }
  add(
    banner(`builder: ${m.builderTitle}; no application code`),
    `FROM ${plan.baseImage} AS builder`,
    ...m.builder.args.map(([name, value]) => `ARG ${name}=${value}`),
    m.builder.indexArg[1],
    `ARG ${m.builder.indexArg[0]}`,
    env([
      ['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
      ['PIP_ROOT_USER_ACTION', 'ignore'],
      // Without credentials for an index, pip would wait for a password nobody types.
      ['PIP_NO_INPUT', '1'],
      ...m.builder.env,
      ['PYTHONDONTWRITEBYTECODE', '1'],
    ]),
    ...m.builder.copies,
  );
  if (plan.apt.build.length > 0) add(aptInstall(plan.apt.build));
  add(...m.builder.steps.map((step) => runStep(step)), '');

  add(
    banner(
      m.installDependencies
        ? `app-pre: the ${m.locked ? 'locked ' : ''}main dependencies in ${plan.venv}, rebuilt only when ${m.locked ? 'the lock changes' : `${m.dependencyFiles.join(' or ')} change`}`
        : `app-pre: the venv at ${plan.venv} (the dependencies need the code: see app-build)`,
    ),
    'FROM builder AS app-pre',
    env([...venvEnv, ...m.venvEnv]),
    `WORKDIR ${plan.workdir}`,
  );
  if (m.createsVenv) add(`COPY --from=venv ${plan.venv} ${plan.venv}`);
  if (m.installDependencies) {
    if (m.dependencyFiles.length > 0) add(`COPY ${m.dependencyFiles.join(' ')} ./`);
    for (const file of m.inlineFiles ?? []) add(`COPY <<EOF ${file.path}`, ...file.lines, 'EOF');
    add(runStep(m.installDependencies, m.compilesBytecode ? [] : [compileDependencies(plan)]));
  }
  add(...serverInstall(plan), '');

  // app-deps: the venv as the runtime image gets it, without the project: it never sees the
  // source, so its layer in app keeps its digest across code edits.
  const prune = m.pruneFromVenv.length > 0 ? [`pip uninstall --yes --quiet ${m.pruneFromVenv.join(' ')}`] : [];
  if (prune.length > 0) {
    add(banner('app-deps: the dependency venv as it ships (the installers removed)'), 'FROM app-pre AS app-deps', run(prune), '');
  }
  const copy = plan.projectCopy;
  if (copy && m.installProject) {
    // The wheel of stand-in packages: its dist-info and console scripts are the real ones (they
    // depend on pyproject.toml alone); the stand-ins go, the real packages are copied in app.
    const stubs = copy.packages.map((p) => (p.name.endsWith('.py') ? `touch ${p.path}` : `mkdir -p ${p.path} && touch ${p.path}/__init__.py`));
    add(
      banner('app-meta: the project\'s metadata and console scripts, from pyproject.toml alone'),
      'FROM app-pre AS app-meta',
      `COPY ${['pyproject.toml', ...copy.metadataFiles].join(' ')} ./`,
      runStep({
        ...m.installProject,
        // direct_url.json would record the stand-in wheel's hash: it goes too.
        commands: [...stubs, ...m.installProject.commands, `rm -rf ${copy.packages.map((p) => `${PROJECT_ROOT}${copy.sitePackages}/${p.name}`).join(' ')} ${PROJECT_ROOT}${copy.sitePackages}/*.dist-info/direct_url.json`],
      }),
      '',
    );
  }
  if (m.installProject) {
    add(
      banner(
        copy
          ? `app-build: the project's real wheel under ${PROJECT_ROOT} (app's copies equal it)`
          : `app-build: the project as a wheel, installed under ${PROJECT_ROOT} (never editable)`,
      ),
      'FROM app-pre AS app-build',
      ...(m.installDependencies
        ? []
        : [
            '# The build backend computes the dependencies (dynamic, or code in setup.py): they are',
            '# installed with the project, after the code, so a code change reinstalls them.',
            '# pycrane ignore=PC401',
          ]),
      'COPY . .',
      runStep(m.installProject),
      '',
    );
  }

  const dev = plan.devUser;
  add(
    banner(`dev: the dev container: every dependency group, ${m.displayName}, git and sudo`),
    'FROM app-pre AS dev',
    aptInstall(plan.apt.dev),
    ...m.installDev.map((step) => runStep(step)),
    '# Last, so that a different UID rebuilds only this layer: pass the host\'s with',
    '# --build-arg DEV_UID=$(id -u) --build-arg DEV_GID=$(id -g) (compose.yaml does).',
    `ARG DEV_USER=${dev.name}`,
    `ARG DEV_UID=${dev.uid}`,
    `ARG DEV_GID=${dev.gid}`,
    run([
      'groupadd --non-unique --gid "${DEV_GID}" "${DEV_USER}"',
      'useradd --non-unique --no-log-init --uid "${DEV_UID}" --gid "${DEV_GID}" --create-home --shell /bin/bash "${DEV_USER}"',
      'echo "${DEV_USER} ALL=(root) NOPASSWD:ALL" > "/etc/sudoers.d/${DEV_USER}"',
      'chmod 0440 "/etc/sudoers.d/${DEV_USER}"',
      // Login shells (/etc/profile) reset PATH: put the venv and the tool back in front.
      `echo 'export PATH="${[`${plan.venv}/bin`, ...m.toolPath, '$PATH'].join(':')}"' > /etc/profile.d/pycrane-venv.sh`,
      `chown -R "\${DEV_UID}:\${DEV_GID}" "\${VIRTUAL_ENV}" ${plan.workdir}`,
    ]),
    env([
      ['PYTHONPATH', plan.devPythonPath],
      ['PYTHONUNBUFFERED', '1'],
    ]),
    'USER ${DEV_UID}:${DEV_GID}',
  );
  if (m.devSync) {
    add(
      `# On every start, bring ${plan.venv} in line with the mounted ${m.lockName}, then stay up.`,
      `CMD ${execForm([
        'sh',
        '-c',
        `${m.devSync} || echo "pycrane: ${plan.venv} is not in sync with ${m.lockName}; rebuild the dev image" >&2; exec sleep infinity`,
      ])}`,
    );
  } else {
    add('# Stay up for the editor and `docker compose exec`.', `CMD ${execForm(['sleep', 'infinity'])}`);
  }
  add('');

  const user = plan.user;
  add(
    banner('app: the production image: the venv and the application, nothing else'),
    `FROM ${plan.baseImage} AS app`,
  );
  if (plan.apt.runtime.length > 0) add(aptInstall(plan.apt.runtime));
  // What does not depend on the code comes first; then the dependency venv, then the project's
  // own files: a code edit changes the last layer only. --link layers keep their digests when
  // the base image is updated underneath them.
  add(
    `ARG APP_UID=${user.uid}`,
    `ARG APP_GID=${user.gid}`,
    run([
      `groupadd --gid "\${APP_GID}" ${user.name}`,
      `useradd --no-log-init --uid "\${APP_UID}" --gid "\${APP_GID}" --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ${user.name}`,
    ]),
    env([...venvEnv, ['PYTHONUNBUFFERED', '1'], ['PYTHONDONTWRITEBYTECODE', '1'], ...(plan.web?.app?.env ?? [])]),
    `WORKDIR ${plan.workdir}`,
    `COPY --link --from=${prune.length > 0 ? 'app-deps' : 'app-pre'} ${plan.venv} ${plan.venv}`,
    ...(copy
      ? [`COPY --link --from=app-meta ${PROJECT_ROOT}/ /`, ...copy.packages.map((p) => `COPY --link ${p.path} ${copy.sitePackages}/${p.name}`)]
      : [m.installProject ? `COPY --link --from=app-build ${PROJECT_ROOT}/ /` : `COPY --link . ${plan.workdir}/`]),
    ...collectstatic(plan),
    'USER ${APP_UID}:${APP_GID}',
  );
  if (plan.port !== undefined) {
    add(`EXPOSE ${plan.port}`, healthcheck(plan, plan.port));
  }
  const web = plan.web?.app;
  if (web && !web.commandConfigured) {
    add(`# ${web.server} stops gracefully on ${web.stopSignal}: requests in flight get ${GRACEFUL_SECONDS} s, inside docker stop's 10 s.`, `STOPSIGNAL ${web.stopSignal}`);
  }
  if (plan.start.stopSignal) {
    add('# Python as PID 1 ignores SIGTERM unless the app handles it; it always handles SIGINT.', `STOPSIGNAL ${plan.start.stopSignal}`);
  }
  if (plan.start.entrypoint) add(`ENTRYPOINT ${execForm(plan.start.entrypoint)}`);
  if (plan.start.fallback) {
    add(
      '# No application to start was found (no console script, __main__.py or main.py): this image',
      '# starts Python with the project installed. Set [tool.pycrane] command to run something.',
      '# pycrane ignore=PC111',
    );
  }
  if (plan.start.cmd) add(`CMD ${execForm(plan.start.cmd)}`);
  return `${out.join('\n')}\n`;
}
