/**
 * The web side of the plan, decided once from `facts.web` (inspect/web/types.ts): the server
 * command, health check, Django's build and migrate steps, the Celery worker, the compose
 * services and their variables, and what init's summary says about them. Projects without a
 * web application or a Celery app get no web plan, and their setup is what it always was.
 */
import type { ProjectFacts } from '../../inspect/model.js';
import type { ServiceKind, WebAppFacts, WebFramework } from '../../inspect/web/types.js';
import { DEFAULT_URL_VARS, type EnvVariable, type ServicePlan, servicePlan } from './services.js';
import { GRACEFUL_SECONDS, WORKERS_DEFAULT, serverCommand, serverSpec } from './servers.js';

export interface ServerInstall {
  readonly distribution: string;
  /** The build arg holding the pin (`GUNICORN_VERSION`) and its default. */
  readonly arg: string;
  readonly pin: string;
}

export interface WebAppPlan {
  readonly framework: WebFramework;
  readonly server: string;
  /** The exec-form CMD (no ENTRYPOINT: compose's one-off services replace it with their command). */
  readonly command: readonly string[];
  readonly port: number;
  readonly healthPath: string;
  readonly stopSignal: 'SIGTERM';
  /** `[tool.pycrane] command` replaces the server command: the image keeps it as written (no worker count, no STOPSIGNAL). */
  readonly commandConfigured: boolean;
  /** Image ENV: the worker count the server reads, Django's settings module. */
  readonly env: readonly (readonly [string, string])[];
  /** The server is not among the dependencies: app-pre installs this pin, outside the lock. */
  readonly installServer: ServerInstall | undefined;
}

export interface DjangoPlan {
  /** `python manage.py` where the code is copied with manage.py, else `python -m django`. */
  readonly manage: readonly string[];
  /** RUN-scoped stand-ins for collectstatic; undefined: no STATIC_ROOT, no collectstatic. */
  readonly collectstatic: { readonly env: readonly (readonly [string, string])[] } | undefined;
}

export interface WebPlan {
  readonly app: WebAppPlan | undefined;
  readonly django: DjangoPlan | undefined;
  /** The Celery app's target and the worker's command (`celery -A proj.celery:app worker --loglevel=INFO`). */
  readonly celery: { readonly target: string; readonly command: readonly string[] } | undefined;
  readonly services: readonly ServicePlan[];
  /** What app, dev, migrate and worker get in compose `environment`: the services' URLs. */
  readonly environment: readonly (readonly [string, string])[];
  /** `.env.example`, in order. */
  readonly envFile: readonly EnvVariable[];
  /** init's summary: one line each, `warning:` first for what the user must do. */
  readonly notes: readonly string[];
}

const SECRET_PLACEHOLDER = 'collectstatic-build-only-not-a-secret';
const SQLITE_PLACEHOLDER = 'sqlite:////tmp/collectstatic.sqlite3';
const REDIS_PLACEHOLDER = 'redis://127.0.0.1:6379/0';

const FRAMEWORK_NAMES: Readonly<Record<WebFramework, string>> = {
  django: 'Django',
  fastapi: 'FastAPI',
  starlette: 'Starlette',
  litestar: 'Litestar',
  flask: 'Flask',
  wsgi: 'WSGI',
  asgi: 'ASGI',
};

function addCommand(facts: ProjectFacts, distribution: string): string {
  switch (facts.manager.value) {
    case 'poetry':
      return `poetry add ${distribution}`;
    case 'uv':
      return `uv add ${distribution}`;
    case 'pdm':
      return `pdm add ${distribution}`;
    case 'pipenv':
      return `pipenv install ${distribution}`;
    case 'pip-tools':
      return `add ${distribution} to ${facts.requirements?.inputs[0] ?? 'requirements.in'} and pip-compile`;
    case 'pip':
      return `add ${distribution} to ${facts.requirements?.main.path ?? 'requirements.txt'}`;
    case 'pep621':
      return `add ${distribution} to [project] dependencies`;
  }
}

