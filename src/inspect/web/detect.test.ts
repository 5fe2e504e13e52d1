import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { memoryReader } from '../../core/reader.js';
import { inspectProject } from '../index.js';

const pyproject = (deps: readonly string[], pycrane = '') =>
  `[project]\nname = "svc"\nversion = "1.0.0"\nrequires-python = ">=3.11"\ndependencies = [${deps.map((d) => `"${d}"`).join(', ')}]\n${pycrane ? `\n[tool.pycrane]\n${pycrane}\n` : ''}`;

const inspect = (files: Record<string, string>, strict = false) => inspectProject(memoryReader(files), strict ? {} : { staleLock: 'warn' });
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

const FASTAPI_MAIN = `import uvicorn
from fastapi import FastAPI

app = FastAPI(title="svc")


@app.get("/items/{item_id}")
def item(item_id: int):
    return {"id": item_id}


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8080)
`;

describe('FastAPI, Starlette, Litestar', () => {
  it('finds the app, its health route (path parameters left out) and the port uvicorn.run names', async () => {
    const facts = await inspect({ 'pyproject.toml': pyproject(['fastapi', 'uvicorn[standard]']), 'main.py': FASTAPI_MAIN });
    const app = facts.web.app;
    expect(app?.framework).toEqual({ value: 'fastapi', source: { file: 'main.py', line: 4 } });
    expect(app?.target).toEqual({ value: 'main:app', source: { file: 'main.py', line: 4 } });
    expect(app?.server.value).toBe('uvicorn');
    expect(app?.serverInstalled).toBe(true);
    expect(app?.healthPath).toEqual({ value: '/healthz', source: { file: 'main.py', line: 12 } });
    expect(app?.port).toEqual({ value: 8080, source: { file: 'main.py', line: 18 } });
  });

  it('a port in [tool.pycrane] wins over the code, with a warning naming both', async () => {
    const facts = await inspect({ 'pyproject.toml': pyproject(['fastapi', 'uvicorn'], 'port = 9000'), 'main.py': FASTAPI_MAIN });
    expect(facts.web.app?.port).toEqual({ value: 9000, source: { file: 'pyproject.toml', line: 8, column: 1 } });
    const warning = facts.issues.find((i) => i.code === 'W_WEB_PORT_CONFLICT');
    expect(warning?.message).toBe('the code runs the server on port 8080 (main.py:18), [tool.pycrane] port says 9000: pycrane uses 9000');
    expect(warning?.source).toEqual({ file: 'pyproject.toml', line: 8, column: 1 });
  });

  it('composes router prefixes; FastAPI without routes falls back to /docs, without docs to / with a note', async () => {
    const routed = await inspect({
      'pyproject.toml': pyproject(['fastapi']),
      'app/__init__.py': '',
      'app/main.py': 'from fastapi import FastAPI\nfrom app.api import health\n\napp = FastAPI()\napp.include_router(health.router, prefix="/api")\n',
      'app/api/__init__.py': '',
      'app/api/health.py': 'from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/v1")\n\n@router.get("/health")\ndef health():\n    return "ok"\n',
    });
    expect(routed.web.app?.target.value).toBe('app.main:app');
    expect(routed.web.app?.healthPath).toEqual({ value: '/api/v1/health', source: { file: 'app/api/health.py', line: 5 } });
    expect(routed.web.app?.server).toEqual({ value: 'uvicorn', source: undefined });
    expect(routed.web.app?.serverInstalled).toBe(false);

    const docs = await inspect({ 'pyproject.toml': pyproject(['fastapi']), 'app.py': 'from fastapi import FastAPI\napp = FastAPI()\n' });
    expect(docs.web.app?.healthPath).toEqual({ value: '/docs', source: { file: 'app.py', line: 2 } });
    const none = await inspect({ 'pyproject.toml': pyproject(['fastapi']), 'app.py': 'from fastapi import FastAPI\napp = FastAPI(docs_url=None)\n' });
    expect(none.web.app?.healthPath).toEqual({ value: '/', source: undefined });
    expect(codes(none.issues)).toContain('I_WEB_HEALTH_DEFAULT');
  });

  it('a mounted sub-application is not a second candidate', async () => {
    const facts = await inspect({
      'pyproject.toml': pyproject(['fastapi']),
      'main.py': 'from fastapi import FastAPI\n\napi = FastAPI()\napp = FastAPI()\napp.mount("/api", api)\n',
    });
    expect(facts.web.app?.target.value).toBe('main:app');
    expect(codes(facts.issues)).not.toContain('W_WEB_APP_AMBIGUOUS');
  });

  it('Starlette routes and Litestar handlers', async () => {
    const starlette = await inspect({
      'pyproject.toml': pyproject(['starlette', 'hypercorn']),
      'server.py': 'from starlette.applications import Starlette\nfrom starlette.routing import Route\n\nasync def ping(request): ...\n\napp = Starlette(routes=[Route("/ping", ping)])\n',
    });
    expect(starlette.web.app?.framework.value).toBe('starlette');
    expect(starlette.web.app?.server.value).toBe('hypercorn');
    expect(starlette.web.app?.healthPath).toEqual({ value: '/ping', source: { file: 'server.py', line: 6 } });
    const litestar = await inspect({
      'pyproject.toml': pyproject(['litestar', 'granian']),
      'app.py': 'from litestar import Litestar, get\n\n@get("/status")\nasync def status() -> str:\n    return "ok"\n\napp = Litestar(route_handlers=[status])\n',
    });
    expect(litestar.web.app?.framework.value).toBe('litestar');
    expect(litestar.web.app?.server.value).toBe('granian');
    expect(litestar.web.app?.healthPath).toEqual({ value: '/status', source: { file: 'app.py', line: 3 } });
  });
});

