import type { Issue } from '../../core/issue.js';
import { type Fact, fact } from '../../core/location.js';
import type { AppCandidate } from './asgi-wsgi.js';
import type { DjangoReading } from './django.js';
import { callArgs, intValue, type PyModule, stringValue } from './python.js';
import { healthRoute, reachableRoutes } from './routes.js';
import type { WebFramework } from './types.js';

/** Calls that start a server with a port: `uvicorn.run(app, port=8080)`, `app.run(port=5001)`, `web.run_app(app, port=...)`. */
const RUNNERS = /^(?:uvicorn\.run|aiohttp\.web\.run_app|socketio\.run|.*\.run)$/;

/**
 * The port the code starts its server on, when it says: `uvicorn.run(..., port=N)` or
 * `<app>.run(port=N)` with a literal number, in the app's module first.
 */
export function codePort(modules: readonly PyModule[], app: AppCandidate | undefined): Fact<number> | undefined {
  const ordered = app ? [app.mod, ...modules.filter((m) => m !== app.mod)] : modules;
  for (const mod of ordered) {
    for (const call of mod.calls) {
      if (!call.callee || !RUNNERS.test(call.callee)) continue;
      const written = call.written ?? '';
      const isApp = app !== undefined && written === `${app.attribute}.run`;
      if (!call.callee.startsWith('uvicorn.') && !isApp && !/^(?:aiohttp|socketio)\./.test(call.callee)) continue;
      const port = intValue(callArgs(call.args, mod.src).keywords.get('port'), mod.src);
      if (port !== undefined && port > 0 && port < 65536) return fact(port, { file: mod.file, line: call.line });
    }
  }
  return undefined;
}

/** FastAPI serves its docs at /docs unless `docs_url=None` (or another path); Litestar its schema at /schema. */
function frameworkDefault(framework: WebFramework, app: AppCandidate | undefined): Fact<string> | undefined {
  if (!app?.constructorCall) return undefined;
  const { keywords } = callArgs(app.constructorCall.args, app.mod.src);
  const source = { file: app.mod.file, line: app.constructorCall.line };
  if (framework === 'fastapi') {
    const docs = keywords.get('docs_url');
    if (!docs) return fact('/docs', source);
    const value = stringValue(docs, app.mod.src);
    return value ? fact(value, source) : undefined;
  }
  if (framework === 'litestar') return keywords.get('openapi_config')?.name === 'None' ? undefined : fact('/schema', source);
  return undefined;
}

/**
 * The path the health check requests: a health route the code has (`/health`, `/healthz`,
 * `/ping`, `/status`, ... see HEALTH_PATHS), else for Django the admin's login page, else `/`
 * when routed, else FastAPI's `/docs` (Litestar's `/schema`), else `/` unconfirmed (a note
 * says so and how to set it).
 */
export function healthPath(
  framework: WebFramework,
  app: AppCandidate | undefined,
  modules: readonly PyModule[],
  django: DjangoReading | undefined,
  target: string,
  issues: Issue[],
  configKey: string,
): Fact<string> {
  if (framework === 'django' && django) {
    const route = healthRoute(django.routes);
    if (route && route.value !== '/') return route;
    if (django.facts.admin && django.facts.adminPath) return fact(`${django.facts.adminPath}login/`, undefined);
    if (route) return route;
  } else if (app) {
    const route = healthRoute(reachableRoutes(app, modules));
    if (route) return route;
    const fallback = frameworkDefault(framework, app);
    if (fallback) return fallback;
  }
  issues.push({
    code: 'I_WEB_HEALTH_DEFAULT',
    severity: 'info',
    message: `no GET route pycrane can see in ${target} (looked for /health, /healthz, /ping, /status and /): the health check requests /; set ${configKey} to a path that answers 200`,
  });
  return fact('/');
}
