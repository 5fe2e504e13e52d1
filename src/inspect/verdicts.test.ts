import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { memoryReader } from '../core/reader.js';
import { inspectProject } from './index.js';

interface Case {
  readonly project: string;
  readonly from: string;
  readonly to: string;
  readonly poetry: 'fresh' | 'stale';
}

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const { cases } = JSON.parse(readFileSync(`${fixtures}poetry-verdicts.json`, 'utf8')) as { cases: Case[] };

/** pycrane's verdict on the lock after the edit: fresh, or stale (E_LOCK_STALE). */
async function verdict(c: Case): Promise<string> {
  const dir = `${fixtures}real-locks/${c.project}/`;
  const pyproject = readFileSync(`${dir}pyproject.toml`, 'utf8');
  expect(pyproject).toContain(c.from);
  const files = {
    'pyproject.toml': pyproject.replace(c.from, c.to),
    'poetry.lock': readFileSync(`${dir}poetry.lock`, 'utf8'),
  };
  try {
    const facts = await inspectProject(memoryReader(files));
    return facts.lock?.fresh === true ? 'fresh' : `fresh=${String(facts.lock?.fresh)}`;
  } catch (error) {
    if (error instanceof UserError && error.code === 'E_LOCK_STALE') return 'stale';
    throw error;
  }
}

describe('lock freshness agrees with real Poetry', () => {
  it('has cases of both verdicts for both majors', () => {
    for (const major of ['poetry1-', 'poetry2-']) {
      for (const v of ['fresh', 'stale']) expect(cases.some((c) => c.project.startsWith(major) && c.poetry === v)).toBe(true);
    }
  });

  it.each(cases.map((c) => [`${c.project}: ${c.from.split('\n')[0]} -> ${c.to.split('\n')[0]}`, c] as const))(
    '%s',
    async (_name, c) => {
      expect(await verdict(c)).toBe(c.poetry);
    },
  );
});
