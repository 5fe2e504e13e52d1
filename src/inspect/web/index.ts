import type { Issue } from '../../core/issue.js';
import { type Fact, fact, formatRef, type SourceRef } from '../../core/location.js';
import type { FileReader } from '../../core/reader.js';
import type { DependencyGroup, LockFacts, PycraneConfig, RequirementsFacts } from '../model.js';
import type { TomlTable } from '../toml/parse.js';
import { type AppCandidate, APP_HINT, appCandidates, compareCandidates, factoryInstances, plainCallables, targetOf } from './asgi-wsgi.js';
import { celeryBroker, celeryCandidates } from './celery.js';
import { findConfiguredTarget } from './configured.js';
import { mainDependencies } from './deps.js';
import { type DjangoReading, readDjango } from './django.js';
import { type EnvRead, envReads } from './env.js';
import { codePort, healthPath } from './health-port.js';
import type { PyModule } from './python.js';
import { chooseServer, installedServers, speaks } from './servers.js';
import { detectServices } from './services.js';
import { collectSources, type Sources } from './sources.js';
import type { CeleryFacts, WebAppFacts, WebFacts, WebFramework, WebServerName } from './types.js';

export interface WebContext {
  readonly reader: FileReader;
  readonly config: PycraneConfig;
  /** Where a `[tool.pycrane]` key is. */
  configRef(key: string): SourceRef | undefined;
  /** `[tool.pycrane]` or `pycrane.toml`, for messages. */
  readonly configLabel: string;
  readonly groups: readonly DependencyGroup[];
  readonly lock: LockFacts | undefined;
  readonly requirements: RequirementsFacts | undefined;
  readonly pyproject: TomlTable | undefined;
}

export interface WebReading {
  readonly web: WebFacts;
  readonly issues: readonly Issue[];
}

/** Dependencies that make pycrane look at the code at all (a project without any is not read). */
const WEB_DEPENDENCIES = ['django', 'fastapi', 'starlette', 'litestar', 'flask', 'celery', 'gunicorn', 'uvicorn', 'hypercorn', 'granian', 'daphne', 'fastapi-cli', 'werkzeug'];
const FRAMEWORK_DEPENDENCIES: readonly (readonly [string, WebFramework])[] = [['django', 'django'], ['fastapi', 'fastapi'], ['litestar', 'litestar'], ['starlette', 'starlette'], ['flask', 'flask']];
const INTERFACE: Readonly<Record<WebFramework, 'wsgi' | 'asgi'>> = { django: 'wsgi', fastapi: 'asgi', starlette: 'asgi', litestar: 'asgi', flask: 'wsgi', wsgi: 'wsgi', asgi: 'asgi' };
const ASGI_ONLY: readonly WebServerName[] = ['uvicorn', 'daphne', 'fastapi-cli'];

const at = (file: string, line: number): SourceRef => ({ file, line });
const withSource = (source: SourceRef | undefined) => (source ? { source } : {});

/** Parses every file that may hold an app (bounded: see sources.ts). */
async function parseCandidates(sources: Sources): Promise<PyModule[]> {
  const out: PyModule[] = [];
  for (const f of sources.files) {
    if (/(?:^|\/)manage\.py$/.test(f.path)) continue;
    const mod = await sources.module(f.path, f.path.startsWith('src/') ? 'src' : '', APP_HINT);
    if (mod) out.push(mod);
  }
  return out;
}

function findCandidates(modules: readonly PyModule[]): AppCandidate[] {
  const framework = modules.flatMap((m) => appCandidates(m));
  const instances = modules.flatMap((m) => factoryInstances(m, framework));
  // A factory a module instantiates (`app = create_app()`) is that same application.
  const all = [...framework.filter((c) => !c.factory || !instances.some((i) => i.owner === c.owner)), ...instances];
  const found = all.length > 0 ? all : modules.flatMap((m) => plainCallables(m));
  return found.sort(compareCandidates);
}

function djangoApp(django: DjangoReading, installed: ReadonlyMap<WebServerName, SourceRef | undefined>): { iface: 'wsgi' | 'asgi'; target: Fact<string> } | undefined {
  const { wsgi, asgi } = django;
  const wsgiServer = installed.has('gunicorn') || installed.has('granian') || installed.has('hypercorn');
  const asgiOnly = ASGI_ONLY.some((s) => installed.has(s));
  if (asgi && (django.asgiSetting || !wsgi || (!wsgiServer && asgiOnly))) return { iface: 'asgi', target: asgi };
  return wsgi ? { iface: 'wsgi', target: wsgi } : undefined;
}

/**
 * The web side of a project, read from its code: the application (Django, FastAPI,
 * Starlette, Litestar, Flask, a plain WSGI/ASGI callable), its server, port and health path,
 * a Celery worker, and the services (Postgres, Redis) it needs. `[tool.pycrane]` app, server,
 * port, health-path, celery and services override what is found.
 */
