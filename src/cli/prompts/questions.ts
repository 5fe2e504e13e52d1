/**
 * init's questions, as data: what each asks, the answer detection gives and where it came
 * from, the choices, how an answer (typed, chosen, or given as a flag) is checked and turned
 * into the `[tool.pycrane]` value that remembers it, and whether pycrane is unsure enough to
 * ask. Answers travel as the text a flag takes (`8000`, `postgres,redis`, `none`), so a flag
 * and a prompt are checked by the same `parse`.
 */
import { formatRef, type SourceRef } from '../../core/location.js';
import type { BuildPlan } from '../../generate/index.js';
import type { ProjectFacts } from '../../inspect/model.js';
import { minorAdmits, pep440, poetryToPep440 } from '../../inspect/python/constraint.js';
import { speaks } from '../../inspect/web/servers.js';
import { SERVICE_KINDS, type ServiceKind, WEB_SERVERS, type WebServerName } from '../../inspect/web/types.js';
import type { TomlValue } from '../../io/remember-config.js';
import { joinShellWords, splitShellWords } from './shell-words.js';

/** The question's id is the `[tool.pycrane]` key it remembers and the name of its flag (`--health-path`). */
export type QuestionId = 'python' | 'command' | 'app' | 'server' | 'port' | 'services' | 'health-path';

export const QUESTION_IDS: readonly QuestionId[] = ['python', 'command', 'app', 'server', 'port', 'services', 'health-path'];

export interface Choice {
  readonly value: string;
  readonly label?: string;
  readonly hint?: string;
}

export type Parsed = { readonly value: TomlValue } | { readonly error: string };

export interface Question {
  readonly id: QuestionId;
  /** What the prompt asks. */
  readonly message: string;
  readonly kind: 'text' | 'select' | 'multiselect';
  /** What detection gives (flag text), or undefined when it gives nothing (the key stays unset). */
  readonly detected: string | undefined;
  /** Where the detected answer came from: `mysite/settings.py:57 WSGI_APPLICATION`, `pycrane's default`. */
  readonly from: string;
  /** Asked on a terminal: pycrane could not tell for sure. */
  readonly ask: boolean;
  /** select and multiselect: the options; a select may also offer typing another answer (`other`). */
  readonly choices?: readonly Choice[];
  readonly other?: boolean;
  /** Checks an answer and gives the value the config file remembers. */
  parse(text: string): Parsed;
}

const where = (ref: SourceRef | undefined, what = '') => (ref ? `${formatRef(ref)}${what ? ` ${what}` : ''}` : '');

const parsePython = (text: string): Parsed =>
  /^\d+\.\d+(\.\d+)?$/.test(text.trim()) ? { value: text.trim() } : { error: 'expected a Python version like 3.13' };

const parsePort = (text: string): Parsed => {
  const port = Number(text.trim());
  return /^\d+$/.test(text.trim()) && port >= 1 && port <= 65535 ? { value: port } : { error: 'expected a port number from 1 to 65535' };
};

const parseHealthPath = (text: string): Parsed =>
  /^\/\S*$/.test(text.trim()) ? { value: text.trim() } : { error: 'expected an HTTP path like /health' };

const parseApp = (text: string): Parsed =>
  /^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$/.test(text.trim())
    ? { value: text.trim() }
    : { error: 'expected an import target like mysite.wsgi:application or app:create_app()' };

const parseServer = (text: string): Parsed =>
  (WEB_SERVERS as readonly string[]).includes(text.trim()) ? { value: text.trim() } : { error: `expected one of ${WEB_SERVERS.join(', ')}` };

const parseCommand = (text: string): Parsed => {
  const split = splitShellWords(text);
  if ('error' in split) return { error: `cannot split the command: ${split.error}` };
  return split.words.length > 0 ? { value: split.words } : { error: 'expected a command' };
};

