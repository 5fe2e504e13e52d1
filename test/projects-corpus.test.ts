/**
 * `pycrane init` on real projects of every kind, then `pycrane check` on what it wrote: the
 * real files the parsers are tested on (src/inspect/__fixtures__, each with its provenance)
 * read as projects, plus the examples. What init writes must lint with no error and no
 * warning but the project's own: no lock (PC107) and an end-of-life Python (PC604).
 * Python-2-only projects must be refused with one line. Stale locks are read as `check`
 * reads them (a warning), so the setup is still written and linted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { memoryReader } from '../src/core/reader.js';
import { generateSetup } from '../src/generate/index.js';
import { inspectProject } from '../src/inspect/index.js';
import { atOrAbove } from '../src/lint/config.js';
import { lint } from '../src/lint/engine.js';

const root = path.join(import.meta.dirname, '..');
const fixtures = path.join(root, 'src', 'inspect', '__fixtures__');
const PROJECT_OWN = new Set(['PC107', 'PC604']);

/** Every file below `dir` as a memory tree (fixture folders are small). */
function tree(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(full).isDirectory()) Object.assign(out, tree(full, rel));
    else if (name !== 'README.md') out[rel] = readFileSync(full, 'utf8');
  }
  return out;
}

interface Case {
  readonly name: string;
  readonly files: Record<string, string>;
}

const folders = (group: string): Case[] =>
  readdirSync(path.join(fixtures, group))
    .filter((d) => statSync(path.join(fixtures, group, d)).isDirectory())
    .map((d) => ({ name: `${group}/${d}`, files: tree(path.join(fixtures, group, d)) }));

/** Single-file fixtures become a project holding that file under its real name. */
const singles = (group: string, as: string): Case[] =>
  readdirSync(path.join(fixtures, group))
    .filter((f) => f.endsWith(`.${as}`))
    .map((f) => ({ name: `${group}/${f}`, files: { [as]: readFileSync(path.join(fixtures, group, f), 'utf8') } }));

const examples = readdirSync(path.join(root, 'examples')).map((d) => ({ name: `examples/${d}`, files: tree(path.join(root, 'examples', d)) }));

/** Requirement files kept for the parser's sake, not whole projects (their files sit in subfolders of a bigger repository). */
const NOT_PROJECTS = new Set(['requirements/bare-paths-urls', 'requirements/constraints', 'requirements/hand-written-includes', 'requirements/pdm-export', 'requirements/uv-export', 'requirements/uv-pip-compile']);

const cases: Case[] = [
  ...folders('real-locks'),
  ...folders('uv-locks'),
  ...folders('pdm-locks'),
  ...folders('pipfile'),
  ...folders('requirements'),
  ...singles('setup-py', 'setup.py'),
  ...singles('setup-cfg', 'setup.cfg'),
  ...examples,
].filter((c) => !NOT_PROJECTS.has(c.name));

/** What a real user's run ends with: a setup and its findings, or one line refusing it. */
async function initThenCheck(files: Record<string, string>): Promise<{ refused?: string; findings: string[] }> {
  let facts;
  try {
    facts = await inspectProject(memoryReader(files), { staleLock: 'warn' });
  } catch (error) {
    if (error instanceof UserError) return { refused: `${error.code}: ${error.describe()}`, findings: [] };
    throw error;
  }
  const { files: written } = generateSetup(facts, { directoryName: 'project' });
  const get = (p: string) => {
    const f = written.find((w) => w.path === p);
    return f ? { path: p, text: f.contents } : undefined;
  };
  const result = lint({
    dockerfile: get('Dockerfile'),
    compose: get('compose.yaml'),
    devcontainer: get('.devcontainer/devcontainer.json'),
    dockerignore: get('.dockerignore') ?? null,
    facts,
  });
  return {
    findings: result.diagnostics
      .filter((d) => atOrAbove(d.severity, 'warning') && !PROJECT_OWN.has(d.ruleId))
      .map((d) => `${d.file}:${d.range.start.line + 1} ${d.ruleId} ${d.message}`),
  };
}

/** Fixtures that are Python 2 only: init refuses them with one line. */
const PYTHON2 = new Set(['setup-py/croniter-0.1.1.setup.py', 'setup-py/beautifulsoup-3.1.setup.py', 'setup-py/vault-truncated.setup.py']);

describe('init then check on real projects of every kind', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const result = await initThenCheck(c.files);
    if (PYTHON2.has(name)) {
      expect(result.refused).toMatch(/^E_PYTHON2: /);
      expect(result.refused?.split('\n')).toHaveLength(1);
      return;
    }
    expect(result.refused).toBeUndefined();
    expect(result.findings).toEqual([]);
  });
});