export async function readWeb(ctx: WebContext): Promise<WebReading> {
  const { config } = ctx;
  const issues: Issue[] = [];
  const deps = mainDependencies(ctx.groups, ctx.lock, ctx.requirements, ctx.pyproject);
  const key = (k: string) => (ctx.configLabel === '[tool.pycrane]' ? `[tool.pycrane] ${k}` : `pycrane.toml ${k}`);
  const scan = config.app !== undefined || typeof config.celery === 'string' || WEB_DEPENDENCIES.some((d) => deps.has(d)) || (await ctx.reader.read('manage.py')) !== undefined;
  const sources = scan ? await collectSources(ctx.reader) : undefined;
  const django = sources ? await readDjango(sources) : undefined;
  if (django) issues.push(...django.issues);
  const modules = sources ? await parseCandidates(sources) : [];
  const installed = installedServers(deps);
  const roots = ['', 'src', ...(django && django.root !== '' ? [django.root] : [])];

  let app: WebAppFacts | undefined;
  let chosen: AppCandidate | undefined;
  let framework: Fact<WebFramework> | undefined;
  let iface: 'wsgi' | 'asgi' | undefined;
  let target: Fact<string> | undefined;
  let factory = false;
  let importRoot = '';
  const configuredServer = config.server !== undefined ? fact(config.server as WebServerName, ctx.configRef('server')) : undefined;

  if (config.app !== undefined && sources) {
    const source = ctx.configRef('app');
    const found = await findConfiguredTarget(config.app, key('app'), source, roots, sources, issues);
    if (found) {
      importRoot = found.root;
      target = fact(`${found.module}:${found.attribute}`, source);
      factory = found.factory || (found.candidate?.factory ?? false);
      const byDjango = django && (found.module === django.wsgi?.value.split(':')[0] || found.module === django.asgi?.value.split(':')[0]);
      const fromDeps = FRAMEWORK_DEPENDENCIES.find(([d]) => deps.has(d))?.[1];
      const fw: WebFramework = found.candidate?.framework ?? (byDjango ? 'django' : (fromDeps ?? (configuredServer && ASGI_ONLY.includes(configuredServer.value) ? 'asgi' : 'wsgi')));
      framework = fact(fw, found.candidate ? at(found.candidate.file, found.candidate.line) : source);
      iface = found.candidate?.interface ?? (byDjango && found.module === django?.asgi?.value.split(':')[0] ? 'asgi' : INTERFACE[fw]);
      chosen = found.candidate;
    }
  } else {
    const candidates = findCandidates(modules);
    const fromDjango = django ? djangoApp(django, installed) : undefined;
    const names = candidates.map((c) => `${targetOf(c)}${c.factory ? '()' : ''} (${c.file}:${c.line})`);
    if (fromDjango) {
      framework = fact('django', django?.facts.settingsModule.source);
      iface = fromDjango.iface;
      target = fromDjango.target;
      importRoot = django?.root ?? '';
      if (candidates.length > 0) names.unshift(`${fromDjango.target.value} (${formatRef(fromDjango.target.source)})`);
    } else if (candidates[0]) {
      chosen = candidates[0];
      framework = fact(chosen.framework, at(chosen.file, chosen.line));
      iface = chosen.interface;
      target = fact(targetOf(chosen), at(chosen.file, chosen.line));
      factory = chosen.factory;
      importRoot = chosen.file.startsWith('src/') ? 'src' : '';
    }
    if (names.length > 1 && target) {
      issues.push({
        code: 'W_WEB_APP_AMBIGUOUS',
        severity: 'warning',
        message: `${names.length} web applications: ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}; pycrane serves ${target.value}${factory ? '()' : ''} (${fromDjango ? 'Django' : 'best ranked: an instance before a factory, "app" before other names, main/app modules before others, shallow before deep'}); set ${key('app')} to choose another`,
        ...withSource(target.source),
      });
    }
    if (!target) {
      const dep = FRAMEWORK_DEPENDENCIES.find(([d]) => deps.has(d));
      if (dep) {
        const what = dep[1] === 'django' ? 'no manage.py naming DJANGO_SETTINGS_MODULE (at the root or two folders below)' : `no ${dep[1] === 'flask' ? 'Flask(...)' : `${dep[1] === 'fastapi' ? 'FastAPI' : dep[1] === 'litestar' ? 'Litestar' : 'Starlette'}(...)`} application or factory`;
        issues.push({
          code: 'I_WEB_APP_NOT_FOUND',
          severity: 'info',
          message: `${dep[0]} is a main dependency but pycrane found ${what} in ${modules.length} Python file${modules.length === 1 ? '' : 's'} it read${sources?.truncated ? ' (the search stopped at its file limit)' : ''}: the image starts the project's command; set ${key('app')} = "module:app" to serve it`,
          ...withSource(deps.get(dep[0])?.source),
        });
      }
    }
  }

  if (framework && iface && target) {
    const server = chooseServer(iface, framework.value, installed, configuredServer);
    if (configuredServer && !speaks(configuredServer.value, iface)) {
      issues.push({ code: 'W_WEB_SERVER_INTERFACE', severity: 'warning', message: `${key('server')} = "${configuredServer.value}" does not serve ${iface.toUpperCase()} applications, and ${target.value} is one`, ...withSource(configuredServer.source) });
    }
    const inCode = codePort(modules, chosen);
    let port: Fact<number> = inCode ?? fact(8000);
    if (config.port !== undefined) {
      port = fact(config.port, ctx.configRef('port'));
      if (inCode && inCode.value !== config.port) {
        issues.push({
          code: 'W_WEB_PORT_CONFLICT',
          severity: 'warning',
          message: `the code runs the server on port ${inCode.value} (${formatRef(inCode.source)}), ${key('port')} says ${config.port}: pycrane uses ${config.port}`,
          ...withSource(port.source),
        });
      }
    }
    const health = config.healthPath !== undefined
      ? fact(config.healthPath, ctx.configRef('health-path'))
      : healthPath(framework.value, chosen, modules, django, target.value, issues, key('health-path'));
    app = {
      framework,
      interface: iface,
      target,
      factory,
      server: server.server,
      serverInstalled: server.installed,
      port,
      healthPath: health,
      ...(importRoot !== '' ? { importRoot } : {}),
      ...(framework.value === 'django' && django ? { django: django.facts } : {}),
    };
  }

  const celery = await readCelery(ctx, sources, modules, django, roots, key, issues);
  const reads: EnvRead[] = [...(django?.envReads ?? []), ...modules.flatMap((m) => envReads(m))];
  const detected = detectServices({ deps, django, celery, envReads: reads, modules });
  const services = config.services === undefined
    ? detected
    : config.services.map((kind) => ({ kind, reason: fact(key('services'), ctx.configRef('services')), envVar: detected.find((s) => s.kind === kind)?.envVar }));
  const envVars = [...new Set(reads.map((r) => r.name))];
  return { web: { app, celery, services, ...(envVars.length > 0 ? { envVars } : {}) }, issues };
}

