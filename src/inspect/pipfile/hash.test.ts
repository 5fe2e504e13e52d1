import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pipenvHashesCanonicalNames, pipfileHash } from './hash.js';

const fixtures = fileURLToPath(new URL('../__fixtures__/pipfile/', import.meta.url));
const projects = readdirSync(fixtures).filter((name) => !name.endsWith('.md'));
const read = (project: string, file: string) => readFileSync(`${fixtures}${project}/${file}`, 'utf8');
const lockMeta = (project: string) =>
  (JSON.parse(read(project, 'Pipfile.lock')) as { _meta: { hash: { sha256: string }; sources: Record<string, unknown>[] } })._meta;
/** The folder names the pipenv that wrote the lock: 2026.8.0 hashes names PEP 503-normalised. */
const namesOf = (project: string) => (project.startsWith('pipenv2026-') ? 'canonical' : 'as-written');
const fresh = projects.filter((p) => !p.endsWith('-stale'));

describe('pipfileHash', () => {
  it('has real locks of the three pipenv versions to check against', () => {
    expect(fresh.filter((p) => p.startsWith('pipenv2022-'))).toHaveLength(3);
    expect(fresh.filter((p) => p.startsWith('pipenv2024-'))).toHaveLength(4);
    expect(fresh.filter((p) => p.startsWith('pipenv2026-'))).toHaveLength(2);
    expect(projects.filter((p) => p.endsWith('-stale'))).toEqual(['pipenv2026-stale']);
  });

  it.each(fresh)('reproduces the _meta.hash pipenv wrote for %s', (project) => {
    const meta = lockMeta(project);
    // A Pipfile without [[source]] is hashed with the index pipenv found: the lock recorded it.
    const hash = pipfileHash(read(project, 'Pipfile'), { names: namesOf(project), defaultSources: meta.sources });
    expect(hash).toBe(meta.hash.sha256);
  });

  it('differs for the Pipfile edited after locking, and equals what pipenv 2026.8.0 expected', () => {
    const text = read('pipenv2026-stale', 'Pipfile');
    expect(pipfileHash(text)).not.toBe(lockMeta('pipenv2026-stale').hash.sha256);
    expect(lockMeta('pipenv2026-stale').hash.sha256).toBe('4b24f520c46cc04135331b4c4db01317422ad399277c5a36be7f0f4ebb0d031a');
    // `pipenv install --deploy`: "Your Pipfile.lock (4b24f5...) is out of date. Expected: (4de2aa...)."
    expect(pipfileHash(text)).toBe('4de2aa6a13d381916f11d111f937f4f5ac193c796e9daea8726a7844d1e793a8');
  });

  it('hashes names as written before pipenv 2026.4 and normalised since: the fixtures with Flask, Click, Typing_Extensions', () => {
    for (const project of ['pipenv2022-web', 'pipenv2024-full', 'pipenv2026-names']) {
      const text = read(project, 'Pipfile');
      const other = namesOf(project) === 'canonical' ? 'as-written' : 'canonical';
      expect(pipfileHash(text, { names: other })).not.toBe(lockMeta(project).hash.sha256);
    }
    const text = read('pipenv2024-full', 'Pipfile');
    expect(pipfileHash(text, { pipenvVersion: '2024.0.1' })).toBe(lockMeta('pipenv2024-full').hash.sha256);
    expect(pipfileHash(text, { pipenvVersion: '2026.8.0' })).toBe(pipfileHash(text, { names: 'canonical' }));
    expect(pipfileHash(text)).toBe(pipfileHash(text, { names: 'canonical' }));
  });

  it('hashes PyPI for a Pipfile without [[source]] unless told which index pipenv found', () => {
    const text = read('pipenv2022-nosource', 'Pipfile');
    expect(pipfileHash(text)).toBe(lockMeta('pipenv2022-nosource').hash.sha256);
    const trixie = read('pipenv2024-nosource', 'Pipfile');
    expect(pipfileHash(trixie, { names: 'as-written' })).not.toBe(lockMeta('pipenv2024-nosource').hash.sha256);
  });

  const base = '[[source]]\nname = "lab"\nurl = "http://127.0.0.1:3141/trixie/simple/"\nverify_ssl = false\n\n[packages]\nflask = "*"\n';

  it('ignores [scripts], [pipenv] and [pipfile]; hashes [requires], custom categories and every source field', () => {
    const hash = pipfileHash(base);
    expect(pipfileHash(`${base}\n[scripts]\nserve = "flask run"\n\n[pipenv]\nallow_prereleases = true\n\n[pipfile]\nx = 1\n`)).toBe(hash);
    expect(pipfileHash(`${base}\n[requires]\npython_version = "3.13"\n`)).not.toBe(hash);
    expect(pipfileHash(`${base}\n[docs]\nsphinx = "*"\n`)).not.toBe(hash);
    expect(pipfileHash(base.replace('verify_ssl = false', 'verify_ssl = true'))).not.toBe(hash);
    expect(pipfileHash(`${base}\n[dev-packages]\n`)).toBe(hash);
    // Key order and formatting do not matter: json.dumps sorts keys.
    expect(pipfileHash(base.replace('[packages]\nflask = "*"', '[packages.flask]\nversion = "*"'))).not.toBe(hash);
    expect(pipfileHash(base.replace('name = "lab"\nurl = "http://127.0.0.1:3141/trixie/simple/"', 'url = "http://127.0.0.1:3141/trixie/simple/"\nname = "lab"'))).toBe(hash);
  });

  it('serialises like json.dumps: ints apart from floats, ensure_ascii, names per pipenv version', () => {
    // Digests from real pipenv (lab images, PIP_CONFIG_FILE=/dev/null so the default source is PyPI):
    // 2024.0.1 `Project().calculate_pipfile_hash()` and 2026.8.0 `Project().pipfile.calculate_hash()`.
    const text = '[packages]\nA_b = "*"\n\n[requires]\npython_version = "3.13"\nn = 1\nf = 1.0\nu = "\u00e9\\u20ac"\n';
    expect(pipfileHash(text, { pipenvVersion: '2024.0.1' })).toBe('d1410bd65e4d856fb5ef20a3e761e688fdf87d19795c1d4fa58a3bf71c2b8c0f');
    expect(pipfileHash(text, { pipenvVersion: '2026.8.0' })).toBe('646a68b2d64d163b3e14b83f0d31615d2e7cde8c1357ee5e0356f2003c0afc9a');
    expect(pipfileHash(text.replace('f = 1.0', 'f = 1'))).not.toBe(pipfileHash(text));
  });

  it('is undefined where pipenv cannot hash either: malformed TOML, dates, a non-table category with canonical names', () => {
    expect(pipfileHash('[packages\n')).toBeUndefined();
    expect(pipfileHash('[packages]\na = {version = "*", when = 2024-01-01}\n')).toBeUndefined();
    expect(pipfileHash('extra = "x"\n[packages]\n')).toBeUndefined();
    expect(pipfileHash('extra = "x"\n[packages]\n', { names: 'as-written' })).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('pipenvHashesCanonicalNames', () => {
  it('is true from 2026.4.0 on', () => {
    expect(pipenvHashesCanonicalNames('2022.12.19')).toBe(false);
    expect(pipenvHashesCanonicalNames('2024.0.1')).toBe(false);
    expect(pipenvHashesCanonicalNames('2026.2.2')).toBe(false);
    expect(pipenvHashesCanonicalNames('2026.4.0')).toBe(true);
    expect(pipenvHashesCanonicalNames('v2026.8.0')).toBe(true);
    expect(pipenvHashesCanonicalNames('2027.1')).toBe(true);
    expect(pipenvHashesCanonicalNames('latest')).toBeUndefined();
  });
});
