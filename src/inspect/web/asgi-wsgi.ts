import { callArgs, callAt, type PyCall, type PyModule } from './python.js';
import type { WebFramework } from './types.js';

/** An application object found in the code: `app = FastAPI()`, `def create_app(): ... return app`, `def application(environ, start_response)`. */
export interface AppCandidate {
  readonly framework: WebFramework;
  readonly interface: 'wsgi' | 'asgi';
  readonly module: string;
  /** The variable, or the factory function. */
  readonly attribute: string;
  readonly factory: boolean;
  readonly file: string;
  readonly line: number;
  /** The key routes are attached to: `app.main:app`, or `flaskr:create_app():app` for the app inside a factory. */
  readonly owner: string;
  readonly mod: PyModule;
  /** The constructor call (`FastAPI(docs_url=None)`), for its keywords. */
  readonly constructorCall: PyCall | undefined;
}

/** The constructors of each framework's application class, by the names they are imported as. */
const CONSTRUCTORS: Readonly<Record<string, { framework: WebFramework; interface: 'wsgi' | 'asgi' }>> = {
  'fastapi.FastAPI': { framework: 'fastapi', interface: 'asgi' },
  'fastapi.applications.FastAPI': { framework: 'fastapi', interface: 'asgi' },
  'starlette.applications.Starlette': { framework: 'starlette', interface: 'asgi' },
  'litestar.Litestar': { framework: 'litestar', interface: 'asgi' },
  'litestar.app.Litestar': { framework: 'litestar', interface: 'asgi' },
  'flask.Flask': { framework: 'flask', interface: 'wsgi' },
  'flask.app.Flask': { framework: 'flask', interface: 'wsgi' },
};
const BARE: Readonly<Record<string, string>> = { FastAPI: 'fastapi', Starlette: 'starlette', Litestar: 'litestar', Flask: 'flask' };