describe('Flask and plain callables', () => {
  it('`app = create_app()` in wsgi.py is the instance a server loads: no ambiguity with the factory', async () => {
    const facts = await inspect({
      'requirements.txt': 'flask==3.1.0\ngunicorn==23.0.0\n',
      'shop/__init__.py': 'from flask import Flask\n\ndef create_app():\n    app = Flask(__name__)\n\n    @app.get("/health")\n    def health():\n        return "ok"\n\n    return app\n',
      'wsgi.py': 'from shop import create_app\n\napp = create_app()\n\nif __name__ == "__main__":\n    app.run(port=5001)\n',
    });
    const app = facts.web.app;
    expect(app?.target).toEqual({ value: 'wsgi:app', source: { file: 'wsgi.py', line: 3 } });
    expect(app?.factory).toBe(false);
    expect(app?.healthPath).toEqual({ value: '/health', source: { file: 'shop/__init__.py', line: 6 } });
    expect(app?.port).toEqual({ value: 5001, source: { file: 'wsgi.py', line: 6 } });
    expect(app?.server).toEqual({ value: 'gunicorn', source: { file: 'requirements.txt', line: 2 } });
    expect(codes(facts.issues)).not.toContain('W_WEB_APP_AMBIGUOUS');
  });

  it('a plain WSGI callable, when no framework app exists', async () => {
    const facts = await inspect({ 'requirements.txt': 'gunicorn\n', 'hello.py': 'def application(environ, start_response):\n    start_response("200 OK", [])\n    return [b"hi"]\n' });
    expect(facts.web.app?.framework).toEqual({ value: 'wsgi', source: { file: 'hello.py', line: 1 } });
    expect(facts.web.app?.target.value).toBe('hello:application');
  });
});

