/**
 * The compose services a web application needs beside it (Postgres, Redis): image, health
 * check, data volume, and the URL the application reads to reach it. Credentials are never
 * written here: compose interpolates them from `.env` (see env-example.ts), and a missing
 * password stops `docker compose` with a message saying where to set it.
 */
import type { ServiceKind } from '../../inspect/web/types.js';

/** A variable of `.env.example`: its placeholder, and why it is there. */
export interface EnvVariable {
  readonly name: string;
  /** The placeholder written; undefined: written commented out (the user must choose a value). */
  readonly value: string | undefined;
  readonly comment: string;
}

export interface ServicePlan {
  readonly kind: ServiceKind;
  /** The compose service name (`db`, `cache`). */
  readonly name: string;
  readonly image: string;
  /** The variables the application reads to reach it (`DATABASE_URL`), each with its compose value. */
  readonly urls: readonly (readonly [string, string])[];
  /** The variables `.env.example` gets for it. */
  readonly env: readonly EnvVariable[];
  /** The compose service, as an object (serialised by compose.ts). */
  readonly compose: Record<string, unknown>;
  /** Named volumes it keeps its data in. */
  readonly volumes: readonly string[];
}

const PASSWORD_MISSING = 'set POSTGRES_PASSWORD in .env (cp .env.example .env)';

/** The URL variables the application reads when detection found none: the names most code uses. */
export const DEFAULT_URL_VARS: Readonly<Record<ServiceKind, string>> = { postgres: 'DATABASE_URL', redis: 'REDIS_URL' };

/**
 * Settings that read the connection field by field (`os.environ.get("POSTGRES_HOST")`, `DB_PORT`,
 * `REDIS_HOST`) instead of one URL: each field's compose value, by the variable's name. The
 * names are the common spellings (POSTGRES_/PG/DB_/DATABASE_/SQL_ prefixes); another name is
 * left alone (and listed in .env.example for the user to set).
 */
const FIELDS: Readonly<Record<ServiceKind, readonly (readonly [RegExp, string])[]>> = {
  postgres: [
    [/^(POSTGRES|PG|DB|DATABASE|SQL|PSQL)_?HOST(NAME)?$/, 'db'],
    [/^(POSTGRES|PG|DB|DATABASE|SQL|PSQL)_?PORT$/, '5432'],
    [/^(POSTGRES_DB|PGDATABASE|POSTGRES_NAME|POSTGRES_DATABASE|DB_NAME|DB_DATABASE|DATABASE_NAME|SQL_DATABASE|SQL_NAME)$/, '${POSTGRES_DB:-app}'],
    [/^(POSTGRES|PG|DB|DATABASE|SQL|PSQL)_?USER(NAME)?$/, '${POSTGRES_USER:-app}'],
    [/^(POSTGRES|PG|DB|DATABASE|SQL|PSQL)_?(PASSWORD|PASS|PWD)$/, `\${POSTGRES_PASSWORD:?${PASSWORD_MISSING}}`],
  ],
  redis: [
    [/^(REDIS|CACHE)_?HOST(NAME)?$/, 'cache'],
    [/^(REDIS|CACHE)_?PORT$/, '6379'],
  ],
};

/** The connection fields among the variables the code reads, with their compose values. */
export function connectionFields(kind: ServiceKind, reads: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const name of reads) {
    const field = FIELDS[kind].find(([pattern]) => pattern.test(name));
    if (field && !out.some(([n]) => n === name)) out.push([name, field[1]]);
  }
  return out;
}

export function postgresService(urlVars: readonly string[], reads: readonly string[] = []): ServicePlan {
  const url = `postgres://\${POSTGRES_USER:-app}:\${POSTGRES_PASSWORD:?${PASSWORD_MISSING}}@db:5432/\${POSTGRES_DB:-app}`;
  return {
    kind: 'postgres',
    name: 'db',
    image: 'postgres:17',
    urls: [...urlVars.map((v) => [v, url] as const), ...connectionFields('postgres', reads)],
    env: [
      { name: 'POSTGRES_USER', value: 'app', comment: 'Postgres (the db service) creates this user and database on its first start' },
      { name: 'POSTGRES_PASSWORD', value: 'change-me', comment: 'required: docker compose stops with a message while it is unset' },
      { name: 'POSTGRES_DB', value: 'app', comment: '' },
    ],
    compose: {
      image: 'postgres:17',
      environment: {
        POSTGRES_USER: '${POSTGRES_USER:-app}',
        POSTGRES_PASSWORD: `\${POSTGRES_PASSWORD:?${PASSWORD_MISSING}}`,
        POSTGRES_DB: '${POSTGRES_DB:-app}',
      },
      volumes: [{ type: 'volume', source: 'pgdata', target: '/var/lib/postgresql/data' }],
      healthcheck: {
        // -h 127.0.0.1: without it pg_isready also answers for the socket-only server of the first start's initdb.
        test: ['CMD-SHELL', 'pg_isready -h 127.0.0.1 -U "$${POSTGRES_USER}" -d "$${POSTGRES_DB}"'],
        interval: '5s',
        timeout: '5s',
        retries: 10,
        start_period: '30s',
      },
    },
    volumes: ['pgdata'],
  };
}

export function redisService(urlVars: readonly string[], reads: readonly string[] = []): ServicePlan {
  const url = 'redis://cache:6379/0';
  return {
    kind: 'redis',
    name: 'cache',
    image: 'redis:8',
    urls: [...urlVars.map((v) => [v, url] as const), ...connectionFields('redis', reads)],
    env: [],
    compose: {
      image: 'redis:8',
      volumes: [{ type: 'volume', source: 'redisdata', target: '/data' }],
      healthcheck: { test: ['CMD', 'redis-cli', 'ping'], interval: '5s', timeout: '5s', retries: 10 },
    },
    volumes: ['redisdata'],
  };
}

/** `reads`: the variables the code reads, for settings that take the connection field by field. */
export function servicePlan(kind: ServiceKind, urlVars: readonly string[], reads: readonly string[] = []): ServicePlan {
  return kind === 'postgres' ? postgresService(urlVars, reads) : redisService(urlVars, reads);
}
