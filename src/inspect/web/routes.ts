import type { SyntaxNode } from '@lezer/common';
import { type Fact, fact } from '../../core/location.js';
import type { AppCandidate } from './asgi-wsgi.js';
import { callArgs, callAt, type PyModule, sequenceItems, stringValue } from './python.js';

/** A prefix that is not a literal (`prefix=settings.API_V1_STR`): the routes below it have no known path. */
const UNKNOWN = null;
type Prefix = string | typeof UNKNOWN;

interface Graph {
  /** owner -> the routes it declares (GET-able, no path parameters). */
  readonly routes: Map<string, Fact<string>[]>;
  /** owner -> its own prefix (`APIRouter(prefix="/utils")`, `Blueprint(..., url_prefix="/auth")`). */
  readonly prefixes: Map<string, Prefix>;
  /** parent -> children with the prefix they are included under. */
  readonly includes: Map<string, { child: string; prefix: Prefix }[]>;
}

const ROUTERS = /^(?:fastapi\.(?:routing\.)?APIRouter|flask\.(?:blueprints\.)?Blueprint|litestar\.(?:router\.)?Router)$/;
const ROUTE_DECORATORS = /^(?:get|route|api_route|head)$/;
const LITESTAR_HANDLERS = /^litestar\.(?:handlers\.)?(?:get|route)$/;
const ROUTE_CALLS = /^(?:add_url_rule|add_api_route|add_route)$/;
/** Starts only where the run of slashes starts (a plain `\/+$` rescans the run from each slash). */
const TRAILING_SLASHES = /(?<!\/)\/+$/;

/** The key of the object an expression names in a module: see AppCandidate.owner. */
function ownerOf(written: string, mod: PyModule, fn: string | undefined): string {
  const head = written.split('.')[0] ?? written;
  if (fn !== undefined && !written.includes('.') && mod.assigns.some((a) => a.fn === fn && a.target === written)) return `${mod.module}:${fn}():${written}`;
  const origin = mod.imports.get(head);
  if (origin !== undefined) {
    const dotted = `${origin}${written.slice(head.length)}`;
    const at = dotted.lastIndexOf('.');
    return at < 0 ? dotted : `${dotted.slice(0, at)}:${dotted.slice(at + 1)}`;
  }
  return `${mod.module}:${written}`;
}

function prefixValue(node: SyntaxNode | undefined, mod: PyModule): Prefix {
  if (!node) return '';
  const value = stringValue(node, mod.src);
  return value === undefined ? UNKNOWN : value;
}

/** `"/a"` or `["/a", "/b"]` (Litestar) as paths. */
function pathsOf(node: SyntaxNode | undefined, mod: PyModule): string[] {
  const one = stringValue(node, mod.src);
  if (one !== undefined) return [one];
  return (sequenceItems(node) ?? []).flatMap((n) => {
    const v = stringValue(n, mod.src);
    return v === undefined ? [] : [v];
  });
}

