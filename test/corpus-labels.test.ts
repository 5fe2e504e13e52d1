/**
 * The hand labels of the real-world corpus (test/corpus-labels.json) and their scorer (scripts/score-corpus.mjs,
 * `npm run score`): the labels are well-formed and cover every Dockerfile of test/corpus/, each fact names rules
 * that exist (unless the fact says its rule is pending), and the scorer runs on the sources and reports every fact.
 * The accuracy targets of issue 9 are measured by `npm run score`, not asserted here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allRules } from '../src/lint/rules/index.js';

const root = path.resolve(import.meta.dirname, '..');
const script = path.join(root, 'scripts', 'score-corpus.mjs');
const labelsFile = path.join(root, 'test', 'corpus-labels.json');

interface Fact {
  readonly summary: string;
  readonly rules: readonly string[];
  readonly pending?: string;
}
interface FileLabels {
  readonly present: Readonly<Record<string, number | null>>;
  readonly skip?: readonly string[];
  readonly notes?: Readonly<Record<string, string>>;
}
interface Labels {
  readonly asOf: string;
  readonly facts: Readonly<Record<string, Fact>>;
  readonly files: Readonly<Record<string, FileLabels>>;
}
interface Row {
  readonly fact: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly skipped: number;
  readonly precision: number | null;
  readonly recall: number | null;
}
interface Miss {
  readonly kind: 'FP' | 'FN';
  readonly file: string;
  readonly fact: string;
  readonly rule: string;
}
interface Score {
  readonly files: number;
  readonly table: readonly Row[];
  readonly micro: { readonly precision: number | null; readonly recall: number | null };
  readonly misses: readonly Miss[];
}

const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Labels;
const dockerfiles = readdirSync(path.join(root, 'test', 'corpus')).filter((f) => f.endsWith('.Dockerfile'));
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pycrane-labels-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('corpus labels', () => {
  it('label every Dockerfile of the corpus, and nothing else', () => {
    expect(Object.keys(labels.files).sort()).toEqual([...dockerfiles].sort());
    expect(dockerfiles.length).toBeGreaterThanOrEqual(80);
  });

  it("pass the scorer's own check", () => {
    const r = run('--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('are rejected when a Dockerfile is unlabelled or a fact is unknown', () => {
    const [first, second] = Object.keys(labels.files);
    const { [first!]: _dropped, ...rest } = labels.files;
    const broken = { ...labels, files: { ...rest, [second!]: { present: { 'no-such-fact': 1 } } } };
    const file = path.join(scratch, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const r = run('--check', '--labels', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${first}: no labels`);
    expect(r.stderr).toContain(`${second}: present names unknown fact no-such-fact`);
  });

  it('name existing Dockerfile rules for every fact whose rule is not pending', () => {
    const byName = new Map(allRules.map((r) => [r.name, r]));
    const byId = new Map(allRules.map((r) => [r.id, r]));
    for (const [name, fact] of Object.entries(labels.facts)) {
      if (fact.pending) continue;
      for (const ref of fact.rules) {
        const rule = byName.get(ref) ?? byId.get(ref);
        expect(rule, `fact ${name} names ${ref}`).toBeDefined();
        expect(rule?.kind, `fact ${name}: ${ref}`).toBe('dockerfile');
      }
    }
  });

  it('give the line of each fact that holds within the file', () => {
    for (const [file, entry] of Object.entries(labels.files)) {
      const lines = readFileSync(path.join(root, 'test', 'corpus', file), 'utf8').split('\n').length;
      for (const [fact, line] of Object.entries(entry.present)) {
        if (line !== null) expect(line, `${file}: ${fact}`).toBeLessThanOrEqual(lines);
      }
    }
  });
});

describe('score-corpus', () => {
  it('scores every fact on every labelled file from the sources', { timeout: 60_000 }, () => {
    const r = run('--from', 'src', '--json');
    expect(r.status, r.stderr).toBe(0);
    const score = JSON.parse(r.stdout) as Score;
    expect(score.files).toBe(dockerfiles.length);
    expect(score.table.map((row) => row.fact)).toEqual(Object.keys(labels.facts));
    for (const row of score.table) {
      expect(row.tp + row.fp + row.fn + row.tn + row.skipped, row.fact).toBe(dockerfiles.length);
      const held = Object.values(labels.files).filter((f) => row.fact in f.present && !(f.skip ?? []).includes(row.fact)).length;
      expect(row.tp + row.fn, row.fact).toBe(held);
    }
    for (const m of score.misses) {
      expect(labels.files[m.file], m.file).toBeDefined();
      expect(m.fact in labels.facts).toBe(true);
    }
    expect(score.misses.filter((m) => m.kind === 'FN').length).toBe(score.table.reduce((n, row) => n + row.fn, 0));
    for (const value of [score.micro.precision, score.micro.recall]) {
      expect(value).not.toBeNull();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
