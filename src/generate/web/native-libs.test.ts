import { describe, expect, it } from 'vitest';
import { poetryFacts } from '../testing/facts.js';
import { extrasOf, installedDependencies, nativeLibsFor } from './native-libs.js';

const dep = (name: string, extras: string[] = [], main = true) => ({ name, extras, main });

describe('nativeLibsFor', () => {
  it('gives plain psycopg libpq5 at run time only', () => {
    expect(nativeLibsFor([dep('psycopg')])).toMatchObject({ build: [], runtime: ['libpq5'], dev: [] });
  });

  it('gives psycopg nothing when its binary wheel comes along (the lock, or the [binary] extra)', () => {
    expect(nativeLibsFor([dep('psycopg'), dep('psycopg-binary')]).runtime).toEqual([]);
    expect(nativeLibsFor([dep('psycopg', ['binary', 'pool'])]).runtime).toEqual([]);
  });

  it('builds psycopg2 in the builder and gives the app the library only; psycopg2-binary needs nothing', () => {
    const libs = nativeLibsFor([dep('psycopg2')]);
    expect(libs).toMatchObject({ build: ['gcc', 'libpq-dev'], runtime: ['libpq5'] });
    expect(libs.reasons[0]).toMatch(/^psycopg2: build gcc libpq-dev, runtime libpq5 \(/);
    expect(nativeLibsFor([dep('psycopg2-binary')])).toMatchObject({ build: [], runtime: [], reasons: [] });
  });

  it('builds mysqlclient against the MariaDB client library', () => {
    expect(nativeLibsFor([dep('mysqlclient')])).toMatchObject({ build: ['default-libmysqlclient-dev', 'gcc', 'pkg-config'], runtime: ['libmariadb3'] });
  });

  it('gives what only a dev group needs to the dev image alone', () => {
    expect(nativeLibsFor([dep('psycopg2', [], false)])).toMatchObject({ build: [], runtime: [], dev: ['gcc', 'libpq-dev', 'libpq5'] });
  });

  it('adds nothing for packages with wheels (lxml, Pillow)', () => {
    expect(nativeLibsFor([dep('lxml'), dep('pillow')]).reasons).toEqual([]);
  });
});

describe('installedDependencies', () => {
  it('reads the lock when there is one', () => {
    const base = poetryFacts();
    const lock = base.lock && { ...base.lock, packages: [{ name: 'psycopg', version: '3.2.9', groups: ['main'], source: undefined }] };
    expect(installedDependencies(poetryFacts({ lock }))).toEqual([{ name: 'psycopg', extras: [], main: true }]);
  });

  it('reads declared dependencies, with the extras of a PEP 508 requirement, without a lock', () => {
    const facts = poetryFacts({
      lock: undefined,
      groups: [{ name: 'main', optional: false, source: undefined, dependencies: [{ name: 'psycopg', constraint: '>=3', optional: false, source: undefined, requirement: 'psycopg[binary]>=3' }] }],
    });
    expect(installedDependencies(facts)).toEqual([{ name: 'psycopg', extras: ['binary'], main: true }]);
    expect(extrasOf('psycopg[ Binary , pool ]>=3')).toEqual(['binary', 'pool']);
    expect(extrasOf(undefined)).toEqual([]);
  });
});