function urlVarsByKind(facts: ProjectFacts): Map<ServiceKind, string[]> {
  const byKind = new Map<ServiceKind, string[]>();
  for (const need of facts.web.services) {
    const vars = byKind.get(need.kind) ?? [];
    if (need.envVar && !vars.includes(need.envVar)) vars.push(need.envVar);
    byKind.set(need.kind, vars);
  }
  const broker = facts.web.celery?.broker;
  if (broker?.envVar && (broker.scheme === undefined || broker.scheme === 'redis')) {
    const vars = byKind.get('redis') ?? [];
    if (!vars.includes(broker.envVar)) vars.push(broker.envVar);
    byKind.set('redis', vars);
  }
  for (const [kind, vars] of byKind) if (vars.length === 0) vars.push(DEFAULT_URL_VARS[kind]);
  return byKind;
}

function appPlan(facts: ProjectFacts, app: WebAppFacts, context: WebContext, notes: string[]): WebAppPlan {
  const { venv, workdir, copiesCode } = context;
  const spec = serverSpec(app.server.value);
  const packages = new Set((facts.lock?.packages ?? []).map((p) => p.name));
  const command = serverCommand(spec, { target: app.target.value, factory: app.factory, interface: app.interface, port: app.port.value, packages }, venv);
  const installServer = app.serverInstalled || (facts.config.command?.length ?? 0) > 0
    ? undefined
    : { distribution: spec.distribution, arg: `${spec.distribution.toUpperCase().replace(/-/g, '_')}_VERSION`, pin: spec.pin };
  if (installServer) {
    notes.push(
      `warning: ${spec.distribution} is not among the main dependencies: ${addCommand(facts, spec.distribution)}. ` +
        `Until then the image installs ${spec.distribution}==${spec.pin} outside the lock (build arg ${installServer.arg}).`,
    );
  }
  const commandConfigured = (facts.config.command?.length ?? 0) > 0;
  if (spec.workersEnv === undefined && !commandConfigured) {
    notes.push(`note: ${spec.name} reads no worker count from the environment: the image runs one server process (run more containers, or set [tool.pycrane] command)`);
  }
  const env: [string, string][] = spec.workersEnv && !commandConfigured ? [[spec.workersEnv, String(WORKERS_DEFAULT)]] : [];
  // Code copied to the workdir imports from there; a target under src/ (importRoot) needs that folder on sys.path.
  const roots = [...new Set([app.importRoot, facts.web.celery?.importRoot].filter((r): r is string => r !== undefined && r !== '' && r !== '.'))];
  if (copiesCode && roots.length > 0) env.push(['PYTHONPATH', roots.map((r) => `${workdir}/${r}`).join(':')]);
  if (app.django) env.push(['DJANGO_SETTINGS_MODULE', app.django.settingsModule.value]);
  return {
    framework: app.framework.value,
    server: spec.name,
    command,
    port: app.port.value,
    healthPath: app.healthPath.value,
    stopSignal: spec.stopSignal,
    commandConfigured,
    env,
    installServer,
  };
}

function djangoPlan(app: WebAppFacts, copiesCode: boolean, urls: ReadonlyMap<ServiceKind, readonly string[]>, notes: string[]): DjangoPlan | undefined {
  const django = app.django;
  if (!django) return undefined;
  const manage = copiesCode && django.managePy ? ['python', django.managePy] : ['python', '-m', 'django'];
  const secretVars = [...new Set(['SECRET_KEY', ...django.envVars.filter((v) => v.includes('SECRET_KEY'))])];
  const databaseVars = [...new Set([...(urls.get('postgres') ?? []), ...django.envVars.filter((v) => v === 'DATABASE_URL')])];
  const redisVars = (urls.get('redis') ?? []).filter((v) => !databaseVars.includes(v));
  const collectstatic = django.staticRoot
    ? {
        env: [
          ...secretVars.map((v) => [v, SECRET_PLACEHOLDER] as const),
          ...databaseVars.map((v) => [v, SQLITE_PLACEHOLDER] as const),
          ...redisVars.map((v) => [v, REDIS_PLACEHOLDER] as const),
        ],
      }
    : undefined;
  if (!collectstatic) {
    notes.push('note: django: STATIC_ROOT is not set in the settings, so the image runs no collectstatic; set it to serve static files in production');
  }
  if (!django.envVars.some((v) => v.includes('SECRET_KEY'))) {
    notes.push(`warning: django: ${django.settingsFile ?? 'the settings'} do not read SECRET_KEY from the environment: the key ships in the image; read it with os.environ["SECRET_KEY"]`);
  } else {
    notes.push('django     SECRET_KEY comes from the environment (.env for compose); the build uses a stand-in for collectstatic only');
  }
  notes.push(`django     ALLOWED_HOSTS must list your domain and 127.0.0.1 (the health check requests http://127.0.0.1:${app.port.value}${app.healthPath.value}); DEBUG off in production`);
  notes.push(
    django.whitenoise
      ? 'django     static files are served by whitenoise (WhiteNoiseMiddleware)'
      : 'django     with DEBUG off nothing serves /static/: add whitenoise.middleware.WhiteNoiseMiddleware, or serve STATIC_ROOT from a proxy',
  );
  notes.push(`django     compose runs \`${[...manage, 'migrate', '--noinput'].join(' ')}\` (service migrate) before app starts`);
  return { manage, collectstatic };
}

