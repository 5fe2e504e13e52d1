/**
 * Python distributions that link (or load) a system library, and the Debian packages they
 * need: at build time in the builder only (headers and a compiler, for a build from source)
 * and at run time in the app and dev images (the shared library). Only what is certain:
 * a distribution with manylinux wheels for every CPython pycrane targets (lxml, Pillow,
 * numpy, cryptography, psycopg2-binary, psycopg[binary]) needs nothing, so it has no row;
 * projects that build such a package from source say so in `[tool.pycrane.apt]`.
 *
 * The python images carry the CPython headers (python3-dev is not needed).
 */
import type { ProjectFacts } from '../../inspect/model.js';

export interface NativeLibRow {
  /** PEP 503 name. */
  readonly distribution: string;
  /** The row applies unless one of these is installed too (a binary extra's wheel). */
  readonly unless: readonly string[];
  /** The row applies unless the requirement names one of these extras. */
  readonly unlessExtras: readonly string[];
  readonly build: readonly string[];
  readonly runtime: readonly string[];
  /** Why, for init's summary. */
  readonly why: string;
}

export const NATIVE_LIBS: readonly NativeLibRow[] = [
  {
    distribution: 'psycopg',
    unless: ['psycopg-binary', 'psycopg-c'],
    unlessExtras: ['binary', 'c'],
    build: [],
    runtime: ['libpq5'],
    why: 'psycopg (pure Python) loads libpq.so.5 at import',
  },
  {
    distribution: 'psycopg-c',
    unless: [],
    unlessExtras: [],
    build: ['gcc', 'libpq-dev'],
    runtime: ['libpq5'],
    why: 'psycopg-c is built from source against libpq (pg_config)',
  },
  {
    distribution: 'psycopg2',
    unless: [],
    unlessExtras: [],
    build: ['gcc', 'libpq-dev'],
    runtime: ['libpq5'],
    why: 'psycopg2 is built from source (PyPI has no wheels) and links libpq',
  },
  {
    distribution: 'mysqlclient',
    unless: [],
    unlessExtras: [],
    build: ['gcc', 'pkg-config', 'default-libmysqlclient-dev'],
    runtime: ['libmariadb3'],
    why: 'mysqlclient is built from source (PyPI has no Linux wheels) and links libmariadb',
  },
];

/** A dependency as far as this table cares: its name and the extras asked for. */
export interface InstalledDependency {
  readonly name: string;
  readonly extras: readonly string[];
  /** In the main dependencies (else only a dev group has it). */
  readonly main: boolean;
}

export interface NativeLibs {
  readonly build: readonly string[];
  readonly runtime: readonly string[];
  /** Only dev groups need them: the dev image gets build and runtime packages. */
  readonly dev: readonly string[];
  /** `psycopg2: build gcc libpq-dev, runtime libpq5 (why)`, for init's summary. */
  readonly reasons: readonly string[];
}

const EXTRAS = /^\s*[A-Za-z0-9._-]+\s*\[([^\]]*)\]/;

/** Extras from a PEP 508 requirement as written (`psycopg[binary,pool]>=3`). */
export function extrasOf(requirement: string | undefined): string[] {
  const inner = requirement === undefined ? undefined : EXTRAS.exec(requirement)?.[1];
  return inner === undefined ? [] : inner.split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
}

/**
 * What the project installs: the lock's packages when there is a lock (extras show there as
 * the packages they pull in), else the declared dependencies and requirement files.
 */
export function installedDependencies(facts: ProjectFacts): InstalledDependency[] {
  const lockPackages = facts.lock?.packages ?? [];
  if (lockPackages.length > 0) {
    return lockPackages.map((p) => ({ name: p.name, extras: [], main: p.groups.includes('main') }));
  }
  const declared = facts.groups.flatMap((g) =>
    g.dependencies.map((d) => ({ name: d.name, extras: extrasOf(d.requirement ?? `${d.name}${d.constraint ?? ''}`), main: g.name === 'main' })),
  );
  const requirements = facts.requirements;
  const lines = requirements
    ? [
        ...requirements.main.requirements.map((r) => ({ r, main: true })),
        ...requirements.dev.flatMap((f) => f.requirements.map((r) => ({ r, main: false }))),
      ]
    : [];
  const fromFiles = lines.flatMap(({ r, main }) => (r.name ? [{ name: r.name, extras: r.extras.map((e) => e.toLowerCase()), main }] : []));
  return [...declared, ...fromFiles];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The system packages the project's dependencies need, from NATIVE_LIBS. */
export function nativeLibsFor(dependencies: readonly InstalledDependency[]): NativeLibs {
  const names = new Set(dependencies.map((d) => d.name));
  const build: string[] = [];
  const runtime: string[] = [];
  const dev: string[] = [];
  const reasons: string[] = [];
  for (const row of NATIVE_LIBS) {
    const uses = dependencies.filter((d) => d.name === row.distribution);
    if (uses.length === 0 || row.unless.some((n) => names.has(n))) continue;
    if (uses.every((d) => d.extras.some((e) => row.unlessExtras.includes(e)))) continue;
    const main = uses.some((d) => d.main);
    if (main) {
      build.push(...row.build);
      runtime.push(...row.runtime);
    } else {
      dev.push(...row.build, ...row.runtime);
    }
    const parts = [
      ...(row.build.length > 0 ? [`build ${row.build.join(' ')}`] : []),
      ...(row.runtime.length > 0 ? [`runtime ${row.runtime.join(' ')}`] : []),
    ];
    reasons.push(`${row.distribution}: ${main ? parts.join(', ') : `dev ${[...row.build, ...row.runtime].join(' ')}`} (${row.why})`);
  }
  return { build: sorted(build), runtime: sorted(runtime), dev: sorted(dev), reasons };
}
