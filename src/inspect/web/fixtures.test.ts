/**
 * Web detection on real projects (src/inspect/web/__fixtures__, provenance in SOURCES.md),
 * read through inspectProject as `pycrane inspect` reads them.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nodeReader } from '../../io/fs.js';
import { inspectProject } from '../index.js';

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const inspect = (name: string) => inspectProject(nodeReader(`${fixtures}${name}`), { staleLock: 'warn' });

describe('web detection on real projects', () => {
  it("Django's startproject: the wsgi module, gunicorn from requirements.txt, the admin's login page as health path", async () => {
    const facts = await inspect('django-startproject');
    const app = facts.web.app;
    expect(app?.framework).toEqual({ value: 'django', source: { file: 'mysite/wsgi.py', line: 14 } });
    expect(app?.interface).toBe('wsgi');
    expect(app?.target).toEqual({ value: 'mysite.wsgi:application', source: { file: 'mysite/settings.py', line: 70 } });
    expect(app?.server).toEqual({ value: 'gunicorn', source: { file: 'requirements.txt', line: 2 } });
    expect(app?.serverInstalled).toBe(true);
    expect(app?.port).toEqual({ value: 8000, source: undefined });
    expect(app?.healthPath.value).toBe('/admin/login/');
    expect(app?.importRoot).toBeUndefined();
    expect(app?.django).toMatchObject({
      settingsModule: { value: 'mysite.settings' },
      settingsFile: 'mysite/settings.py',
      managePy: 'manage.py',
      staticRoot: undefined,
      admin: true,
      adminPath: '/admin/',
      envVars: [],
      whitenoise: false,
    });
    expect(facts.web.services).toEqual([]);
    expect(facts.web.celery).toBeUndefined();
    expect(facts.issues.filter((i) => /WEB|DJANGO/.test(i.code))).toEqual([]);
  });

  it('cookiecutter-django: split settings, the production module of wsgi.py, env vars, Postgres and Redis, a Celery app on Redis', async () => {
    const facts = await inspect('cookiecutter-django');
    const app = facts.web.app;
    expect(app?.target).toEqual({ value: 'config.wsgi:application', source: { file: 'config/settings/base.py', line: 73 } });
    expect(app?.server.value).toBe('gunicorn');
    expect(app?.serverInstalled).toBe(true);
    // path("", TemplateView...) is routed; the admin is at settings.ADMIN_URL, which production reads from the environment.
    expect(app?.healthPath).toEqual({ value: '/', source: { file: 'config/urls.py', line: 10 } });
    const django = app?.django;
    expect(django?.settingsModule).toEqual({ value: 'config.settings.production', source: { file: 'config/wsgi.py', line: 27 } });
    expect(django?.settingsFile).toBe('config/settings/production.py');
    expect(django?.staticRoot).toEqual({ value: 'str(BASE_DIR / "staticfiles")', source: { file: 'config/settings/base.py', line: 163 } });
    expect(django?.admin).toBe(true);
    expect(django?.adminPath).toBeUndefined();
    expect(django?.whitenoise).toBe(true);
    expect(django?.envVars).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'DJANGO_SECRET_KEY', 'DJANGO_ALLOWED_HOSTS', 'DJANGO_ADMIN_URL']));
    expect(django?.envVars.indexOf('DJANGO_READ_DOT_ENV_FILE')).toBe(0);
    expect(facts.web.celery).toEqual({ target: { value: 'config.celery_app:app', source: { file: 'config/celery_app.py', line: 9 } }, broker: { scheme: 'redis', envVar: 'REDIS_URL' } });
    expect(facts.web.services).toEqual([
      { kind: 'postgres', reason: { value: "Django's django.db.backends.postgresql database", source: { file: 'config/settings/base.py', line: 55 } }, envVar: 'DATABASE_URL' },
      { kind: 'redis', reason: { value: 'the Celery broker is Redis', source: { file: 'config/celery_app.py', line: 9 } }, envVar: 'REDIS_URL' },
    ]);
    expect(facts.issues.map((i) => i.code)).toContain('I_DJANGO_SETTINGS_DIFFER');
  });

  it("Celery's Django example: CELERY_BROKER_URL of the settings through config_from_object; no server dependency", async () => {
    const facts = await inspect('celery-django');
    expect(facts.web.app?.target.value).toBe('proj.wsgi:application');
    expect(facts.web.app?.server).toEqual({ value: 'gunicorn', source: undefined });
    expect(facts.web.app?.serverInstalled).toBe(false);
    expect(facts.web.app?.django?.admin).toBe(false);
    expect(facts.web.app?.healthPath).toEqual({ value: '/', source: undefined });
    expect(facts.issues.map((i) => i.code)).toContain('I_WEB_HEALTH_DEFAULT');
    expect(facts.web.celery).toEqual({ target: { value: 'proj.celery:app', source: { file: 'proj/celery.py', line: 8 } }, broker: { scheme: 'amqp', envVar: undefined } });
    expect(facts.web.services).toEqual([]);
  });

  it("Celery's first steps: the app and its amqp broker, no web app", async () => {
    const facts = await inspect('celery-first-steps');
    expect(facts.web.app).toBeUndefined();
    expect(facts.web.celery).toEqual({ target: { value: 'tasks:app', source: { file: 'tasks.py', line: 3 } }, broker: { scheme: 'amqp', envVar: undefined } });
  });

  it("Flask's tutorial (flaskr): the create_app factory, its blueprints' routes", async () => {
    const facts = await inspect('flaskr');
    const app = facts.web.app;
    expect(app?.framework).toEqual({ value: 'flask', source: { file: 'flaskr/__init__.py', line: 6 } });
    expect(app?.target.value).toBe('flaskr:create_app');
    expect(app?.factory).toBe(true);
    expect(app?.interface).toBe('wsgi');
    expect(app?.server).toEqual({ value: 'gunicorn', source: undefined });
    expect(app?.serverInstalled).toBe(false);
    expect(app?.healthPath).toEqual({ value: '/', source: { file: 'flaskr/__init__.py', line: 46 } });
  });

  it('the full-stack FastAPI template: app.main:app, uvicorn from fastapi[standard], Postgres from psycopg and the settings class', async () => {
    const facts = await inspect('full-stack-fastapi');
    const app = facts.web.app;
    expect(app?.target).toEqual({ value: 'app.main:app', source: { file: 'app/main.py', line: 21 } });
    expect(app?.interface).toBe('asgi');
    expect(app?.server).toEqual({ value: 'uvicorn', source: { file: 'pyproject.toml', line: 7, column: 5 } });
    expect(app?.serverInstalled).toBe(true);
    // The routers hang under prefix=settings.API_V1_STR, which is not a literal: FastAPI's /docs.
    expect(app?.healthPath).toEqual({ value: '/docs', source: { file: 'app/main.py', line: 21 } });
    expect(facts.web.services).toEqual([{ kind: 'postgres', reason: { value: 'psycopg in the main dependencies', source: { file: 'pyproject.toml', line: 16, column: 5 } }, envVar: 'DATABASE_URL' }]);
  });
});