function envFile(facts: ProjectFacts, services: readonly ServicePlan[], app: WebAppPlan | undefined, urlVars: ReadonlySet<string>): EnvVariable[] {
  const out: EnvVariable[] = services.flatMap((s) => s.env);
  const django = facts.web.app?.django;
  for (const name of django?.envVars ?? []) {
    if (urlVars.has(name) || out.some((v) => v.name === name)) continue;
    if (name.includes('SECRET_KEY')) out.push({ name, value: 'change-me-to-a-long-random-string', comment: 'read by the settings: never the one in your code' });
    else if (name.includes('ALLOWED_HOSTS')) {
      const port = app?.port ?? 8000;
      out.push({ name, value: 'localhost,127.0.0.1', comment: `comma-separated, as most settings split it; keep 127.0.0.1: the health check requests http://127.0.0.1:${port}` });
    } else out.push({ name, value: undefined, comment: `read by ${django?.settingsFile ?? 'the settings'}` });
  }
  for (const [name, value] of app?.env ?? []) {
    if (name === 'DJANGO_SETTINGS_MODULE') continue;
    out.push({ name, value: undefined, comment: `server processes (the image's default: ${value})` });
  }
  return out;
}

/** The web side of the setup, or undefined for a project with neither a web app nor a Celery app. */
export interface WebContext {
  readonly venv: string;
  readonly workdir: string;
  /** The code is copied to the workdir (else installed into site-packages). */
  readonly copiesCode: boolean;
}

export function planWeb(facts: ProjectFacts, context: WebContext): WebPlan | undefined {
  const { app: appFacts, celery } = facts.web;
  if (!appFacts && !celery) return undefined;
  const notes: string[] = [];
  const urls = urlVarsByKind(facts);
  const reads = facts.web.envVars ?? appFacts?.django?.envVars ?? [];
  const services = [...urls].map(([kind, vars]) => servicePlan(kind, vars, reads)).sort((a, b) => a.name.localeCompare(b.name));
  const app = appFacts ? appPlan(facts, appFacts, context, notes) : undefined;
  const django = appFacts ? djangoPlan(appFacts, context.copiesCode, urls, notes) : undefined;
  if (app && appFacts) {
    const framework = FRAMEWORK_NAMES[app.framework];
    notes.unshift(
      `web        ${framework} ${appFacts.target.value}${appFacts.factory ? ' (factory)' : ''} on ${app.server}, port ${app.port}, ` +
        `health GET ${app.healthPath}; stops on ${app.stopSignal} (requests get ${GRACEFUL_SECONDS} s)`,
    );
  }
  for (const s of services) {
    const reason = facts.web.services.find((n) => n.kind === s.kind)?.reason.value;
    notes.push(`service    ${s.name}: ${s.image}${reason ? ` (${reason})` : ''}; ${s.urls.map(([v]) => v).join(', ')} ${s.urls.length === 1 ? 'points' : 'point'} at it`);
  }
  const worker = celery ? { target: celery.target.value, command: ['celery', '-A', celery.target.value, 'worker', '--loglevel=INFO'] } : undefined;
  if (worker) notes.push(`worker     ${worker.command.join(' ')} (service worker, the app image)`);
  const environment = services.flatMap((s) => s.urls);
  return {
    app,
    django,
    celery: worker,
    services,
    environment,
    envFile: envFile(facts, services, app, new Set(environment.map(([v]) => v))),
    notes,
  };
}
