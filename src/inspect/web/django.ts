import type { Issue } from '../../core/issue.js';
import { type Fact, fact, type SourceRef } from '../../core/location.js';
import { collapsedSource } from '../setup-py/syntax.js';
import { type EnvRead, envReadOf, envReads, uniqueNames } from './env.js';
import { callArgs, type PyAssign, type PyModule, stringValue } from './python.js';
import { modulePaths, type Sources } from './sources.js';
import type { DjangoFacts } from './types.js';

/** What the Django side of a project says, for the app, its services and its Celery worker. */
export interface DjangoReading {
  readonly facts: DjangoFacts;
  /** The folder manage.py is in: the import root of the settings and the wsgi module. */
  readonly root: string;
  /** `mysite.wsgi:application` and/or `mysite.asgi:application`, where the module exists. */
  readonly wsgi: Fact<string> | undefined;
  readonly asgi: Fact<string> | undefined;
  /** `ASGI_APPLICATION` is set (Channels): the project is meant to be served over ASGI. */
  readonly asgiSetting: boolean;
  /** Paths the root URLconf routes directly (`/`, `/health/`), each with its line. */
  readonly routes: readonly Fact<string>[];
  /** The settings modules read, base first: what Celery's `config_from_object("django.conf:settings")` sees. */
  readonly settings: readonly PyModule[];
  /** The database engine named in DATABASES (`django.db.backends.postgresql`), or a URL scheme (`postgres`). */
  readonly database: Fact<string> | undefined;
  /** The variable the database URL is read from (`env.db("DATABASE_URL")`, `dj_database_url.config()`). */
  readonly databaseEnv: string | undefined;
  /** Where CACHES names django-redis or Django's Redis backend. */
  readonly redisCache: SourceRef | undefined;
  readonly envReads: readonly EnvRead[];
  readonly issues: readonly Issue[];
}

