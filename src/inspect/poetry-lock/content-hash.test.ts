import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { poetryContentHash } from './content-hash.js';

const fixtures = fileURLToPath(new URL('../__fixtures__/real-locks/', import.meta.url));
const projects = readdirSync(fixtures).filter((name) => !name.endsWith('.md'));

describe('poetryContentHash', () => {
  it('has real locks of both Poetry majors to check against', () => {
    expect(projects.filter((p) => p.startsWith('poetry1-')).length).toBeGreaterThanOrEqual(2);
    expect(projects.filter((p) => p.startsWith('poetry2-')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(projects)('reproduces the content-hash Poetry wrote for %s', (project) => {
    const pyproject = parse(readFileSync(`${fixtures}${project}/pyproject.toml`, 'utf8'), { integersAsBigInt: true });
    const lockText = readFileSync(`${fixtures}${project}/poetry.lock`, 'utf8');
    const expected = /^content-hash = "([0-9a-f]{64})"$/m.exec(lockText)?.[1];
    expect(expected).toBeDefined();
    // The folder says which Poetry wrote the lock: Poetry 1 ignores [project].
    const poetryMajor = project.startsWith('poetry1-') ? 1 : 2;
    expect(poetryContentHash(pyproject, { poetryMajor })).toBe(expected);
  });

  it('changes when a dependency changes and ignores metadata that Poetry does not hash', () => {
    const base = parse('[tool.poetry]\nname = "a"\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^2.2"\n', {
      integersAsBigInt: true,
    });
    const renamed = parse('[tool.poetry]\nname = "b"\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^2.2"\n', {
      integersAsBigInt: true,
    });
    const bumped = parse('[tool.poetry]\nname = "a"\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^2.3"\n', {
      integersAsBigInt: true,
    });
    expect(poetryContentHash(base)).toBe(poetryContentHash(renamed));
    expect(poetryContentHash(base)).not.toBe(poetryContentHash(bumped));
  });

  it('hashes [project] only for Poetry 2', () => {
    const text = '[project]\nname = "a"\ndependencies = ["click"]\n\n[tool.poetry.dependencies]\npython = "^3.11"\n';
    const doc = parse(text, { integersAsBigInt: true });
    const tomlOnly = parse('[tool.poetry.dependencies]\npython = "^3.11"\n', { integersAsBigInt: true });
    expect(poetryContentHash(doc, { poetryMajor: 1 })).toBe(poetryContentHash(tomlOnly));
    expect(poetryContentHash(doc)).not.toBe(poetryContentHash(tomlOnly));
  });

  it('cannot hash TOML dates (Python json cannot either)', () => {
    const withDate = parse('[tool.poetry.extras]\nwhen = [1979-05-27]\n', { integersAsBigInt: true });
    expect(poetryContentHash(withDate)).toBeUndefined();
  });
});