/** Text that must be in a file for it to be parsed at all: an app, a router, a server run, settings read from the environment, a service URL, a factory call (`app = create_app()`). */
export const APP_HINT = /FastAPI|Starlette|Litestar|litestar|Flask|Celery|APIRouter|Blueprint|start_response|receive|include_router|register_blueprint|uvicorn|add_url_rule|Router|BaseSettings|environ|getenv|decouple|postgres|redis:|_app\(/;

function frameworkOf(call: PyCall | undefined, mod: PyModule): { framework: WebFramework; interface: 'wsgi' | 'asgi' } | undefined {
  if (!call?.callee) return undefined;
  const known = CONSTRUCTORS[call.callee];
  if (known) return known;
  // `from fastapi import *` then `FastAPI()`.
  const pkg = BARE[call.callee];
  const star = pkg !== undefined && mod.starImports.some((s) => s === pkg || s.startsWith(`${pkg}.`));
  return star ? CONSTRUCTORS[Object.keys(CONSTRUCTORS).find((k) => k.endsWith(`.${call.callee}`)) ?? ''] : undefined;
}


/** Names passed as the app of `X.mount("/sub", sub)` / `Mount("/sub", app=sub)`: sub-applications, not the one to serve. */
function mountedNames(mod: PyModule): Set<string> {
  const out = new Set<string>();
  for (const call of mod.calls) {
    if (!call.callee || !/(?:\.mount|(?:^|\.)Mount)$/.test(call.callee)) continue;
    const { positional, keywords } = callArgs(call.args, mod.src);
    const app = keywords.get('app') ?? positional[1];
    if (app?.name === 'VariableName') out.add(mod.src.slice(app));
  }
  return out;
}

/** The applications one module defines. */
export function appCandidates(mod: PyModule): AppCandidate[] {
  const out: AppCandidate[] = [];
  const mounted = mountedNames(mod);
  const base = { module: mod.module, file: mod.file, mod };
  for (const assign of mod.assigns) {
    const call = callAt(mod, assign.value);
    const kind = frameworkOf(call, mod);
    if (!kind || assign.target.includes('.')) continue;
    if (assign.fn === undefined) {
      if (!mounted.has(assign.target)) out.push({ ...base, ...kind, attribute: assign.target, factory: false, line: assign.line, owner: `${mod.module}:${assign.target}`, constructorCall: call });
      continue;
    }
    const fn = mod.functions.get(assign.fn);
    const returned = fn?.returns.some((r) => r.name === 'VariableName' && mod.src.slice(r) === assign.target);
    if (fn && returned && !out.some((c) => c.factory && c.attribute === fn.name)) {
      out.push({ ...base, ...kind, attribute: fn.name, factory: true, line: fn.line, owner: `${mod.module}:${fn.name}():${assign.target}`, constructorCall: call });
    }
  }
  // def create_app(): return Flask(__name__)
  for (const fn of mod.functions.values()) {
    if (out.some((c) => c.attribute === fn.name)) continue;
    for (const r of fn.returns) {
      const call = callAt(mod, r);
      const kind = frameworkOf(call, mod);
      if (kind) {
        out.push({ ...base, ...kind, attribute: fn.name, factory: true, line: fn.line, owner: `${mod.module}:${fn.name}()`, constructorCall: call });
        break;
      }
    }
  }
  return out;
}

/** `app = create_app()` at module level, where create_app is a factory found anywhere: the instance a server can load directly. */
export function factoryInstances(mod: PyModule, factories: readonly AppCandidate[]): AppCandidate[] {
  const out: AppCandidate[] = [];
  for (const assign of mod.assigns) {
    if (assign.fn !== undefined || assign.target.includes('.')) continue;
    const call = callAt(mod, assign.value);
    if (!call?.callee) continue;
    const qualified = call.callee.includes('.') ? call.callee : `${mod.module}.${call.callee}`;
    const factory = factories.find((f) => f.factory && `${f.module}.${f.attribute}` === qualified);
    if (factory) {
      out.push({ ...factory, module: mod.module, attribute: assign.target, factory: false, file: mod.file, line: assign.line, mod });
    }
  }
  return out;
}

/** Plain callables: `def application(environ, start_response)` (WSGI), `async def app(scope, receive, send)` (ASGI). */
export function plainCallables(mod: PyModule): AppCandidate[] {
  const out: AppCandidate[] = [];
  for (const fn of mod.functions.values()) {
    const [a, b, c] = fn.params;
    const iface = a === 'environ' && b === 'start_response' && fn.params.length === 2 ? 'wsgi' : a === 'scope' && b === 'receive' && c === 'send' && fn.params.length === 3 ? 'asgi' : undefined;
    if (!iface) continue;
    out.push({ framework: iface, interface: iface, module: mod.module, attribute: fn.name, factory: false, file: mod.file, line: fn.line, owner: `${mod.module}:${fn.name}`, mod, constructorCall: undefined });
  }
  return out;
}

const ENTRY_NAMES = new Set(['main', 'app', 'asgi', 'wsgi', 'server', 'api', 'application', 'web', 'run', 'serve']);

/** Lower is better: an instance before a factory, `app` before other names, `main.py`/`app.py` before other modules, shallow before deep. */
export function rank(c: AppCandidate): number[] {
  const parts = c.module.split('.');
  const last = parts[parts.length - 1] ?? '';
  return [
    c.factory ? 1 : 0,
    c.attribute === 'app' || c.attribute === 'application' || c.attribute === 'create_app' ? 0 : 1,
    ENTRY_NAMES.has(last) || parts.length === 1 ? 0 : 1,
    parts.length,
  ];
}

export function compareCandidates(a: AppCandidate, b: AppCandidate): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) - (rb[i] ?? 0);
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

/** `module:attribute` as a server names it. */
export function targetOf(c: Pick<AppCandidate, 'module' | 'attribute'>): string {
  return `${c.module}:${c.attribute}`;
}
