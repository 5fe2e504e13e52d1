import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ProjectFacts } from '../../inspect/model.js';
import { generateSetup, ownership } from '../index.js';
import { planSetup } from '../plan.js';
import { celeryFacts, djangoPostgresFacts, fastapiFacts, poetryFacts, psycopg2Facts } from '../testing/facts.js';

const options = { directoryName: 'demo' };
const file = (facts: ProjectFacts, path: string) => generateSetup(facts, options).files.find((f) => f.path === path)?.contents ?? '';
/** The stage of a Dockerfile from its FROM line to the next. */
const stage = (dockerfile: string, name: string) => dockerfile.split(/^(?=FROM )/m).find((s) => s.startsWith('FROM') && s.split('\n')[0]?.endsWith(` AS ${name}`)) ?? '';

describe('planWeb', () => {
  it('gives a project without a web or Celery app no web plan and the four files of before', () => {
    expect(planSetup(poetryFacts(), options).web).toBeUndefined();
    expect(generateSetup(poetryFacts(), options).files.map((f) => f.path)).toEqual(['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore']);
  });

  it('starts the server as CMD (so compose can run other commands in the image), with the worker count in ENV', () => {
    const plan = planSetup(fastapiFacts(), options);
    expect(plan.start).toMatchObject({ entrypoint: undefined, cmd: plan.web?.app?.command });
    expect(plan.web?.app?.env).toEqual([['WEB_CONCURRENCY', '2']]);
    expect(plan.port).toBe(8000);
  });

  it('runs collectstatic with RUN-scoped stand-ins for the secret and the database, never an ENV', () => {
    const dockerfile = file(djangoPostgresFacts(), 'Dockerfile');
    const app = stage(dockerfile, 'app');
    expect(app).toMatch(/^RUN SECRET_KEY=\S+ DATABASE_URL=sqlite:\/\/\/\/tmp\/\S+ REDIS_URL=redis:\/\/127\.0\.0\.1:6379\/0 python manage\.py collectstatic --noinput$/m);
    expect(app).not.toMatch(/^ENV[^\n]*SECRET_KEY/m);
    expect(app).toMatch(/DJANGO_SETTINGS_MODULE=mysite\.settings/);
  });

  it('runs no collectstatic without STATIC_ROOT, and says so', () => {
    const facts = djangoPostgresFacts();
    const app = facts.web.app;
    const django = app?.django && { ...app.django, staticRoot: undefined };
    const web = { ...facts.web, app: app && django && { ...app, django } };
    const plan = planSetup({ ...facts, web }, options);
    expect(plan.web?.django?.collectstatic).toBeUndefined();
    expect(plan.web?.notes.join('\n')).toMatch(/STATIC_ROOT is not set/);
  });

  it('installs a server the project lacks from a pin, outside the lock, and warns with the command that adds it', () => {
    const plan = planSetup(celeryFacts(), options);
    expect(plan.web?.app?.installServer).toEqual({ distribution: 'gunicorn', arg: 'GUNICORN_VERSION', pin: '23.0.0' });
    expect(plan.web?.notes).toContainEqual(expect.stringMatching(/^warning: gunicorn is not among the main dependencies: poetry add gunicorn\./));
    const pre = stage(file(celeryFacts(), 'Dockerfile'), 'app-pre');
    expect(pre).toMatch(/^ARG GUNICORN_VERSION=23\.0\.0$/m);
    expect(pre).toMatch(/pip install "gunicorn==\$\{GUNICORN_VERSION\}"$/m);
  });

  it('keeps [tool.pycrane] command as written: no worker count, no server install', () => {
    const facts = celeryFacts();
    const plan = planSetup({ ...facts, config: { command: ['gunicorn', 'tasks.web:app'] } }, options);
    expect(plan.start.cmd).toEqual(['gunicorn', 'tasks.web:app']);
    expect(plan.web?.app).toMatchObject({ commandConfigured: true, env: [], installServer: undefined });
  });

  it('puts a target under src/ on PYTHONPATH when the code is copied', () => {
    const facts = fastapiFacts();
    const app = facts.web.app && { ...facts.web.app, importRoot: 'src' };
    expect(planSetup({ ...facts, web: { ...facts.web, app } }, options).web?.app?.env).toContainEqual(['PYTHONPATH', '/app/src']);
  });

  it('gives a Celery app without a web app a worker and the services, and leaves the image\'s start alone', () => {
    const facts = celeryFacts();
    const plan = planSetup({ ...facts, web: { ...facts.web, app: undefined } }, options);
    expect(plan.web).toMatchObject({ app: undefined, django: undefined, celery: { target: 'tasks.worker:app' } });
    expect(plan.start.cmd).toEqual(['python']);
    expect(generateSetup({ ...facts, web: { ...facts.web, app: undefined } }, options).files.map((f) => f.path)).toContain('.env.example');
  });

  it('wires the Celery broker variable to the redis service', () => {
    const plan = planSetup(celeryFacts(), options);
    expect(plan.web?.environment).toEqual([['CELERY_BROKER_URL', 'redis://cache:6379/0']]);
    expect(plan.web?.celery?.command).toEqual(['celery', '-A', 'tasks.worker:app', 'worker', '--loglevel=INFO']);
  });
});

