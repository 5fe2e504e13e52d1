import { fact } from '../../core/location.js';
import type { ProjectFacts } from '../../inspect/model.js';
import type { WebFacts } from '../../inspect/web/types.js';

/** A Poetry 2 package with a console script, to vary field by field in plan tests. */
export function poetryFacts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  const at = (line: number) => ({ file: 'pyproject.toml', line });
  return {
    files: ['pyproject.toml', 'poetry.lock'],
    name: fact('Hello_CLI', at(2)),
    version: fact('1.4.2', at(3)),
    description: undefined,
    license: undefined,
    authors: [],
    manager: fact('poetry', at(20)),
    tool: { name: 'poetry', version: fact('2.1.2', { file: 'poetry.lock', line: 1 }) },
    poetry: { style: 2, version: fact('2.1.2', { file: 'poetry.lock', line: 1 }) },
    buildBackend: fact('poetry.core.masonry.api', at(30)),
    requirements: undefined,
    dynamicDependencies: false,
    pureSources: undefined,
    web: { app: undefined, celery: undefined, services: [] },
    configFile: 'pyproject.toml',
    python: {
      constraints: [fact('>=3.11,<3.14', at(7))],
      selected: fact('3.13', at(7)),
      supported: ['3.14', '3.13', '3.12', '3.11'],
      image: fact('python:3.13-slim', at(7)),
    },
    isPackage: fact(true, undefined),
    layout: { kind: 'src', packages: [{ include: 'hello_cli', from: 'src', source: at(21) }], mainModules: [] },
    scripts: [{ name: 'hello-cli', target: 'hello_cli.cli:main', source: at(15) }],
    groups: [
      { name: 'main', optional: false, dependencies: [], source: at(8) },
      { name: 'dev', optional: false, dependencies: [], source: at(23) },
    ],
    lock: {
      path: 'poetry.lock',
      generator: fact({ tool: 'poetry', version: '2.1.2' }, { file: 'poetry.lock', line: 1 }),
      lockVersion: fact('2.1', undefined),
      contentHash: undefined,
      fresh: true,
      packages: [],
    },
    indexes: [],
    config: {},
    issues: [],
    ...overrides,
  };
}

const at = (file: string, line: number) => ({ file, line });

/** A locked package of the main group, for lock fixtures. */
function main(name: string, version: string) {
  return { name, version, groups: ['main'], source: undefined };
}

/** A Poetry `package-mode = false` app (its code is copied), with these locked main packages and web facts. */
export function poetryAppFacts(name: string, packages: readonly { name: string; version: string }[], web: WebFacts): ProjectFacts {
  const base = poetryFacts();
  return poetryFacts({
    name: fact(name, at('pyproject.toml', 2)),
    isPackage: fact(false, at('pyproject.toml', 12)),
    scripts: [],
    layout: { kind: 'flat', packages: [], mainModules: [] },
    lock: base.lock && { ...base.lock, packages: packages.map((p) => main(p.name, p.version)) },
    web,
  });
}

/** Django 5 with Postgres (psycopg[binary]) and a django-redis cache, gunicorn in the lock. */
export function djangoPostgresFacts(): ProjectFacts {
  return poetryAppFacts(
    'mysite',
    [
      { name: 'django', version: '5.2.1' },
      { name: 'gunicorn', version: '23.0.0' },
      { name: 'psycopg', version: '3.2.9' },
      { name: 'psycopg-binary', version: '3.2.9' },
      { name: 'django-redis', version: '5.4.0' },
      { name: 'redis', version: '6.1.0' },
      { name: 'whitenoise', version: '6.9.0' },
      { name: 'dj-database-url', version: '3.0.0' },
    ],
    {
      app: {
        framework: fact('django', at('manage.py', 9)),
        interface: 'wsgi',
        target: fact('mysite.wsgi:application', at('mysite/settings.py', 52)),
        factory: false,
        server: fact('gunicorn', at('poetry.lock', 40)),
        serverInstalled: true,
        port: fact(8000, undefined),
        healthPath: fact('/admin/login/', at('mysite/urls.py', 5)),
        django: {
          settingsModule: fact('mysite.settings', at('manage.py', 9)),
          settingsFile: 'mysite/settings.py',
          managePy: 'manage.py',
          staticRoot: fact('BASE_DIR / "staticfiles"', at('mysite/settings.py', 120)),
          admin: true,
          envVars: ['SECRET_KEY', 'DEBUG', 'ALLOWED_HOSTS', 'DATABASE_URL', 'REDIS_URL'],
          whitenoise: true,
        },
      },
      celery: undefined,
      services: [
        { kind: 'postgres', reason: fact("Django's postgresql engine", at('mysite/settings.py', 80)), envVar: 'DATABASE_URL' },
        { kind: 'redis', reason: fact('django-redis cache', at('mysite/settings.py', 95)), envVar: 'REDIS_URL' },
      ],
    },
  );
}