/** `postgres,redis`, `redis`, `none`: the services in pycrane's order. */
export const parseServices = (text: string): Parsed => {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 1 && names[0] === 'none') return { value: [] };
  const bad = names.find((n) => !(SERVICE_KINDS as readonly string[]).includes(n));
  if (bad !== undefined || names.length === 0) return { error: `expected a comma-separated list of ${SERVICE_KINDS.join(', ')}, or none${bad ? ` (not "${bad}")` : ''}` };
  return { value: SERVICE_KINDS.filter((k) => names.includes(k)) };
};

export const servicesText = (kinds: readonly ServiceKind[]): string => (kinds.length === 0 ? 'none' : SERVICE_KINDS.filter((k) => kinds.includes(k)).join(','));

/** The minors the project's constraints allow, among those pycrane considers (highest first). */
export function allowedPythons(facts: ProjectFacts): string[] {
  const unions = facts.python.constraints.map((c) => pep440(c.value) ?? poetryToPep440(c.value)).filter((u) => u !== undefined);
  return facts.python.supported.filter((m) => minorAdmits(m, unions));
}

const PIN_FILES = ['.python-version', 'runtime.txt', '.tool-versions', 'Pipfile'];

function pythonQuestion(facts: ProjectFacts): Question {
  const selected = facts.python.selected;
  const pinned = facts.config.python !== undefined || (selected.source !== undefined && PIN_FILES.includes(selected.source.file));
  const allowed = allowedPythons(facts);
  const choices = (allowed.includes(selected.value) ? allowed : [selected.value, ...allowed]).map((m) => ({ value: m, ...(m === selected.value ? { hint: 'detected' } : {}) }));
  const constraints = facts.python.constraints.map((c) => `"${c.value}"${c.source ? ` ${formatRef(c.source)}` : ''}`).join(' and ');
  return {
    id: 'python',
    message: 'Python version of the images',
    kind: 'select',
    detected: facts.config.python ?? selected.value,
    from: pinned ? where(selected.source) : constraints ? `the newest mature release ${constraints} allow${facts.python.constraints.length > 1 ? '' : 's'}` : 'no constraint: the newest mature release',
    ask: !pinned && allowed.length > 1,
    choices,
    parse: parsePython,
  };
}

/** Why the plan starts what it does, short enough for a prompt. */
const startReason = (plan: Pick<BuildPlan, 'start'>) => (plan.start.fallback ? 'nothing else found to start: no console script, __main__.py or main script' : plan.start.reason);

/** The commands a project could start with (console scripts, `python -m`, a main script), the plan's first. */
function commandCandidates(facts: ProjectFacts, plan: Pick<BuildPlan, 'start' | 'venv'>): Choice[] {
  const current = joinShellWords([...(plan.start.entrypoint ?? []), ...(plan.start.cmd ?? [])]);
  const all: Choice[] = [{ value: current, hint: startReason(plan) }];
  if (facts.isPackage.value) for (const s of facts.scripts) all.push({ value: `${plan.venv}/bin/${s.name}`, hint: `console script "${s.name}"` });
  for (const m of facts.layout.mainModules) all.push({ value: `python -m ${m}`, hint: `${m}/__main__.py` });
  for (const s of facts.layout.mainScripts ?? []) all.push({ value: `python ${s}`, hint: s });
  const seen = new Set<string>();
  const commandOf = (v: string) => ('value' in parseCommand(v) ? JSON.stringify(parseCommand(v)) : v);
  // `/opt/venv/bin/app --help` and `/opt/venv/bin/app` are one candidate: the plan's is kept.
  return all.filter((c) => {
    const key = commandOf(c.value.replace(/ --help$/, ''));
    return !seen.has(key) && Boolean(seen.add(key));
  });
}

