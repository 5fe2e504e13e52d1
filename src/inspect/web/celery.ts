import type { SyntaxNode } from '@lezer/common';
import { type Fact, fact } from '../../core/location.js';
import { settingValue } from './django.js';
import { envReadOf } from './env.js';
import { callArgs, callAt, type PyModule, stringValue } from './python.js';
import type { CeleryFacts } from './types.js';

export interface CeleryCandidate {
  readonly target: Fact<string>;
  readonly mod: PyModule;
  readonly variable: string;
}

type Broker = NonNullable<CeleryFacts['broker']>;

/** `redis+socket://`, `rediss://` -> `redis`; `pyamqp://` -> `amqp`: the scheme up to its first `+`. */
const scheme = (url: string | undefined) => (url === undefined ? undefined : /^([a-z][\w.-]*)(?:\+[\w+.-]*)?:\/\//i.exec(url)?.[1]?.toLowerCase().replace(/^rediss$/, 'redis').replace(/^pyamqp$/, 'amqp'));

/** `app = Celery("proj", ...)` at module level. */
export function celeryCandidates(mod: PyModule): CeleryCandidate[] {
  const out: CeleryCandidate[] = [];
  for (const a of mod.assigns) {
    if (a.fn !== undefined || a.target.includes('.')) continue;
    const call = callAt(mod, a.value);
    if (call?.callee === 'celery.Celery' || call?.callee === 'celery.app.Celery') out.push({ target: fact(`${mod.module}:${a.target}`, { file: mod.file, line: a.line }), mod, variable: a.target });
  }
  return out;
}

/**
 * What a broker expression says: a URL literal (`"redis://redis:6379/0"`), an environment read
 * with its default (`os.environ.get("CELERY_BROKER_URL", "redis://...")`), or a name bound to
 * one of those earlier in the same files (`CELERY_BROKER_URL = REDIS_URL`).
 */
export function brokerOf(node: SyntaxNode | undefined, mods: readonly PyModule[], mod: PyModule, depth = 0): Broker | undefined {
  if (!node || depth > 3) return undefined;
  const literal = stringValue(node, mod.src);
  if (literal !== undefined) return { scheme: scheme(literal), envVar: undefined };
  const read = envReadOf(node, mod);
  if (read) return { scheme: scheme(read.default), envVar: read.name };
  if (node.name === 'VariableName') {
    const bound = settingValue(mods, mod.src.slice(node));
    return bound ? brokerOf(bound.assign.value, mods, bound.mod, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * The broker of a Celery app: `Celery(..., broker=...)`, `app.conf.broker_url = ...`,
 * `app.conf.update(broker_url=...)`, or the settings `config_from_object` loads (Django's
 * `CELERY_BROKER_URL` with `namespace="CELERY"`, a `celeryconfig` module's `broker_url`).
 */
export function celeryBroker(c: CeleryCandidate, djangoSettings: readonly PyModule[], modules: ReadonlyMap<string, PyModule>): Broker | undefined {
  const { mod, variable } = c;
  const own = [mod];
  for (const a of mod.assigns) {
    if (a.fn !== undefined || a.target.includes('.')) continue;
    const call = callAt(mod, a.value);
    if (a.target !== variable || !call) continue;
    const broker = callArgs(call.args, mod.src).keywords.get('broker');
    if (broker) return brokerOf(broker, own, mod);
  }
  const direct = mod.assigns.find((a) => a.target === `${variable}.conf.broker_url` || a.target === `${variable}.conf.BROKER_URL`);
  if (direct) return brokerOf(direct.value, own, mod);
  for (const call of mod.calls) {
    const written = call.written ?? '';
    const { positional, keywords } = callArgs(call.args, mod.src);
    if (written === `${variable}.conf.update`) {
      const broker = keywords.get('broker_url') ?? keywords.get('BROKER_URL');
      if (broker) return brokerOf(broker, own, mod);
    }
    if (written !== `${variable}.config_from_object`) continue;
    const from = stringValue(positional[0], mod.src);
    const namespace = stringValue(keywords.get('namespace'), mod.src);
    const prefix = namespace ? `${namespace}_` : '';
    const settings = from === 'django.conf:settings' ? djangoSettings : from !== undefined ? [modules.get(from)].filter((m): m is PyModule => m !== undefined) : [];
    for (const name of [`${prefix}broker_url`.toUpperCase(), `${prefix}BROKER_URL`, 'broker_url', 'BROKER_URL']) {
      const setting = settingValue(settings, name);
      if (setting) return brokerOf(setting.assign.value, settings, setting.mod);
    }
  }
  return undefined;
}
