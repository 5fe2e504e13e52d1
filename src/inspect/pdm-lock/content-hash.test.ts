import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { pdmContentHash, pdmLockFreshness } from './content-hash.js';
import { parsePdmLock } from './parse.js';

const fixtures = fileURLToPath(new URL('../__fixtures__/pdm-locks/', import.meta.url));
const projects = readdirSync(fixtures).filter((name) => !name.endsWith('.md'));
const pyprojectOf = (project: string) => parse(readFileSync(`${fixtures}${project}/pyproject.toml`, 'utf8'), { integersAsBigInt: true });
const lockOf = (project: string) => parsePdmLock(readFileSync(`${fixtures}${project}/pdm.lock`, 'utf8'));
const toml = (text: string) => parse(text, { integersAsBigInt: true });

describe('pdmContentHash', () => {
  it('has real locks of PDM 2.2.1, 2.20.1 and 2.29.3, two of them made stale', () => {
    expect(projects.filter((p) => p.startsWith('pdm2.2-'))).toHaveLength(2);
    expect(projects.filter((p) => p.startsWith('pdm2.20-'))).toHaveLength(2);
    expect(projects.filter((p) => p.startsWith('pdm2.29-'))).toHaveLength(3);
    expect(projects.filter((p) => p.endsWith('-stale'))).toEqual(['pdm2.2-stale', 'pdm2.29-stale']);
  });

  it.each(projects.filter((p) => !p.endsWith('-stale')))('reproduces the content_hash PDM wrote for %s', (project) => {
    const lock = lockOf(project);
    expect(lock.lock.contentHash?.value).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(pdmContentHash(pyprojectOf(project), lock.lockVersion)).toBe(lock.lock.contentHash?.value);
    expect(pdmLockFreshness(lock, pyprojectOf(project))).toEqual({ fresh: true, reason: undefined });
  });

  it.each(['pdm2.2-stale', 'pdm2.29-stale'])('tells that %s was edited after locking', (project) => {
    const lock = lockOf(project);
    expect(pdmContentHash(pyprojectOf(project), lock.lockVersion)).not.toBe(lock.lock.contentHash?.value);
    expect(pdmLockFreshness(lock, pyprojectOf(project))).toEqual({
      fresh: false,
      reason: 'pyproject.toml changed since pdm.lock was written (content_hash differs)',
    });
  });

  it('hashes each lock version as the newest PDM writing it does', () => {
    const doc = toml(
      '[project]\ndependencies = ["a"]\n[dependency-groups]\nTest_Group = ["pytest"]\n[tool.pdm.resolution]\nrespect-source-order = true\n[tool.pdm.resolution.overrides]\nx = "1"\n',
    );
    const hashes = ['4.0', '4.3', '4.4.1', '4.4.2', '4.5.0', '4.5.1', undefined].map((v) => pdmContentHash(doc, v));
    // 4.0 hashes [tool.pdm.overrides] (absent); 4.3 and 4.4.1 the resolution overrides; 4.4.2 all of resolution; 4.5 adds [dependency-groups].
    expect(new Set(hashes).size).toBe(4);
    expect(hashes[1]).toBe(hashes[2]);
    expect(hashes[4]).toBe(hashes[5]);
    expect(hashes[5]).toBe(hashes[6]);
    // Without [dependency-groups], 4.5 hashes like 4.4.2.
    const plain = toml('[project]\ndependencies = ["a"]\n[tool.pdm.resolution]\nrespect-source-order = true\n');
    expect(pdmContentHash(plain, '4.5.1')).toBe(pdmContentHash(plain, '4.4.2'));
  });

  it('ignores what PDM does not hash and sees what it does', () => {
    const base = toml('[project]\nname = "a"\ndependencies = ["click"]\n');
    expect(pdmContentHash(toml('[project]\nname = "b"\nversion = "2"\ndependencies = ["click"]\n'), '4.5.1')).toBe(pdmContentHash(base, '4.5.1'));
    expect(pdmContentHash(toml('[project]\nname = "a"\ndependencies = ["click>=8"]\n'), '4.5.1')).not.toBe(pdmContentHash(base, '4.5.1'));
  });

  it('returns undefined where PDM would hash something else', () => {
    expect(pdmContentHash(toml('[project]\ndependencies = []\n'), '5.0')).toBeUndefined();
    expect(pdmContentHash(toml('[tool.poetry]\nname = "a"\n'), '4.5.1')).toBeUndefined();
    expect(pdmContentHash(toml('[project]\n[tool.pdm.workspace]\nmembers = ["packages/*"]\n'), '4.5.1')).toBeUndefined();
    expect(pdmContentHash(toml('[project]\n[dependency-groups]\nA_b = []\na-B = []\n'), '4.5.1')).toBeUndefined();
    expect(pdmContentHash(toml('[project]\n[tool.pdm.dev-dependencies]\ntest = { pytest = "*" }\n'), '4.5.1')).toBeUndefined();
    expect(pdmContentHash(toml('[project]\n[tool.pdm.resolution]\nexclude-newer = 2024-01-01\n'), '4.5.1')).toBeUndefined();
  });

  it('cannot judge a lock that records lock_inputs or no hash', () => {
    const inputs = parsePdmLock('[metadata]\nlock_version = "4.5.1"\n[metadata.lock_inputs]\ngroups = {}\n');
    expect(pdmLockFreshness(inputs, toml('[project]\n'))).toEqual({ fresh: undefined, reason: 'pdm.lock records lock_inputs instead of a content hash' });
    expect(pdmLockFreshness(parsePdmLock('[metadata]\nlock_version = "4.5.1"\n'), toml('[project]\n')).fresh).toBeUndefined();
  });
});