function commandQuestion(facts: ProjectFacts, plan: Pick<BuildPlan, 'start' | 'venv'>): Question {
  const choices = commandCandidates(facts, plan);
  const configured = facts.config.command !== undefined;
  const web = facts.web.app !== undefined;
  return {
    id: 'command',
    message: 'Command the app image starts',
    kind: 'select',
    detected: choices[0]?.value,
    from: configured ? where(facts.config.source, 'command') || plan.start.reason : startReason(plan),
    ask: !configured && !web && (plan.start.fallback === true || choices.length > 1),
    choices,
    other: true,
    parse: parseCommand,
  };
}

function webQuestions(facts: ProjectFacts): Question[] {
  const app = facts.web.app;
  const config = facts.config;
  // The warning names the candidates (`2 web applications: a (f:1), b (f:2); pycrane serves a ...`).
  const ambiguity = facts.issues.find((i) => i.code === 'W_WEB_APP_AMBIGUOUS');
  const ambiguous = ambiguity !== undefined;
  const candidates = ambiguity?.message.split(';')[0];
  const servers = app ? WEB_SERVERS.filter((s) => speaks(s, app.interface)) : WEB_SERVERS;
  const detectedServices = facts.web.services.map((s) => s.kind);
  const services = facts.web.services.map((s) => `${s.kind}: ${s.reason.value}${s.reason.source ? ` ${formatRef(s.reason.source)}` : ''}`).join('; ');
  const defaultOr = (ref: SourceRef | undefined, what = '') => where(ref, what) || "pycrane's default";
  return [
    {
      id: 'app',
      message: 'Web application the server loads (module:object)',
      kind: 'text',
      detected: app ? `${app.target.value}${app.factory && !app.target.value.endsWith('()') ? '()' : ''}` : undefined,
      from: app ? `${where(app.target.source, app.framework.value === 'django' ? 'Django' : '') || app.framework.value}${candidates ? `, best ranked of ${candidates}` : ''}` : 'no web application found',
      ask: app !== undefined && config.app === undefined && ambiguous,
      parse: parseApp,
    },
    {
      id: 'server',
      message: 'Server that runs it',
      kind: 'select',
      detected: app?.server.value,
      from: app ? defaultOr(app.server.source, app.serverInstalled ? 'a main dependency' : '') : 'no web application found',
      ask: app !== undefined && config.server === undefined && app.server.source === undefined,
      choices: servers.map((s: WebServerName) => ({ value: s, ...(s === app?.server.value ? { hint: 'detected' } : {}) })),
      parse: parseServer,
    },
    {
      id: 'port',
      message: 'Port it listens on',
      kind: 'text',
      detected: app ? String(app.port.value) : config.port !== undefined ? String(config.port) : undefined,
      from: app ? defaultOr(app.port.source) : 'no web application found',
      ask: app !== undefined && config.port === undefined && app.port.source === undefined,
      parse: parsePort,
    },
    {
      id: 'health-path',
      message: 'HTTP path the health check requests',
      kind: 'text',
      detected: app?.healthPath.value,
      from: app ? defaultOr(app.healthPath.source) : 'no web application found',
      ask: app !== undefined && config.healthPath === undefined && app.healthPath.source === undefined,
      parse: parseHealthPath,
    },
    {
      id: 'services',
      message: 'Services compose runs beside the app',
      kind: 'multiselect',
      detected: servicesText(detectedServices),
      from: services || 'none found in the dependencies or settings',
      ask: (app !== undefined || facts.web.celery !== undefined) && config.services === undefined,
      choices: SERVICE_KINDS.map((k) => ({ value: k, label: k === 'postgres' ? 'PostgreSQL' : 'Redis', ...(detectedServices.includes(k) ? { hint: 'detected' } : {}) })),
      parse: parseServices,
    },
  ];
}

/** Every question, in the order they are asked; `ask` says which a terminal user sees. */
export function initQuestions(facts: ProjectFacts, plan: Pick<BuildPlan, 'start' | 'venv'>): Question[] {
  return [pythonQuestion(facts), commandQuestion(facts, plan), ...webQuestions(facts)];
}