/** GET unless `methods=[...]` leaves it out. */
function allowsGet(methods: SyntaxNode | undefined, mod: PyModule): boolean {
  if (!methods) return true;
  return (sequenceItems(methods) ?? []).some((n) => stringValue(n, mod.src)?.toUpperCase() === 'GET');
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function buildGraph(modules: readonly PyModule[]): Graph {
  const graph: Graph = { routes: new Map(), prefixes: new Map(), includes: new Map() };
  for (const mod of modules) {
    for (const assign of mod.assigns) {
      const call = callAt(mod, assign.value);
      if (!call?.callee || !ROUTERS.test(call.callee) || assign.target.includes('.')) continue;
      const { keywords } = callArgs(call.args, mod.src);
      const keyword = keywords.get('prefix') ?? keywords.get('url_prefix') ?? keywords.get('path');
      graph.prefixes.set(ownerOf(assign.target, mod, assign.fn), prefixValue(keyword, mod));
    }
    for (const d of mod.decorators) {
      const dot = d.written.lastIndexOf('.');
      const { positional, keywords } = callArgs(d.args, mod.src);
      const paths = pathsOf(positional[0] ?? keywords.get('path'), mod);
      if (LITESTAR_HANDLERS.test(d.callee)) {
        for (const p of paths) add(graph.routes, `${mod.module}:<litestar>`, fact(p, { file: mod.file, line: d.line }));
        continue;
      }
      if (dot < 0 || !ROUTE_DECORATORS.test(d.written.slice(dot + 1)) || !allowsGet(keywords.get('methods'), mod)) continue;
      for (const p of paths) add(graph.routes, ownerOf(d.written.slice(0, dot), mod, d.fn), fact(p, { file: mod.file, line: d.line }));
    }
    for (const call of mod.calls) {
      const written = call.written ?? '';
      const dot = written.lastIndexOf('.');
      const method = written.slice(dot + 1);
      const { positional, keywords } = callArgs(call.args, mod.src);
      if (call.callee && /^starlette\.routing\.Route$/.test(call.callee)) {
        if (allowsGet(keywords.get('methods'), mod)) for (const p of pathsOf(positional[0], mod)) add(graph.routes, `${mod.module}:<starlette>`, fact(p, { file: mod.file, line: call.line }));
        continue;
      }
      if (dot < 0) continue;
      const owner = ownerOf(written.slice(0, dot), mod, call.fn);
      if (ROUTE_CALLS.test(method) && allowsGet(keywords.get('methods'), mod)) {
        for (const p of pathsOf(positional[0] ?? keywords.get('rule') ?? keywords.get('path'), mod)) add(graph.routes, owner, fact(p, { file: mod.file, line: call.line }));
      } else if ((method === 'include_router' || method === 'register_blueprint') && positional[0]) {
        const child = ownerOf(mod.src.slice(positional[0]).replace(/\s+/g, ''), mod, call.fn);
        add(graph.includes, owner, { child, prefix: prefixValue(keywords.get('prefix') ?? keywords.get('url_prefix'), mod) });
      }
    }
  }
  return graph;
}

function join(prefix: string, path: string): string {
  const p = prefix.replace(TRAILING_SLASHES, '');
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${p}${rest}`.replace(/\/{2,}/g, '/');
}

/**
 * The paths an application answers GET on, as far as the code tells: its own routes, and
 * those of the routers and blueprints it includes (with their prefixes, when literal).
 * Paths with parameters (`/items/{id}`, `/<int:id>`) are left out.
 */
export function reachableRoutes(app: AppCandidate, modules: readonly PyModule[]): Fact<string>[] {
  const graph = buildGraph(modules);
  const out: Fact<string>[] = [];
  const seen = new Set<string>();
  const visit = (owner: string, prefix: string, depth: number) => {
    if (seen.has(owner) || depth > 6) return;
    seen.add(owner);
    const own = graph.prefixes.get(owner) ?? '';
    if (own === UNKNOWN) return;
    const base = join(prefix, own);
    for (const route of graph.routes.get(owner) ?? []) out.push(fact(join(base, route.value), route.source));
    for (const edge of graph.includes.get(owner) ?? []) if (edge.prefix !== UNKNOWN) visit(edge.child, join(base, edge.prefix), depth + 1);
  };
  visit(app.owner, '', 0);
  if (app.framework === 'starlette') for (const r of graph.routes.get(`${app.module}:<starlette>`) ?? []) out.push(r);
  if (app.framework === 'litestar') {
    const imported = [...app.mod.imports.values()];
    for (const [owner, routes] of graph.routes) {
      const module = owner.endsWith(':<litestar>') ? owner.slice(0, -':<litestar>'.length) : undefined;
      if (module !== undefined && (module === app.module || imported.some((i) => i === module || i.startsWith(`${module}.`)))) out.push(...routes);
    }
  }
  return out.filter((r) => !/[{<]/.test(r.value));
}

/** Health-check paths, best first (compared without a trailing slash). */
export const HEALTH_PATHS = ['/health', '/healthz', '/healthcheck', '/health-check', '/ping', '/status', '/api/health', '/api/healthz', '/api/health-check', '/api/ping', '/livez', '/readyz'];

const bare = (p: string) => (p.length > 1 ? p.replace(TRAILING_SLASHES, '') : p).toLowerCase();

/** The best health route among `routes`: a health-like path, else `/`; undefined when neither is routed. */
export function healthRoute(routes: readonly Fact<string>[]): Fact<string> | undefined {
  for (const wanted of HEALTH_PATHS) {
    const hit = routes.find((r) => bare(r.value) === wanted || (wanted.includes('health') && bare(r.value).endsWith(wanted)));
    if (hit) return hit;
  }
  return routes.find((r) => r.value === '/');
}
