/**
 * Golden CI files: what `pycrane init --ci github` / `--ci gitlab` writes for two examples,
 * one with `[tool.pycrane] build-network` (a local mirror, kept out of CI) and one without,
 * reviewed as diffs (`npx vitest run test/golden-ci.test.ts -u` rewrites them). The parsers
 * and schema that read them are in src/generate/ci/ci.test.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../src/cli/version.js';
import { generateSetup } from '../src/generate/index.js';
import { inspectProject } from '../src/inspect/index.js';
import { nodeReader } from '../src/io/fs.js';

const root = path.join(import.meta.dirname, '..');

describe.each(['poetry2-cli', 'uv-app'])('%s', (example) => {
  it.each(['github', 'gitlab'] as const)('matches the golden %s file', async (system) => {
    const facts = await inspectProject(nodeReader(path.join(root, 'examples', example)));
    const { files } = generateSetup(facts, { directoryName: example }, { ci: { system, pycraneVersion: VERSION } });
    const ci = files[4];
    expect(files.slice(0, 4).map((f) => f.path)).toEqual(['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore']);
    expect(ci?.path).toBe(system === 'github' ? '.github/workflows/pycrane.yml' : '.gitlab-ci.yml');
    await expect(ci?.contents).toMatchFileSnapshot(path.join('golden', example, 'ci', ci?.path ?? ''));
  });
});
