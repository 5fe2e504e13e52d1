import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import sarifSchema from '../../schemas/sarif-2.1.0.json' with { type: 'json' };
import { lint } from '../engine.js';
import { allRules } from '../rules/index.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

const text = 'FROM python:latest AS app\nRUN pip install flask\nUSER app\nFROM app AS dev\n';
const ds = lint({ dockerfile: { path: 'docker/Dockerfile', text } }).diagnostics;
const sources = new Map([['docker/Dockerfile', text]]);

describe('reporters', () => {
  it('has something to report', () => expect(ds.length).toBeGreaterThan(2));

  it('sarif: valid against the OASIS SARIF 2.1.0 schema (draft-07)', () => {
    // The schema is draft-07, Ajv's default dialect (not Ajv2019/2020).
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(sarifSchema);
    const log = JSON.parse(formatSarif(ds, allRules, { version: '1.2.3' })) as { runs: { results: { ruleIndex: number; ruleId: string }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run?.results.length).toBe(ds.length);
    for (const r of run?.results ?? []) expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    // An empty run is valid too.
    expect(validate(JSON.parse(formatSarif([], allRules, { version: '1.2.3' })))).toBe(true);
    // And the validator does reject a broken log.
    expect(validate({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
  });

  it('stylish: file:line:col severity message id name, a code frame, totals; no colour unless asked', () => {
    const out = formatStylish(ds, { sources, color: false, version: '0' });
    expect(out).toContain('docker/Dockerfile:1:13 warning base image "python:latest" uses the latest tag; pin a version (e.g. python:3.12-slim). PC601 image-tag-unpinned\n  1 | FROM python:latest AS app\n    |             ^^^^^^\n');
    expect(out).toMatch(/\n\d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)\n$/);
    expect(out.includes(String.fromCharCode(27))).toBe(false);
    expect(formatStylish(ds, { sources, color: true, version: '0' }).includes(String.fromCharCode(27))).toBe(true);
    expect(formatStylish([], { sources, color: false, version: '0' })).toBe('');
  });

  it('json: one document with 1-based positions and totals', () => {
    const doc = JSON.parse(formatJson(ds)) as { diagnostics: { ruleId: string; line: number; column: number; endColumn: number }[]; summary: Record<string, number> };
    expect(doc.diagnostics.find((d) => d.ruleId === 'PC601')).toMatchObject({ line: 1, column: 13, endColumn: 19 });
    expect(doc.summary.warning).toBeGreaterThan(0);
  });

  it('github: workflow commands with escaped properties and data', () => {
    const out = formatGithub([{ ...ds[0]!, file: 'a,b:c.txt', message: 'line1\nline2 100%' }]);
    expect(out).toMatch(/^::(error|warning|notice) file=a%2Cb%3Ac\.txt,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=PC\d{3} [a-z-]+::line1%0Aline2 100%25\n$/);
    expect(formatGithub(ds).split('\n').filter(Boolean).length).toBe(ds.length);
  });
});
