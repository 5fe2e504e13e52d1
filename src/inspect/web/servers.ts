import { type Fact, fact, type SourceRef } from '../../core/location.js';
import type { MainDependencies } from './deps.js';
import type { WebFramework, WebServerName } from './types.js';

/** What each server can serve. gunicorn serves ASGI only through uvicorn's worker class, so it counts as WSGI here. */
const SPEAKS: Readonly<Record<WebServerName, readonly ('wsgi' | 'asgi')[]>> = {
  gunicorn: ['wsgi'],
  uvicorn: ['asgi'],
  hypercorn: ['asgi', 'wsgi'],
  granian: ['asgi', 'wsgi'],
  daphne: ['asgi'],
  'fastapi-cli': ['asgi'],
};

/** The order servers are preferred in when a project depends on several. */
const PREFERENCE: Readonly<Record<'wsgi' | 'asgi', readonly WebServerName[]>> = {
  wsgi: ['gunicorn', 'granian', 'hypercorn'],
  asgi: ['uvicorn', 'hypercorn', 'granian', 'daphne', 'fastapi-cli'],
};

/** The server that starts a framework's app when the project depends on none. */
const DEFAULT: Readonly<Record<'wsgi' | 'asgi', WebServerName>> = { wsgi: 'gunicorn', asgi: 'uvicorn' };

/** The servers among the main dependencies, with where each is declared: `fastapi[standard]` brings fastapi-cli and uvicorn. */
export function installedServers(deps: MainDependencies): Map<WebServerName, SourceRef | undefined> {
  const out = new Map<WebServerName, SourceRef | undefined>();
  for (const name of ['gunicorn', 'uvicorn', 'hypercorn', 'granian', 'daphne', 'fastapi-cli'] as const) {
    const dep = deps.get(name);
    if (dep) out.set(name, dep.source);
  }
  const fastapi = deps.get('fastapi');
  if (fastapi && fastapi.extras.some((e) => e === 'standard' || e === 'all')) {
    if (!out.has('fastapi-cli')) out.set('fastapi-cli', fastapi.source);
    if (!out.has('uvicorn')) out.set('uvicorn', fastapi.source);
  }
  return out;
}

export interface ServerChoice {
  readonly server: Fact<WebServerName>;
  readonly installed: boolean;
}

/**
 * `[tool.pycrane] server`, else the server the project depends on that speaks the app's
 * interface (gunicorn first for WSGI, uvicorn first for ASGI), else the interface's default
 * (gunicorn, uvicorn) with `installed: false`: the image must add it.
 */
export function chooseServer(
  iface: 'wsgi' | 'asgi',
  framework: WebFramework,
  installed: ReadonlyMap<WebServerName, SourceRef | undefined>,
  configured: Fact<WebServerName> | undefined,
): ServerChoice {
  if (configured) return { server: configured, installed: installed.has(configured.value) };
  for (const name of PREFERENCE[iface]) {
    if (!installed.has(name) || !SPEAKS[name].includes(iface)) continue;
    if (name === 'fastapi-cli' && framework !== 'fastapi') continue;
    return { server: fact(name, installed.get(name)), installed: true };
  }
  return { server: fact(DEFAULT[iface]), installed: false };
}

/** Whether `server` can serve an app over `iface` (a configured server that cannot is reported). */
export function speaks(server: WebServerName, iface: 'wsgi' | 'asgi'): boolean {
  return SPEAKS[server].includes(iface);
}
