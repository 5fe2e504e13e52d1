import { fact, type SourceRef } from '../../core/location.js';
import type { MainDependencies } from './deps.js';
import type { DjangoReading } from './django.js';
import type { EnvRead } from './env.js';
import type { PyModule } from './python.js';
import type { CeleryFacts, ServiceKind, ServiceNeed } from './types.js';

const DRIVERS: Readonly<Record<ServiceKind, readonly string[]>> = {
  postgres: ['psycopg', 'psycopg-binary', 'psycopg2', 'psycopg2-binary', 'asyncpg', 'pg8000'],
  redis: ['redis', 'django-redis', 'rq', 'aioredis', 'channels-redis'],
};
/** Variables that hold a service's URL, best first. */
const URL_VARS: Readonly<Record<ServiceKind, RegExp[]>> = {
  postgres: [/^DATABASE_URL$/, /^(?:POSTGRES(?:QL)?|PG)_(?:URL|URI|DSN)$/, /^(?:SQLALCHEMY_)?DATABASE_(?:URL|URI|DSN)$/, /^DB_(?:URL|URI|DSN)$/],
  redis: [/^REDIS_URL$/, /^(?:CELERY_)?BROKER_URL$/, /^REDIS_(?:URI|DSN)$/, /^(?:CACHE|RQ|REDIS_CACHE)_(?:URL|REDIS_URL)$/],
};
const URL_IN_CODE: Readonly<Record<ServiceKind, RegExp>> = {
  postgres: /["']postgres(?:ql)?(?:\+\w+)?:\/\//,
  redis: /["']rediss?:\/\//,
};

export interface ServiceInput {
  readonly deps: MainDependencies;
  readonly django: DjangoReading | undefined;
  readonly celery: CeleryFacts | undefined;
  readonly envReads: readonly EnvRead[];
  readonly modules: readonly PyModule[];
}

function urlVar(kind: ServiceKind, reads: readonly EnvRead[]): string | undefined {
  for (const pattern of URL_VARS[kind]) {
    const hit = reads.find((r) => pattern.test(r.name));
    if (hit) return hit.name;
  }
  return undefined;
}

function urlInCode(kind: ServiceKind, modules: readonly PyModule[]): SourceRef | undefined {
  for (const mod of modules) {
    const lines = mod.src.text.split('\n');
    // Code before the first `#` (dotAll: also past a U+2028, where `#.*$` failed, after rescanning the rest of the line from each `#`).
    const i = lines.findIndex((l) => URL_IN_CODE[kind].test(l.replace(/#.*/s, '')));
    if (i >= 0) return { file: mod.file, line: i + 1 };
  }
  return undefined;
}

/**
 * The services an app needs to start, each with why and the variable its URL is read from:
 * Postgres from a driver among the main dependencies, Django's postgresql engine or a
 * `postgresql://` URL in the code; Redis from redis/django-redis/rq, a Redis Celery broker,
 * Django's Redis cache or a `redis://` URL in the code.
 */
export function detectServices(input: ServiceInput): ServiceNeed[] {
  const out: ServiceNeed[] = [];
  const { deps, django, celery, envReads, modules } = input;
  const driver = (kind: ServiceKind) => DRIVERS[kind].map((n) => deps.get(n)).find((d) => d !== undefined);

  const pgDriver = driver('postgres');
  const engine = django?.database;
  const pgEngine = engine && /postgres|postgis/.test(engine.value) ? engine : undefined;
  const pgUrl = pgDriver || pgEngine ? undefined : urlInCode('postgres', modules);
  const pgReason = pgEngine
    ? fact(`Django's ${pgEngine.value} database`, pgEngine.source)
    : pgDriver
      ? fact(`${pgDriver.name} in the main dependencies`, pgDriver.source)
      : pgUrl
        ? fact('a postgresql:// URL in the code', pgUrl)
        : undefined;
  if (pgReason) out.push({ kind: 'postgres', reason: pgReason, envVar: django?.databaseEnv ?? urlVar('postgres', envReads) });

  const redisDriver = driver('redis');
  const broker = celery?.broker?.scheme === 'redis' ? celery : undefined;
  const cache = django?.redisCache;
  const redisUrl = redisDriver || broker || cache ? undefined : urlInCode('redis', modules);
  const redisReason = broker
    ? fact('the Celery broker is Redis', broker.target.source)
    : redisDriver
      ? fact(`${redisDriver.name} in the main dependencies`, redisDriver.source)
      : cache
        ? fact("Django's CACHES use Redis", cache)
        : redisUrl
          ? fact('a redis:// URL in the code', redisUrl)
          : undefined;
  if (redisReason) {
    const envVar = envReads.some((r) => r.name === 'REDIS_URL') ? 'REDIS_URL' : (broker?.broker?.envVar ?? urlVar('redis', envReads));
    out.push({ kind: 'redis', reason: redisReason, envVar });
  }
  return out;
}