describe('compose for web apps', () => {
  const compose = (facts: ProjectFacts) => parseYaml(file(facts, 'compose.yaml')) as { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> };

  it('makes app wait for healthy services and a successful migrate, and never writes a password', () => {
    const c = compose(djangoPostgresFacts());
    expect(c.services.app?.depends_on).toEqual({ cache: { condition: 'service_healthy' }, db: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } });
    expect(c.services.migrate?.command).toEqual(['python', 'manage.py', 'migrate', '--noinput']);
    expect(c.services.db?.healthcheck).toMatchObject({ test: ['CMD-SHELL', expect.stringContaining('pg_isready -h 127.0.0.1')] });
    expect(c.volumes).toEqual({ redisdata: {}, pgdata: {} });
    expect(file(djangoPostgresFacts(), 'compose.yaml')).not.toMatch(/change-me/);
    expect((c.services.app?.environment as Record<string, string>).DATABASE_URL).toMatch(/\$\{POSTGRES_PASSWORD:\?/);
    // The dev service gets the same services and variables.
    expect(c.services.dev?.depends_on).toEqual({ cache: { condition: 'service_healthy' }, db: { condition: 'service_healthy' } });
    expect(c.services.dev?.environment).toEqual(c.services.app?.environment);
  });

  it('wires settings that read the connection field by field (POSTGRES_HOST, DB_PORT, REDIS_HOST) to the services', () => {
    const base = djangoPostgresFacts();
    const app = base.web.app;
    if (!app?.django) throw new Error('fixture without Django');
    const reads = ['SECRET_KEY', 'POSTGRES_HOST', 'DB_PORT', 'POSTGRES_DB', 'DB_USER', 'DB_PASSWORD', 'REDIS_HOST', 'SENTRY_DSN'];
    const facts = { ...base, web: { ...base.web, app: { ...app, django: { ...app.django, envVars: reads } } } };
    const env = compose(facts).services.app?.environment as Record<string, string>;
    expect(env).toMatchObject({ POSTGRES_HOST: 'db', DB_PORT: '5432', POSTGRES_DB: '${POSTGRES_DB:-app}', DB_USER: '${POSTGRES_USER:-app}', REDIS_HOST: 'cache' });
    expect(env.DB_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(env.SENTRY_DSN).toBeUndefined();
    // What compose sets is not asked for again in .env.example; what it cannot know is.
    const example = file(facts, '.env.example');
    expect(example).not.toMatch(/^#? ?POSTGRES_HOST=/m);
    expect(example).toMatch(/^# SENTRY_DSN=/m);
  });

  it('gives the worker the app image, its own health check, and the broker', () => {
    const worker = compose(celeryFacts()).services.worker;
    expect(worker).toMatchObject({ build: { target: 'app' }, command: ['celery', '-A', 'tasks.worker:app', 'worker', '--loglevel=INFO'] });
    expect(worker?.healthcheck).toMatchObject({ test: ['CMD-SHELL', expect.stringContaining('inspect ping --destination "celery@$$HOSTNAME"')] });
  });

  it('writes .env.example with the placeholders, and keeps them out of the build context', () => {
    const env = file(djangoPostgresFacts(), '.env.example');
    expect(env).toMatch(/^POSTGRES_PASSWORD=change-me$/m);
    expect(env).toMatch(/^SECRET_KEY=\S+$/m);
    expect(env).toMatch(/^# DEBUG=$/m);
    expect(file(djangoPostgresFacts(), '.dockerignore')).toMatch(/^\.env$/m);
  });
});

describe('README.Docker.md', () => {
  it('is stamped like the other files and says how to run, migrate and develop', () => {
    const readme = file(djangoPostgresFacts(), 'README.Docker.md');
    expect(ownership(readme)).toBe('pycrane');
    expect(ownership(readme.replace('## Develop', '## Mine'))).toBe('edited');
    expect(readme).toMatch(/^cp \.env\.example \.env$/m);
    expect(readme).toMatch(/docker compose run --rm migrate python manage\.py createsuperuser/);
  });
});

describe('native libraries in their stages', () => {
  it('builds with gcc and headers in the builder only; app and dev get the library', () => {
    const dockerfile = file(psycopg2Facts(), 'Dockerfile');
    expect(stage(dockerfile, 'builder')).toMatch(/apt-get install -y --no-install-recommends gcc libpq-dev/);
    expect(stage(dockerfile, 'app')).toMatch(/apt-get install -y --no-install-recommends libpq5\s/);
    expect(stage(dockerfile, 'app')).not.toMatch(/gcc|-dev\b/);
    expect(stage(dockerfile, 'dev')).toMatch(/install -y --no-install-recommends git libpq5 sudo/);
    expect(planSetup(psycopg2Facts(), options).nativeLibs).toEqual([expect.stringMatching(/^psycopg2: build gcc libpq-dev, runtime libpq5/)]);
  });

  it('adds what [tool.pycrane.apt] does not already list, after it', () => {
    const plan = planSetup({ ...psycopg2Facts(), config: { apt: { runtime: ['tzdata', 'libpq5'] } } }, options);
    expect(plan.apt.runtime).toEqual(['tzdata', 'libpq5']);
  });
});
