import type { BuildPlan } from './plan.js';

/** Mounts every dependency install gets: caches that survive rebuilds, and index credentials. */
function installMounts(): string[] {
  return [
    '--mount=type=cache,target=/root/.cache/pypoetry',
    '--mount=type=cache,target=/root/.cache/pip',
    '--mount=type=secret,id=netrc,target=/root/.netrc',
  ];
}

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
  const skip = plan.pruneFromVenv.flatMap((name) => SEED_MODULES[name] ?? [name]);
  const exclude = skip.length > 0 ? ` -x '/site-packages/(${skip.join('|')})/'` : '';
  return `python -m compileall -q${exclude} "\${VIRTUAL_ENV}/lib"`;
}

/** Poetry 2 has `poetry sync`; Poetry 1.2+ spells it `poetry install --sync`. */
function syncCommand(plan: BuildPlan): string {
  const groups = plan.devGroups.length > 0 ? ` --with ${plan.devGroups.join(',')}` : '';
  return plan.poetryMajor >= 2 ? `poetry sync --no-root${groups}` : `poetry install --sync --no-root${groups}`;
}

export function renderDockerfile(plan: BuildPlan): string {
  const out: string[] = [];
  const add = (...lines: string[]) => out.push(...lines);
  const venvEnv: [string, string][] = [
    ['VIRTUAL_ENV', plan.venv],
    ['PATH', `${plan.venv}/bin:$PATH`],
  ];

  add(
    banner('builder: pinned pipx and Poetry; no application code'),
    `FROM ${plan.baseImage} AS builder`,
    `ARG PIPX_VERSION=${plan.pipxVersion}`,
    `ARG POETRY_VERSION=${plan.poetryVersion}`,
    '# pip (and so pipx) reads PIP_INDEX_URL: pass a mirror with --build-arg, never credentials.',
    'ARG PIP_INDEX_URL',
    env([
      ['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
      ['PIP_ROOT_USER_ACTION', 'ignore'],
      ['PIPX_HOME', '/opt/pipx'],
      ['PIPX_BIN_DIR', '/opt/pipx/bin'],
      ['PATH', '/opt/pipx/bin:$PATH'],
      ['POETRY_NO_INTERACTION', '1'],
      ['PYTHONDONTWRITEBYTECODE', '1'],
    ]),
  );
  if (plan.apt.build.length > 0) add(aptInstall(plan.apt.build));
  add(
    run(
      ['pip install "pipx==${PIPX_VERSION}"', 'pipx install "poetry==${POETRY_VERSION}"'],
      ['--mount=type=cache,target=/root/.cache/pip', '--mount=type=secret,id=netrc,target=/root/.netrc'],
    ),
    '',
    banner('app-pre: the locked main dependencies in /opt/venv, rebuilt only when the lock changes'),
    'FROM builder AS app-pre',
    env(venvEnv),
    `WORKDIR ${plan.workdir}`,
    'RUN python -m venv "${VIRTUAL_ENV}"',
    `COPY ${plan.lockFiles.join(' ')} ./`,
    run(['poetry install --no-root --only main', compileDependencies(plan)], installMounts()),
    '',
  );
  // app-build: the venv exactly as the runtime image gets it.
  const prune = plan.pruneFromVenv.length > 0 ? [`pip uninstall --yes --quiet ${plan.pruneFromVenv.join(' ')}`] : [];
  if (plan.isPackage) {
    add(
      banner('app-build: the project as a wheel, installed into the venv (never editable)'),
      'FROM app-pre AS app-build',
      'COPY . .',
      run(['poetry build --format wheel', 'pip install --no-deps --no-index dist/*.whl', ...prune]),
      '',
    );
  } else if (prune.length > 0) {
    add(banner('app-build: the venv as the runtime image gets it'), 'FROM app-pre AS app-build', run(prune), '');
  }

  const devGroups = plan.devGroups.length > 0 ? ` --with ${plan.devGroups.join(',')}` : '';
  const dev = plan.devUser;
  add(
    banner('dev: the dev container: every dependency group, Poetry, git and sudo'),
    'FROM app-pre AS dev',
    aptInstall(plan.apt.dev),
    run([`poetry install --no-root${devGroups}`], installMounts()),
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
      // Login shells (/etc/profile) reset PATH: put the venv and Poetry back in front.
      `echo 'export PATH="${plan.venv}/bin:/opt/pipx/bin:$PATH"' > /etc/profile.d/pycrane-venv.sh`,
      `chown -R "\${DEV_UID}:\${DEV_GID}" "\${VIRTUAL_ENV}" ${plan.workdir}`,
    ]),
    env([
      ['PYTHONPATH', plan.devPythonPath],
      ['PYTHONUNBUFFERED', '1'],
    ]),
    'USER ${DEV_UID}:${DEV_GID}',
    '# On every start, bring /opt/venv in line with the mounted poetry.lock, then stay up.',
    `CMD ${execForm([
      'sh',
      '-c',
      `${syncCommand(plan)} || echo "pycrane: /opt/venv is not in sync with poetry.lock; rebuild the dev image" >&2; exec sleep infinity`,
    ])}`,
    '',
  );

  const user = plan.user;
  add(
    banner('app: the production image: the venv and the application, nothing else'),
    `FROM ${plan.baseImage} AS app`,
  );
  if (plan.apt.runtime.length > 0) add(aptInstall(plan.apt.runtime));
  add(
    env([...venvEnv, ['PYTHONUNBUFFERED', '1'], ['PYTHONDONTWRITEBYTECODE', '1']]),
    `WORKDIR ${plan.workdir}`,
    `COPY --from=${plan.isPackage || plan.pruneFromVenv.length > 0 ? 'app-build' : 'app-pre'} ${plan.venv} ${plan.venv}`,
  );
  if (!plan.isPackage) add('COPY . .');
  add(
    `ARG APP_UID=${user.uid}`,
    `ARG APP_GID=${user.gid}`,
    run([
      `groupadd --gid "\${APP_GID}" ${user.name}`,
      `useradd --no-log-init --uid "\${APP_UID}" --gid "\${APP_GID}" --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ${user.name}`,
    ]),
    'USER ${APP_UID}:${APP_GID}',
  );
  if (plan.port !== undefined) {
    add(
      `EXPOSE ${plan.port}`,
      `HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \\\n    CMD ${execForm([
        'python',
        '-c',
        `import socket; socket.create_connection(("127.0.0.1", ${plan.port}), 3).close()`,
      ])}`,
    );
  }
  if (plan.start.stopSignal) {
    add('# Python as PID 1 ignores SIGTERM unless the app handles it; it always handles SIGINT.', `STOPSIGNAL ${plan.start.stopSignal}`);
  }
  if (plan.start.entrypoint) add(`ENTRYPOINT ${execForm(plan.start.entrypoint)}`);
  if (plan.start.cmd) add(`CMD ${execForm(plan.start.cmd)}`);
  return `${out.join('\n')}\n`;
}
