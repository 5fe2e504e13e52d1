/**
 * PC709 (compose-schema-invalid) agrees with the real Docker Compose: for each compose file below, PC709 reports
 * nothing exactly when `docker compose config -q` accepts the file. Needs the docker CLI with the compose plugin
 * (no daemon is contacted); skipped with a reason when no engine answers, like every e2e test.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/engine.js';
import { composeSchemaInvalid } from '../../src/lint/rules/compose-schema-invalid.js';
import { sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const CASES: readonly { readonly name: string; readonly text: string }[] = [
  { name: 'minimal', text: 'services:\n  web:\n    image: python:3.12-slim\n' },
  { name: 'obsolete version', text: 'version: "3.8"\nservices:\n  web:\n    build: .\n' },
  { name: 'merge keys and extension fields', text: 'x-common: &common\n  restart: unless-stopped\nservices:\n  web:\n    <<: *common\n    image: x\n' },
  { name: 'interpolated number', text: 'services:\n  web:\n    image: x\n    deploy:\n      replicas: ${REPLICAS:-1}\n' },
  {
    name: 'what pycrane init writes',
    text: 'name: demo\nservices:\n  dev:\n    build:\n      context: .\n      target: dev\n      network: host\n      args:\n        DEV_UID: ${DEV_UID:-1000}\n    init: true\n    volumes:\n      - type: bind\n        source: .\n        target: /app\n    develop:\n      watch:\n        - action: rebuild\n          path: poetry.lock\n  builder:\n    build:\n      context: .\n      target: builder\n    profiles:\n      - build\n',
  },
  { name: 'healthcheck and depends_on condition', text: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n      interval: 5s\n  web:\n    image: x\n    depends_on:\n      db:\n        condition: service_healthy\n' },
  { name: 'unknown service property', text: 'services:\n  web:\n    image: x\n    port:\n      - "8000:8000"\n' },
  { name: 'bad enum', text: 'services:\n  web:\n    image: x\n    pull_policy: sometimes\n' },
  { name: 'environment as a number', text: 'services:\n  web:\n    image: x\n    environment: 3\n' },
  { name: 'ports as a number', text: 'services:\n  web:\n    image: x\n    ports: 8000\n' },
  { name: 'misspelt top-level key', text: 'servics:\n  web:\n    image: x\n' },
  { name: 'replicas as a word', text: 'services:\n  web:\n    image: x\n    deploy:\n      replicas: two\n' },
  { name: 'boolean words Compose still accepts', text: 'services:\n  web:\n    image: x\n    tty: "yes"\n    init: "on"\n    scale: "2"\n' },
  { name: 'a boolean Compose cannot cast', text: 'services:\n  web:\n    image: x\n    tty: "maybe"\n' },
  { name: 'build as a list', text: 'services:\n  web:\n    build:\n      - .\n' },
  { name: 'YAML syntax error', text: 'services:\n  web:\n    image: "x\n' },
];

describe.skipIf(!engineAvailable)(`PC709 agrees with docker compose config ${skipReason}`, () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pycrane-e2e-compose-schema-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(CASES)('$name', async ({ text }) => {
    const file = path.join(dir, 'compose.yaml');
    await writeFile(file, text);
    const compose = sh('docker', ['compose', '-f', file, 'config', '-q'], { cwd: dir, timeoutMs: 60_000, env: { REPLICAS: '', DEV_UID: '' } });
    const findings = lint({ compose: { path: 'compose.yaml', text } }, undefined, [composeSchemaInvalid]).diagnostics.map((d) => d.message);
    expect({ composeAccepts: compose.code === 0, pycraneAccepts: findings.length === 0 }, `docker compose: ${compose.stderr.trim()}\npycrane: ${findings.join('; ')}`).toEqual({
      composeAccepts: compose.code === 0,
      pycraneAccepts: compose.code === 0,
    });
  });
});
