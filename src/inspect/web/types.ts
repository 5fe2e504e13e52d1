import type { Fact } from '../../core/location.js';

/**
 * What a web project is, read from its own code (inspect/web/), each fact with the file and
 * line it came from. Dependency names alone never make a web app: the application object (or
 * Django's settings) must be found in the code, or named in `[tool.pycrane] app`.
 */
export type WebFramework = 'django' | 'fastapi' | 'starlette' | 'litestar' | 'flask' | 'wsgi' | 'asgi';

/** The servers pycrane knows how to start (generate/web/servers.ts has their command lines). */
export type WebServerName = 'gunicorn' | 'uvicorn' | 'hypercorn' | 'granian' | 'daphne' | 'fastapi-cli';

export const WEB_SERVERS: readonly WebServerName[] = ['gunicorn', 'uvicorn', 'hypercorn', 'granian', 'daphne', 'fastapi-cli'];

export type ServiceKind = 'postgres' | 'redis';

export const SERVICE_KINDS: readonly ServiceKind[] = ['postgres', 'redis'];

export interface DjangoFacts {
  /**
   * `mysite.settings`: what the server's module (wsgi.py, else asgi.py) sets with
   * `os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)`, else manage.py's (cookiecutter-django's
   * manage.py names `config.settings.local`, its wsgi.py `config.settings.production`).
   */
  readonly settingsModule: Fact<string>;
  /** The settings file, relative to the project root (`mysite/settings.py`), when found. */
  readonly settingsFile: string | undefined;
  /** manage.py's path relative to the project root (`manage.py`, `src/manage.py`). */
  readonly managePy: string | undefined;
  /** `STATIC_ROOT` is set in the settings: `collectstatic` has somewhere to write. */
  readonly staticRoot: Fact<string> | undefined;
  /** `django.contrib.admin` is installed and `admin.site.urls` routed: `<adminPath>login/` answers (see adminPath). */
  readonly admin: boolean;
  /** Where the admin is routed (`/admin/`, from `path("admin/", admin.site.urls)`), when `admin` is true and the path is a literal (or a setting bound to one). */
  readonly adminPath?: string;
  /** The environment variables the settings read (`SECRET_KEY`, `DATABASE_URL`, `DEBUG`, ...), in file order. */
  readonly envVars: readonly string[];
  /** `whitenoise.middleware.WhiteNoiseMiddleware` is in MIDDLEWARE: the app serves its static files. */
  readonly whitenoise: boolean;
}

export interface WebAppFacts {
  readonly framework: Fact<WebFramework>;
  /** The protocol the server must speak to the application. */
  readonly interface: 'wsgi' | 'asgi';
  /**
   * The import target a server loads: `module:attribute` (`mysite.wsgi:application`,
   * `app.main:app`), for a factory `module:function` with `factory` set.
   */
  readonly target: Fact<string>;
  /**
   * The folder (relative to the project root) that must be on `sys.path` (the server's working
   * directory or `--chdir`/`--app-dir`) for `target` to import, when it is not the root: `src`
   * for a Django project whose manage.py is in src/, or an app module under src/ of a project
   * that is not installed as a package. Absent for the root.
   */
  readonly importRoot?: string;
  /** The target is a function returning the app (Flask's `create_app()`, an app factory). */
  readonly factory: boolean;
  /** The server: `[tool.pycrane] server`, else one the project depends on, else the framework's default (source undefined). */
  readonly server: Fact<WebServerName>;
  /** The server is among the main dependencies (else the generated image must install it: see `serverMissing`). */
  readonly serverInstalled: boolean;
  /** The port: `[tool.pycrane] port`, else one found in the code (`uvicorn.run(..., port=8080)`), else 8000 (source undefined). */
  readonly port: Fact<number>;
  /** An HTTP path the health check requests: `[tool.pycrane] health-path`, a route the code has, or a default (source undefined). */
  readonly healthPath: Fact<string>;
  /** Django's facts, for Django projects. */
  readonly django?: DjangoFacts;
}

/** A service the application needs to start (compose gives it one). */
export interface ServiceNeed {
  readonly kind: ServiceKind;
  /** Why: `psycopg in the main dependencies`, `Django's postgresql engine`, `[tool.pycrane] services`. */
  readonly reason: Fact<string>;
  /** The environment variable the code reads for the service's URL (`DATABASE_URL`, `REDIS_URL`, `CELERY_BROKER_URL`), when it could be read. */
  readonly envVar: string | undefined;
}

export interface CeleryFacts {
  /** `proj.celery:app`, where `app = Celery(...)` is. */
  readonly target: Fact<string>;
  /** As WebAppFacts.importRoot: the folder the worker must run in when not the root. */
  readonly importRoot?: string;
  /** The broker's URL scheme when the code names one (`redis`, `amqp`), and the variable it is read from. */
  readonly broker: { readonly scheme: string | undefined; readonly envVar: string | undefined } | undefined;
}

/** The web side of a project: undefined members mean "not a web app" / "no worker" / "no services". */
export interface WebFacts {
  readonly app: WebAppFacts | undefined;
  readonly celery: CeleryFacts | undefined;
  readonly services: readonly ServiceNeed[];
  /**
   * The environment variables the scanned code reads (Django's settings included), in order:
   * settings that take a connection field by field (`REDIS_HOST`, `POSTGRES_PORT`) get them wired.
   */
  readonly envVars?: readonly string[];
}