async function readCelery(
  ctx: WebContext,
  sources: Sources | undefined,
  modules: readonly PyModule[],
  django: DjangoReading | undefined,
  roots: readonly string[],
  key: (k: string) => string,
  issues: Issue[],
): Promise<CeleryFacts | undefined> {
  const { config } = ctx;
  if (config.celery === false || !sources) return undefined;
  const byModule = new Map(modules.map((m) => [m.module, m]));
  const settings = django?.settings ?? [];
  if (typeof config.celery === 'string') {
    const source = ctx.configRef('celery');
    const found = await findConfiguredTarget(config.celery, key('celery'), source, roots, sources, issues);
    if (!found) return undefined;
    const candidate = found.mod ? celeryCandidates(found.mod).find((c) => c.variable === found.attribute) : undefined;
    return {
      target: fact(`${found.module}:${found.attribute}`, source),
      broker: candidate ? celeryBroker(candidate, settings, byModule) : undefined,
      ...(found.root !== '' ? { importRoot: found.root } : {}),
    };
  }
  const djangoModules = django ? await Promise.all(sources.files.filter((f) => f.path.startsWith(django.root === '' ? '' : `${django.root}/`) && /celery/.test(f.path)).map((f) => sources.module(f.path, django.root, /Celery/))) : [];
  // Modules under Django's root are named from it (manage.py's folder is on sys.path): those names first.
  const all = [...djangoModules.filter((m): m is PyModule => m !== undefined), ...modules];
  const seen = new Set<string>();
  const candidates = all.flatMap((m) => celeryCandidates(m)).filter((c) => !seen.has(c.mod.file) && seen.add(c.mod.file));
  const first = candidates.sort((a, b) => Number(!/celery|worker/.test(a.mod.file)) - Number(!/celery|worker/.test(b.mod.file)))[0];
  if (!first) return undefined;
  if (candidates.length > 1) {
    issues.push({
      code: 'W_CELERY_AMBIGUOUS',
      severity: 'warning',
      message: `${candidates.length} Celery apps: ${candidates.map((c) => `${c.target.value} (${formatRef(c.target.source)})`).join(', ')}; the worker runs ${first.target.value}; set ${key('celery')} to choose another`,
      ...withSource(first.target.source),
    });
  }
  const root = django && first.mod.file.startsWith(`${django.root}/`) && django.root !== '' ? django.root : first.mod.file.startsWith('src/') ? 'src' : '';
  return { target: first.target, broker: celeryBroker(first, settings, byModule), ...(root !== '' ? { importRoot: root } : {}) };
}
