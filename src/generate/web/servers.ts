/**
 * The servers pycrane starts a web application with: one row each, with the exec-form
 * command line for a WSGI or ASGI target, the environment variable the server itself reads
 * its worker count from (exec form expands no variables, so only a server that reads it can
 * take it from the environment), the signal it stops gracefully on, and how long it lets
 * requests finish. What each row says, and where it was checked, is in docs/init.md
 * ("Web applications").
 */
import type { WebServerName } from '../../inspect/web/types.js';

export type WebInterface = 'wsgi' | 'asgi';

/** How long a server lets in-flight requests finish after SIGTERM: well inside `docker stop`'s 10 s. */
export const GRACEFUL_SECONDS = 5;

/** What the image starts with: `--workers` comes from this variable where the server reads it. */
export const WORKERS_DEFAULT = 2;

export interface ServerTarget {
  /** `module:attribute`, or `module:function` with `factory`. */
  readonly target: string;
  readonly factory: boolean;
  readonly interface: WebInterface;
  readonly port: number;
  /** Locked package names: an ASGI app under gunicorn needs a uvicorn worker class. */
  readonly packages: ReadonlySet<string>;
}

export interface ServerSpec {
  readonly name: WebServerName;
  /** The program in the venv's bin (fastapi-cli's `fastapi run` is uvicorn underneath: uvicorn is started). */
  readonly executable: string;
  /** The distribution to add when the project lacks it, and the pin the image falls back to until then. */
  readonly distribution: string;
  readonly pin: string;
  readonly interfaces: readonly WebInterface[];
  /** The variable the server reads its worker count from; undefined: one process (set [tool.pycrane] command for more). */
  readonly workersEnv: string | undefined;
  /** The signal it shuts down gracefully on (every one here: SIGTERM, Docker's default). */
  readonly stopSignal: 'SIGTERM';
  /** The command line after the executable. */
  args(target: ServerTarget): string[];
}

const bind = (t: ServerTarget) => `0.0.0.0:${t.port}`;

/** `module:create_app()`: gunicorn and hypercorn call a factory written as a call. */
const called = (t: ServerTarget) => (t.factory ? `${t.target}()` : t.target);

function gunicornWorkerClass(t: ServerTarget): string[] {
  if (t.interface === 'wsgi') return [];
  // uvicorn's own gunicorn worker moved to the uvicorn-worker distribution (uvicorn 0.30).
  return ['--worker-class', t.packages.has('uvicorn-worker') ? 'uvicorn_worker.UvicornWorker' : 'uvicorn.workers.UvicornWorker'];
}

const uvicornArgs = (t: ServerTarget): string[] => [
  '--host',
  '0.0.0.0',
  '--port',
  String(t.port),
  '--timeout-graceful-shutdown',
  String(GRACEFUL_SECONDS),
  ...(t.interface === 'wsgi' ? ['--interface', 'wsgi'] : []),
  ...(t.factory ? ['--factory'] : []),
  t.target,
];

const uvicorn: Omit<ServerSpec, 'name'> = {
  executable: 'uvicorn',
  distribution: 'uvicorn',
  pin: '0.32.0',
  interfaces: ['asgi', 'wsgi'],
  // uvicorn/config.py: `if workers is None and "WEB_CONCURRENCY" in os.environ`.
  workersEnv: 'WEB_CONCURRENCY',
  stopSignal: 'SIGTERM',
  args: uvicornArgs,
};

export const SERVERS: Readonly<Record<WebServerName, ServerSpec>> = {
  gunicorn: {
    name: 'gunicorn',
    executable: 'gunicorn',
    distribution: 'gunicorn',
    pin: '23.0.0',
    interfaces: ['wsgi', 'asgi'],
    // gunicorn/config.py, setting `workers`: default = int(os.environ.get("WEB_CONCURRENCY", 1)).
    workersEnv: 'WEB_CONCURRENCY',
    // SIGTERM: graceful (workers finish their requests within --graceful-timeout); SIGINT/SIGQUIT: quick.
    stopSignal: 'SIGTERM',
    args: (t) => ['--bind', bind(t), '--graceful-timeout', String(GRACEFUL_SECONDS), '--access-logfile', '-', ...gunicornWorkerClass(t), called(t)],
  },
  uvicorn: { name: 'uvicorn', ...uvicorn },
  // `fastapi run` takes a file path and an attribute, not a module:attribute; fastapi-cli
  // depends on uvicorn[standard], whose command line takes the target as the app names it.
  'fastapi-cli': { name: 'fastapi-cli', ...uvicorn },
  hypercorn: {
    name: 'hypercorn',
    executable: 'hypercorn',
    distribution: 'hypercorn',
    pin: '0.17.3',
    interfaces: ['asgi', 'wsgi'],
    workersEnv: undefined,
    stopSignal: 'SIGTERM',
    args: (t) => ['--bind', bind(t), '--graceful-timeout', String(GRACEFUL_SECONDS), called(t)],
  },
  granian: {
    name: 'granian',
    executable: 'granian',
    distribution: 'granian',
    pin: '1.6.4',
    interfaces: ['asgi', 'wsgi'],
    // granian's CLI reads every option from GRANIAN_<NAME> (click auto_envvar_prefix="GRANIAN").
    workersEnv: 'GRANIAN_WORKERS',
    stopSignal: 'SIGTERM',
    args: (t) => ['--interface', t.interface, '--host', '0.0.0.0', '--port', String(t.port), ...(t.factory ? ['--factory'] : []), t.target],
  },
  daphne: {
    name: 'daphne',
    executable: 'daphne',
    distribution: 'daphne',
    pin: '4.1.2',
    interfaces: ['asgi'],
    workersEnv: undefined,
    stopSignal: 'SIGTERM',
    args: (t) => ['--bind', '0.0.0.0', '--port', String(t.port), t.target],
  },
};

export function serverSpec(name: WebServerName): ServerSpec {
  return SERVERS[name];
}

/** The exec-form command that starts the application, the server's program taken from the venv. */
export function serverCommand(spec: ServerSpec, target: ServerTarget, venv: string): string[] {
  return [`${venv}/bin/${spec.executable}`, ...spec.args(target)];
}