describe('bad input', () => {
  it('two candidate apps: a warning naming both with file:line, the best-ranked one served', async () => {
    const facts = await inspect({
      'pyproject.toml': pyproject(['flask']),
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'tools/admin_ui.py': 'import flask\nadmin = flask.Flask("admin")\n',
    });
    expect(facts.web.app?.target.value).toBe('app:app');
    const warning = facts.issues.find((i) => i.code === 'W_WEB_APP_AMBIGUOUS');
    expect(warning?.message).toMatch(/^2 web applications: app:app \(app\.py:2\), tools\.admin_ui:admin \(tools\/admin_ui\.py:2\); pycrane serves app:app \(best ranked: .*\); set \[tool\.pycrane\] app to choose another$/);
    expect(warning?.source).toEqual({ file: 'app.py', line: 2 });
  });

  it('a framework dependency without an app: a note saying what was looked for and how to set it', async () => {
    const facts = await inspect({ 'pyproject.toml': pyproject(['fastapi']), 'svc/__init__.py': 'VERSION = 1\n', 'tests/app.py': 'from fastapi import FastAPI\napp = FastAPI()\n' });
    expect(facts.web.app).toBeUndefined();
    const note = facts.issues.find((i) => i.code === 'I_WEB_APP_NOT_FOUND');
    expect(note?.severity).toBe('info');
    expect(note?.message).toMatch(/^fastapi is a main dependency but pycrane found no FastAPI\(\.\.\.\) application or factory in 0 Python files it read: .*set \[tool\.pycrane\] app = "module:app"/);
  });

  it('[tool.pycrane] app naming a module that does not exist: a UserError for init, an error issue for check', async () => {
    const files = { 'pyproject.toml': pyproject(['flask'], 'app = "web.wsgi:app"'), 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' };
    let error: unknown;
    try {
      await inspect(files, true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_WEB_TARGET_MODULE');
    expect((error as UserError).describe()).toBe('pyproject.toml:8:1: [tool.pycrane] app = "web.wsgi:app": module web.wsgi not found (looked for web/wsgi.py, web/wsgi/__init__.py, src/web/wsgi.py, src/web/wsgi/__init__.py); a server could not import it');
    const lenient = await inspect(files);
    expect(lenient.web.app).toBeUndefined();
    expect(lenient.issues.find((i) => i.code === 'E_WEB_TARGET_MODULE')?.severity).toBe('error');
  });

  it('a settings module that does not exist is a warning at the line that names it', async () => {
    const facts = await inspect({ 'requirements.txt': 'django\n', 'manage.py': 'import os\nimport django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n' });
    const warning = facts.issues.find((i) => i.code === 'W_DJANGO_SETTINGS_MISSING');
    expect(warning?.source).toEqual({ file: 'manage.py', line: 3 });
    expect(facts.web.app).toBeUndefined();
  });
});

describe('[tool.pycrane] overrides', () => {
  it('app (a factory with "()"), server, health-path, services and celery = false', async () => {
    const facts = await inspect({
      'pyproject.toml': pyproject(['flask', 'psycopg2-binary', 'celery[redis]'], 'app = "shop:make()"\nserver = "granian"\nhealth-path = "/up"\nservices = ["redis"]\ncelery = false'),
      'shop/__init__.py': 'from flask import Flask\n\ndef make():\n    return Flask(__name__)\n',
      'worker.py': 'from celery import Celery\napp = Celery("w", broker="redis://redis:6379/0")\n',
    });
    const app = facts.web.app;
    expect(app?.target).toEqual({ value: 'shop:make', source: { file: 'pyproject.toml', line: 8, column: 1 } });
    expect(app?.factory).toBe(true);
    expect(app?.framework).toEqual({ value: 'flask', source: { file: 'shop/__init__.py', line: 3 } });
    expect(app?.server).toEqual({ value: 'granian', source: { file: 'pyproject.toml', line: 9, column: 1 } });
    expect(app?.serverInstalled).toBe(false);
    expect(app?.healthPath).toEqual({ value: '/up', source: { file: 'pyproject.toml', line: 10, column: 1 } });
    expect(facts.web.celery).toBeUndefined();
    expect(facts.web.services).toEqual([{ kind: 'redis', reason: { value: '[tool.pycrane] services', source: { file: 'pyproject.toml', line: 11, column: 1 } }, envVar: undefined }]);
  });

  it('services = [] means none; a server that cannot serve the interface is a warning', async () => {
    const facts = await inspect({ 'pyproject.toml': pyproject(['flask', 'asyncpg'], 'services = []\nserver = "daphne"'), 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' });
    expect(facts.web.services).toEqual([]);
    expect(codes(facts.issues)).toContain('W_WEB_SERVER_INTERFACE');
  });
});

describe('services and environment', () => {
  it('Postgres and Redis with the variables the code reads (decouple, os.getenv, a redis:// default)', async () => {
    const facts = await inspect({
      'pyproject.toml': pyproject(['fastapi', 'asyncpg', 'rq']),
      'main.py': 'from fastapi import FastAPI\nfrom settings import DB\napp = FastAPI()\n',
      'settings.py': 'import os\nfrom decouple import config\nDB = config("DATABASE_URL")\nREDIS = os.getenv("REDIS_URL", "redis://localhost:6379/0")\nSECRET = os.environ["SECRET_KEY"]\n',
    });
    expect(facts.web.services).toEqual([
      { kind: 'postgres', reason: { value: 'asyncpg in the main dependencies', source: { file: 'pyproject.toml', line: 5, column: 28 } }, envVar: 'DATABASE_URL' },
      { kind: 'redis', reason: { value: 'rq in the main dependencies', source: { file: 'pyproject.toml', line: 5, column: 39 } }, envVar: 'REDIS_URL' },
    ]);
    // Every variable the code reads, for settings that take a connection field by field.
    expect(facts.web.envVars).toEqual(['DATABASE_URL', 'REDIS_URL', 'SECRET_KEY']);
  });

  it('a SQLAlchemy postgresql:// URL in the code is a Postgres need without a driver named', async () => {
    const facts = await inspect({ 'pyproject.toml': pyproject(['flask', 'sqlalchemy']), 'app.py': 'from flask import Flask\nfrom sqlalchemy import create_engine\napp = Flask(__name__)\nengine = create_engine("postgresql+psycopg://app@db/app")\n' });
    expect(facts.web.services).toEqual([{ kind: 'postgres', reason: { value: 'a postgresql:// URL in the code', source: { file: 'app.py', line: 4 } }, envVar: undefined }]);
  });

  it('Django in src/ with env.db(), django-redis and ASGI served by uvicorn alone', async () => {
    const facts = await inspect({
      'requirements.txt': 'django\ndjango-environ\nuvicorn\npsycopg[binary]\n',
      'src/manage.py': 'import os\nimport django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
      'src/site_cfg/__init__.py': '',
      'src/site_cfg/settings.py': 'import environ\nenv = environ.Env()\nSECRET_KEY = env("SECRET_KEY")\nDATABASES = {"default": env.db()}\nCACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": env("REDIS_URL")}}\nSTATIC_ROOT = "/app/static"\n',
      'src/site_cfg/wsgi.py': 'application = None\n',
      'src/site_cfg/asgi.py': 'application = None\n',
    });
    const app = facts.web.app;
    expect(app?.interface).toBe('asgi');
    expect(app?.target.value).toBe('site_cfg.asgi:application');
    expect(app?.importRoot).toBe('src');
    expect(app?.django?.managePy).toBe('src/manage.py');
    expect(app?.django?.envVars).toEqual(['SECRET_KEY', 'DATABASE_URL', 'REDIS_URL']);
    expect(app?.django?.staticRoot).toEqual({ value: '/app/static', source: { file: 'src/site_cfg/settings.py', line: 6 } });
    expect(facts.web.services.map((s) => [s.kind, s.envVar])).toEqual([
      ['postgres', 'DATABASE_URL'],
      ['redis', 'REDIS_URL'],
    ]);
  });

  it('Django two folders down: modules named from manage.py\'s folder, for the app and its Celery worker', async () => {
    const facts = await inspect({
      'requirements.txt': 'django\ncelery[redis]\ngunicorn\n',
      'backend/site/manage.py': 'import os\nfrom django.core.management import execute_from_command_line\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")\n',
      'backend/site/core/__init__.py': '',
      'backend/site/core/settings.py': 'import os\nCELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://redis:6379/0")\nROOT_URLCONF = "core.urls"\n',
      'backend/site/core/urls.py': 'from django.urls import path\nfrom . import views\nurlpatterns = [path("healthz/", views.ok)]\n',
      'backend/site/core/wsgi.py': 'application = None\n',
      'backend/site/core/celery.py': 'from celery import Celery\napp = Celery("core")\napp.config_from_object("django.conf:settings", namespace="CELERY")\n',
    });
    expect(facts.web.app?.target.value).toBe('core.wsgi:application');
    expect(facts.web.app?.importRoot).toBe('backend/site');
    expect(facts.web.app?.healthPath).toEqual({ value: '/healthz/', source: { file: 'backend/site/core/urls.py', line: 3 } });
    expect(facts.web.celery).toEqual({ target: { value: 'core.celery:app', source: { file: 'backend/site/core/celery.py', line: 2 } }, broker: { scheme: 'redis', envVar: 'CELERY_BROKER_URL' }, importRoot: 'backend/site' });
    expect(facts.web.services).toEqual([{ kind: 'redis', reason: { value: 'the Celery broker is Redis', source: { file: 'backend/site/core/celery.py', line: 2 } }, envVar: 'CELERY_BROKER_URL' }]);
  });

  it('a Django project with a FastAPI app beside it: Django is served, the warning names both', async () => {
    const facts = await inspect({
      'requirements.txt': 'django\nfastapi\n',
      'manage.py': 'import os\nimport django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
      'mysite/settings.py': 'WSGI_APPLICATION = "mysite.wsgi.application"\n',
      'mysite/wsgi.py': 'application = None\n',
      'api.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    });
    expect(facts.web.app?.framework.value).toBe('django');
    expect(facts.issues.find((i) => i.code === 'W_WEB_APP_AMBIGUOUS')?.message).toMatch(/^2 web applications: mysite\.wsgi:application \(mysite\/settings\.py:1\), api:app \(api\.py:2\); pycrane serves mysite\.wsgi:application \(Django\)/);
  });

  it('a project without web dependencies is not scanned', async () => {
    const facts = await inspect({ 'pyproject.toml': pyproject(['click']), 'main.py': FASTAPI_MAIN });
    expect(facts.web).toEqual({ app: undefined, celery: undefined, services: [] });
    expect(facts.files).not.toContain('main.py');
  });
});
