/**
 * Golden files: what `pycrane init` writes for each example, reviewed as diffs
 * (`npx vitest run test/golden.test.ts -u` rewrites them). Also checks each file against
 * its format: compose.yaml against the compose-spec JSON schema, devcontainer.json as
 * JSONC with the properties a compose-based dev container needs.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateSetup } from '../src/generate/index.js';
import { inspectProject } from '../src/inspect/index.js';
import { nodeReader } from '../src/io/fs.js';
import composeSchema from '../src/schemas/compose-spec.json' with { type: 'json' };

const root = path.join(import.meta.dirname, '..');
const examples = readdirSync(path.join(root, 'examples')).sort();

async function generate(example: string) {
  const dir = path.join(root, 'examples', example);
  const facts = await inspectProject(nodeReader(dir));
  return generateSetup(facts, { directoryName: example });
}

// The schema names its meta-schema without the trailing '#', which ajv does not know by that id.
const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
addFormats.default(ajv);
const validateCompose = ajv.compile(composeSchema);

describe.each(examples)('%s', (example) => {
  it('matches the golden files', async () => {
    const { files, plan } = await generate(example);
    const web = plan.web ? ['.env.example', 'README.Docker.md'] : [];
    expect(files.map((f) => f.path)).toEqual(['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore', ...web]);
    for (const file of files) {
      await expect(file.contents).toMatchFileSnapshot(path.join('golden', example, 'expected', file.path));
    }
  });

  it('writes a compose file valid against the compose specification', async () => {
    const { files } = await generate(example);
    const compose = parseYaml(files.find((f) => f.path === 'compose.yaml')?.contents ?? '') as unknown;
    const valid = validateCompose(compose);
    expect(validateCompose.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('writes a devcontainer.json that uses the compose dev service as a non-root user', async () => {
    const { files, plan } = await generate(example);
    const text = files.find((f) => f.path === '.devcontainer/devcontainer.json')?.contents ?? '';
    const json = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
    expect(json).toMatchObject({
      dockerComposeFile: ['../compose.yaml'],
      service: 'dev',
      workspaceFolder: plan.workdir,
      remoteUser: 'dev',
      updateRemoteUserUID: true,
      customizations: {
        vscode: {
          extensions: ['ms-python.python'],
          settings: { 'python.defaultInterpreterPath': '/opt/venv/bin/python' },
        },
      },
    });
  });

  it('declares, in every stage, each ARG that stage uses', async () => {
    const { files } = await generate(example);
    const dockerfile = files[0]?.contents ?? '';
    for (const stage of dockerfile.split(/^FROM /m).slice(1)) {
      const declared = new Set([...stage.matchAll(/^ARG (\w+)/gm)].map((m) => m[1]));
      const env = new Set([...stage.matchAll(/^ENV (.*(?:\\\n.*)*)/gm)].flatMap((m) => [...(m[1] ?? '').matchAll(/(\w+)=/g)].map((k) => k[1])));
      // Names that the stage's shell gets from ENV (here or inherited) are not build args.
      const inherited = new Set(['PATH', 'VIRTUAL_ENV']);
      for (const use of stage.matchAll(/\$\{?(\w+)/g)) {
        const name = use[1] ?? '';
        if (declared.has(name) || env.has(name) || inherited.has(name)) continue;
        throw new Error(`stage ${stage.split('\n')[0]} uses \${${name}} without declaring it`);
      }
    }
  });
});