const MAX_SETTINGS_FILES = 8;
const SETTINGS_MODULE = /DJANGO_SETTINGS_MODULE["']\s*(?:,|\]\s*=)\s*(["'])([\w.]+)\1/;

/** The settings module a file sets (`os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")`), outside comments. */
function settingsModuleIn(text: string, file: string): Fact<string> | undefined {
  for (const [i, line] of text.split('\n').entries()) {
    const m = SETTINGS_MODULE.exec(line);
    if (m && !line.slice(0, m.index).includes('#')) return fact(m[2] as string, { file, line: i + 1 });
  }
  return undefined;
}

/** The last module-level assignment of `name` across the settings chain (later files override earlier ones). */
export function settingValue(settings: readonly PyModule[], name: string): { mod: PyModule; assign: PyAssign } | undefined {
  for (let i = settings.length - 1; i >= 0; i--) {
    const mod = settings[i] as PyModule;
    const assign = mod.assigns.findLast((a) => a.fn === undefined && a.target === name);
    if (assign) return { mod, assign };
  }
  return undefined;
}

/** A non-comment line of the settings matching `pattern`. */
function findLine(settings: readonly PyModule[], pattern: RegExp): SourceRef | undefined {
  for (const mod of settings) {
    const lines = mod.src.text.split('\n');
    // Code before the first `#` (dotAll: also past a U+2028, where `#.*$` failed, after rescanning the rest of the line from each `#`).
    const i = lines.findIndex((l) => pattern.test(l.replace(/#.*/s, '')));
    if (i >= 0) return { file: mod.file, line: i + 1 };
  }
  return undefined;
}

/** The settings module and the ones it star-imports from (`from .base import *`), base first. */
async function settingsChain(sources: Sources, root: string, module: string): Promise<PyModule[]> {
  const out: PyModule[] = [];
  const seen = new Set<string>();
  const visit = async (name: string, depth: number) => {
    if (seen.has(name) || out.length >= MAX_SETTINGS_FILES || depth > 3) return;
    seen.add(name);
    for (const path of modulePaths(name, root)) {
      const mod = await sources.module(path, root);
      if (!mod) continue;
      for (const star of mod.starImports) await visit(star, depth + 1);
      out.push(mod);
      return;
    }
  };
  await visit(module, 0);
  return out;
}

async function applicationTarget(sources: Sources, root: string, setting: { mod: PyModule; assign: PyAssign } | undefined, fallback: string, issues: Issue[]): Promise<Fact<string> | undefined> {
  const dotted = setting ? stringValue(setting.assign.value, setting.mod.src) : fallback;
  if (dotted === undefined) return undefined;
  const at = dotted.lastIndexOf('.');
  const module = dotted.slice(0, at);
  const attribute = dotted.slice(at + 1);
  const source = setting ? { file: setting.mod.file, line: setting.assign.line } : undefined;
  for (const path of modulePaths(module, root)) {
    if (await sources.exists(path)) return fact(`${module}:${attribute}`, source ?? { file: path, line: 1 });
  }
  if (setting) {
    issues.push({
      code: 'W_DJANGO_APP_MODULE_MISSING',
      severity: 'warning',
      message: `${setting.assign.target} names ${dotted}, but ${modulePaths(module, root)[0]} does not exist: set [tool.pycrane] app to the application's import target`,
      source: { file: setting.mod.file, line: setting.assign.line },
    });
  }
  return undefined;
}

/** The paths of `urlpatterns` in the root URLconf, and where `admin.site.urls` is routed. */
function readUrls(urls: PyModule, settings: readonly PyModule[]): { routes: Fact<string>[]; admin: boolean; adminPath: string | undefined } {
  const routes: Fact<string>[] = [];
  let admin = false;
  let adminPath: string | undefined;
  for (const call of urls.calls) {
    if (!call.callee || !/^(?:django\.urls\.(?:path|re_path)|django\.conf\.urls\.url|path|re_path|url)$/.test(call.callee)) continue;
    const { positional } = callArgs(call.args, urls.src);
    const [first, view] = positional;
    const viewText = view ? urls.src.slice(view).replace(/\s+/g, '') : '';
    if (/admin\.site\.urls/.test(viewText)) admin = true;
    let route = stringValue(first, urls.src);
    if (route === undefined && first?.name === 'MemberExpression') {
      // path(settings.ADMIN_URL, admin.site.urls): the setting's literal value.
      const name = urls.src.slice(first).replace(/^settings\./, '');
      const setting = settingValue(settings, name);
      route = setting ? stringValue(setting.assign.value, setting.mod.src) : undefined;
    }
    if (route === undefined) continue;
    const path = `/${route.replace(/^\^/, '').replace(/\$$/, '').replace(/^\//, '')}`;
    if (/admin\.site\.urls/.test(viewText)) adminPath = path.endsWith('/') ? path : `${path}/`;
    else if (!/^include\(/.test(viewText) && !/[<(\\[]/.test(path)) routes.push(fact(path, { file: urls.file, line: call.line }));
  }
  return { routes, admin, adminPath };
}

/**
 * Django, from manage.py (at the root or up to two folders below it): the settings module it
 * names, that module's file (and the files it star-imports), WSGI_APPLICATION/ASGI_APPLICATION,
 * STATIC_ROOT, the admin, whitenoise, DATABASES, CACHES and the environment the settings read.
 */
export async function readDjango(sources: Sources): Promise<DjangoReading | undefined> {
  const manage = sources.files.filter((f) => /(?:^|\/)manage\.py$/.test(f.path) && f.path.split('/').length <= 3)[0];
  if (!manage) return undefined;
  const manageText = await sources.text(manage.path);
  if (manageText === undefined || !/django/i.test(manageText)) return undefined;
  const root = manage.path.includes('/') ? manage.path.slice(0, manage.path.lastIndexOf('/')) : '';
  const issues: Issue[] = [];
  const fromManage = settingsModuleIn(manageText, manage.path);
  // The server imports wsgi.py/asgi.py, whose setdefault is what production runs with.
  const guessPackage = fromManage?.value.split('.')[0];
  let fromServer: Fact<string> | undefined;
  for (const name of ['wsgi', 'asgi']) {
    const path = guessPackage ? modulePaths(`${guessPackage}.${name}`, root)[0] : undefined;
    const text = path ? await sources.text(path) : undefined;
    fromServer ??= text && path ? settingsModuleIn(text, path) : undefined;
  }
  const settingsModule = fromServer ?? fromManage;
  if (!settingsModule) {
    issues.push({ code: 'I_DJANGO_NO_SETTINGS', severity: 'info', message: `${manage.path} does not set DJANGO_SETTINGS_MODULE: pycrane cannot find the settings; set [tool.pycrane] app = "mysite.wsgi:application"`, source: { file: manage.path, line: 1 } });
    return undefined;
  }
  if (fromManage && fromServer && fromManage.value !== fromServer.value) {
    issues.push({
      code: 'I_DJANGO_SETTINGS_DIFFER',
      severity: 'info',
      message: `manage.py uses ${fromManage.value}, the server's module ${fromServer.value}: pycrane reads ${fromServer.value} (the settings the server runs with)`,
      ...(fromServer.source ? { source: fromServer.source } : {}),
    });
  }
  const settings = await settingsChain(sources, root, settingsModule.value);
  const own = settings[settings.length - 1];
  if (!own) {
    issues.push({
      code: 'W_DJANGO_SETTINGS_MISSING',
      severity: 'warning',
      message: `DJANGO_SETTINGS_MODULE is ${settingsModule.value}, but neither ${modulePaths(settingsModule.value, root).join(' nor ')} exists: the app would not start; fix it or set [tool.pycrane] app`,
      ...(settingsModule.source ? { source: settingsModule.source } : {}),
    });
  }
  const pkg = settingsModule.value.split('.')[0] as string;
  const wsgi = await applicationTarget(sources, root, settingValue(settings, 'WSGI_APPLICATION'), `${pkg}.wsgi.application`, issues);
  const asgiSetting = settingValue(settings, 'ASGI_APPLICATION');
  const asgi = await applicationTarget(sources, root, asgiSetting, `${pkg}.asgi.application`, issues);

  const staticSetting = settingValue(settings, 'STATIC_ROOT');
  const staticRoot = staticSetting && staticSetting.assign.value.name !== 'None'
    ? fact(stringValue(staticSetting.assign.value, staticSetting.mod.src) ?? collapsedSource(staticSetting.assign.value, staticSetting.mod.src), { file: staticSetting.mod.file, line: staticSetting.assign.line })
    : undefined;
  const adminInstalled = findLine(settings, /["']django\.contrib\.admin["']/) !== undefined;
  const urlconf = settingValue(settings, 'ROOT_URLCONF');
  const urlconfName = urlconf ? stringValue(urlconf.assign.value, urlconf.mod.src) : undefined;
  let urls: PyModule | undefined;
  for (const path of urlconfName ? modulePaths(urlconfName, root) : []) urls ??= await sources.module(path, root);
  const read = urls ? readUrls(urls, settings) : { routes: [], admin: false, adminPath: undefined };
  const reads = settings.flatMap((m) => envReads(m));

  let database: Fact<string> | undefined;
  let databaseEnv: string | undefined;
  const engine = /["'](django\.(?:contrib\.gis\.)?db\.backends\.\w+)["']/;
  const engineAt = findLine(settings, engine);
  if (engineAt) {
    const line = settings.find((m) => m.file === engineAt.file)?.src.text.split('\n')[engineAt.line - 1] ?? '';
    database = fact(engine.exec(line)?.[1] ?? '', engineAt);
  }
  for (const mod of settings) {
    for (const call of mod.calls) {
      if (!call.callee || !/^(?:dj_database_url\.(?:config|parse)|.*\benv\.(?:db|db_url))$/.test(call.written ?? '')) continue;
      const direct = envReadOf(call.node, mod);
      const inner = callArgs(call.args, mod.src).positional[0];
      const nested = direct ?? (inner ? envReadOf(inner, mod) : undefined);
      databaseEnv ??= nested?.name;
      const scheme = /^(\w+)(?:\+\w+)?:\/\//.exec(nested?.default ?? '')?.[1];
      if (scheme && (!database || database.value.endsWith('sqlite3'))) database = fact(scheme, { file: mod.file, line: call.line });
    }
  }
  const redisCache = findLine(settings, /django_redis|django\.core\.cache\.backends\.redis/);

  const facts: DjangoFacts = {
    settingsModule,
    settingsFile: own?.file,
    managePy: manage.path,
    staticRoot,
    admin: adminInstalled && read.admin,
    ...(adminInstalled && read.adminPath !== undefined ? { adminPath: read.adminPath } : {}),
    envVars: uniqueNames(reads),
    whitenoise: findLine(settings, /["']whitenoise\.middleware\.WhiteNoiseMiddleware["']/) !== undefined,
  };
  return { facts, root, wsgi, asgi, asgiSetting: asgiSetting !== undefined, routes: read.routes, settings, database, databaseEnv, redisCache, envReads: reads, issues };
}
