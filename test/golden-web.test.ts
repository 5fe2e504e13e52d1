/**
 * Golden web setups: what `pycrane init` writes for web apps, from the facts fixtures of
 * src/generate/testing/facts.ts (the detection in src/inspect/web/ fills the same types),
 * reviewed as diffs (`npx vitest run test/golden-web.test.ts -u` rewrites them), in
 * test/golden/web/<scenario>/expected/. Each compose file is checked against the compose
 * specification and every setup lints clean with its facts (dogfooding, as check-golden does).
 */
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSetup } from '../src/generate/index.js';
import { celeryFacts, djangoPostgresFacts, fastapiFacts, flaskRedisFacts, psycopg2Facts } from '../src/generate/testing/facts.js';
import type { ProjectFacts } from '../src/inspect/model.js';
import { atOrAbove } from '../src/lint/config.js';
import { lint } from '../src/lint/engine.js';
import composeSchema from '../src/schemas/compose-spec.json' with { type: 'json' };

const SCENARIOS: readonly (readonly [string, () => ProjectFacts])[] = [
  ['django-postgres-redis', djangoPostgresFacts],
  ['fastapi-uvicorn', fastapiFacts],
  ['flask-factory-gunicorn-redis', flaskRedisFacts],
  ['celery-worker', celeryFacts],
  ['psycopg2-native', psycopg2Facts],
];

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats.default(ajv);
const validateCompose = ajv.compile(composeSchema);

describe.each(SCENARIOS)('%s', (scenario, facts) => {
  const generated = () => generateSetup(facts(), { directoryName: scenario });

  it('matches the golden files', async () => {
    const { files } = generated();
    expect(files.map((f) => f.path)).toEqual(['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore', '.env.example', 'README.Docker.md']);
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(path.join('golden', 'web', scenario, 'expected', file.path));
    }
  });

  it('writes a compose file valid against the compose specification', () => {
    const compose = parseYaml(generated().files.find((f) => f.path === 'compose.yaml')?.contents ?? '') as unknown;
    validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
  });

  it('lints clean with its facts (dogfooding)', () => {
    const { files } = generated();
    const text = (p: string) => ({ path: p, text: files.find((f) => f.path === p)?.contents ?? '' });
    const result = lint({
      dockerfile: text('Dockerfile'),
      compose: text('compose.yaml'),
      devcontainer: text('.devcontainer/devcontainer.json'),
      dockerignore: text('.dockerignore'),
      facts: facts(),
    });
    const findings = result.diagnostics.filter((d) => atOrAbove(d.severity, 'warning'));
    expect(findings.map((d) => `${d.file}:${d.range.start.line + 1} ${d.ruleId} ${d.message}`)).toEqual([]);
  });
});
