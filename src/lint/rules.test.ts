import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderRuleDoc, renderRuleIndex } from './docs.js';
import { allRules } from './rules/index.js';
import { lintExample } from './testing/rule-tester.js';
import { CATEGORY_DIGIT } from './types.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rulesDir = path.join(here, 'rules');
const docsDir = path.join(here, '../../docs/rules');
const update = process.env.PYCRANE_UPDATE_DOCS === '1';

describe('rule registry', () => {
  it('ids are unique, well-formed and in their family', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) {
      expect(r.id).toMatch(/^PC[1-8]\d{2}$/);
      expect(Number(r.id[2]), `${r.id} is in the ${r.category} family`).toBe(CATEGORY_DIGIT[r.category]);
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(new Set(allRules.map((r) => r.name)).size).toBe(allRules.length);
  });

  it('every rule file is registered, under its own name, with a test', () => {
    const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts');
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(allRules.map((r) => r.name).sort());
    for (const r of allRules) expect(existsSync(path.join(rulesDir, `${r.name}.test.ts`)), `${r.name}.test.ts`).toBe(true);
  });

  it('every rule has docs with a summary, why, and examples', () => {
    for (const r of allRules) {
      expect(r.docs.summary.length, r.name).toBeGreaterThan(10);
      expect(r.docs.why.length, r.name).toBeGreaterThan(40);
      expect(Object.keys(r.messages).length, r.name).toBeGreaterThan(0);
    }
  });

  it('docs/rules/<name>.md is generated from the rule (PYCRANE_UPDATE_DOCS=1 rewrites it)', () => {
    if (update) mkdirSync(docsDir, { recursive: true });
    const expected = new Map(allRules.map((r) => [`${r.name}.md`, renderRuleDoc(r)]));
    expected.set('README.md', renderRuleIndex(allRules));
    for (const [file, text] of expected) {
      const p = path.join(docsDir, file);
      if (update) writeFileSync(p, text);
      expect(existsSync(p), `${p} exists`).toBe(true);
      expect(readFileSync(p, 'utf8'), `${file} is up to date`).toBe(text);
    }
    const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md'));
    expect(pages.sort(), 'no page without a rule').toEqual([...expected.keys()].sort());
  });
});

describe('docs examples', () => {
  for (const r of allRules) {
    it(`${r.id} ${r.name}: the bad example triggers it, the good one does not`, () => {
      expect(lintExample(r, r.docs.bad).length, 'bad example findings').toBeGreaterThan(0);
      expect(lintExample(r, r.docs.good).map((d) => d.message)).toEqual([]);
    });
  }
});
