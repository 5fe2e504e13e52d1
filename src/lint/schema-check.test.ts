import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJsoncFile, parseYamlFile } from './files.js';
import { schemaProblems } from './schema-check.js';

describe('schemas/validators.cjs', () => {
  it('is what scripts/gen-validators.mjs generates from src/schemas/ (run it after changing a schema)', async () => {
    const gen = (await import('../../scripts/gen-validators.mjs' as string)) as { generateValidators(): string; OUTPUT: string };
    expect(readFileSync(gen.OUTPUT, 'utf8') === gen.generateValidators(), 'schemas/validators.cjs is up to date').toBe(true);
  }, 60_000);
});

describe('schemaProblems', () => {
  it('reports at the offending node and merges alternatives at one node', () => {
    const file = parseYamlFile({ path: 'compose.yaml', text: 'services:\n  web:\n    image: x\n    ports: 8000\n' });
    const ps = schemaProblems(file, 'compose');
    expect(ps.map((p) => [p.range.start.line, p.range.start.character, p.message])).toEqual([[3, 11, 'services.web.ports must be array']]);
  });
  it('skips values that compose interpolates', () => {
    const file = parseYamlFile({ path: 'compose.yaml', text: 'services:\n  web:\n    image: x\n    scale: ${N}\n' });
    expect(schemaProblems(file, 'compose')).toEqual([]);
  });
  it('returns nothing for a file that does not parse', () => {
    expect(schemaProblems(parseJsoncFile({ path: 'd.json', text: '{ "a": ' }), 'devcontainerImage')).toEqual([]);
  });
});
