/**
 * The seed's own Dockerfile and compose file (extracted verbatim from
 * ../shared/seed/python-docker-devcontainers.md into test/fixtures/seed/) must produce the findings its
 * defects deserve. The full report is a reviewed golden file: PYCRANE_UPDATE_GOLDEN=1 rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/lint/engine.js';
import { formatStylish } from '../src/lint/reporters/stylish.js';
import { makeFacts } from '../src/lint/testing/facts.js';

const dir = path.join(import.meta.dirname, 'fixtures', 'seed');
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');

function run() {
  const input = {
    dockerfile: { path: 'Dockerfile', text: read('Dockerfile') },
    compose: { path: 'docker-compose.yml', text: read('docker-compose.yml') },
    // The seed's pyproject.toml: python = ">=3.8,<3.11", no lock shown.
    facts: makeFacts({ name: 'myproject', requiresPython: '>=3.8,<3.11' }),
    now: new Date('2026-11-28T00:00:00Z'),
  };
  const result = lint(input);
  const sources = new Map([
    [input.dockerfile.path, input.dockerfile.text],
    [input.compose.path, input.compose.text],
  ]);
  return { diagnostics: result.diagnostics, text: formatStylish(result.diagnostics, { sources, color: false, version: '0' }) };
}

describe('the seed setup', () => {
  it('finds every defect DESIGN.md lists', () => {
    const ids = new Set(run().diagnostics.map((d) => `${d.ruleId}@${d.file}:${d.range.start.line + 1}`));
    // ENV POETRY_VERSION=$POETRY_VERSION in a stage that never declared the ARG
    expect(ids).toContain('PC101@Dockerfile:107');
    // PATH=/opt/pipx/bin in app, where pipx does not exist
    expect(ids).toContain('PC102@Dockerfile:106');
    // the app stage gets the venv but no application code
    expect(ids).toContain('PC103@Dockerfile:125');
    // ENTRYPOINT ["python"] + CMD ["--version"] runs no app
    expect(ids).toContain('PC111@Dockerfile:129');
    // EOL Python 3.8 in both external FROMs
    expect(ids).toContain('PC604@Dockerfile:25');
    expect(ids).toContain('PC604@Dockerfile:97');
    // no cache mounts for the dependency installs
    expect(ids).toContain('PC402@Dockerfile:89');
    // compose: obsolete version:, venv volume that goes stale, cache_from without cache export
    expect([...ids].some((i) => i.startsWith('PC701@docker-compose.yml'))).toBe(true);
    expect([...ids].some((i) => i.startsWith('PC702@docker-compose.yml'))).toBe(true);
    expect([...ids].some((i) => i.startsWith('PC704@docker-compose.yml'))).toBe(true);
  });

  it('matches the reviewed report', () => {
    const golden = path.join(dir, 'check.stylish.txt');
    const { text } = run();
    if (process.env.PYCRANE_UPDATE_GOLDEN === '1') writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});