/** FastAPI on uvicorn, no services, with a /health route. */
export function fastapiFacts(): ProjectFacts {
  return poetryAppFacts(
    'fastapi-app',
    [
      { name: 'fastapi', version: '0.115.11' },
      { name: 'uvicorn', version: '0.32.0' },
    ],
    {
      app: {
        framework: fact('fastapi', at('app/main.py', 3)),
        interface: 'asgi',
        target: fact('app.main:app', at('app/main.py', 3)),
        factory: false,
        server: fact('uvicorn', at('poetry.lock', 30)),
        serverInstalled: true,
        port: fact(8000, undefined),
        healthPath: fact('/health', at('app/main.py', 6)),
      },
      celery: undefined,
      services: [],
    },
  );
}

/** A Flask app factory (`create_app()`) on gunicorn with Redis (REDIS_URL read by the code). */
export function flaskRedisFacts(): ProjectFacts {
  return poetryAppFacts(
    'flask-redis',
    [
      { name: 'flask', version: '3.1.1' },
      { name: 'gunicorn', version: '23.0.0' },
      { name: 'redis', version: '6.1.0' },
    ],
    {
      app: {
        framework: fact('flask', at('hello/__init__.py', 7)),
        interface: 'wsgi',
        target: fact('hello:create_app', at('hello/__init__.py', 7)),
        factory: true,
        server: fact('gunicorn', at('poetry.lock', 50)),
        serverInstalled: true,
        port: fact(8000, undefined),
        healthPath: fact('/healthz', at('hello/__init__.py', 12)),
      },
      celery: undefined,
      services: [{ kind: 'redis', reason: fact('redis in the main dependencies', at('pyproject.toml', 9)), envVar: 'REDIS_URL' }],
    },
  );
}

/** Flask on the default server (gunicorn, not installed) with a Celery worker whose broker is Redis. */
export function celeryFacts(): ProjectFacts {
  return poetryAppFacts(
    'tasks-app',
    [
      { name: 'flask', version: '3.1.1' },
      { name: 'celery', version: '5.5.2' },
      { name: 'redis', version: '6.1.0' },
    ],
    {
      app: {
        framework: fact('flask', at('tasks/web.py', 4)),
        interface: 'wsgi',
        target: fact('tasks.web:app', at('tasks/web.py', 4)),
        factory: false,
        server: fact('gunicorn', undefined),
        serverInstalled: false,
        port: fact(8000, undefined),
        healthPath: fact('/', undefined),
      },
      celery: {
        target: fact('tasks.worker:app', at('tasks/worker.py', 3)),
        broker: { scheme: 'redis', envVar: 'CELERY_BROKER_URL' },
      },
      services: [{ kind: 'redis', reason: fact('the Celery broker', at('tasks/worker.py', 3)), envVar: 'CELERY_BROKER_URL' }],
    },
  );
}

/** A Flask app with psycopg2 built from source (no -binary): native libraries in builder and app. */
export function psycopg2Facts(): ProjectFacts {
  return poetryAppFacts(
    'native-app',
    [
      { name: 'flask', version: '3.1.1' },
      { name: 'gunicorn', version: '23.0.0' },
      { name: 'psycopg2', version: '2.9.10' },
    ],
    {
      app: {
        framework: fact('flask', at('app.py', 5)),
        interface: 'wsgi',
        target: fact('app:app', at('app.py', 5)),
        factory: false,
        server: fact('gunicorn', at('poetry.lock', 60)),
        serverInstalled: true,
        port: fact(8000, undefined),
        healthPath: fact('/', undefined),
      },
      celery: undefined,
      services: [{ kind: 'postgres', reason: fact('psycopg2 in the main dependencies', at('pyproject.toml', 9)), envVar: 'DATABASE_URL' }],
    },
  );
}
