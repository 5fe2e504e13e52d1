/**
 * The package's library entry (package.json `exports` -> dist/index.js, from src/index.ts):
 * inspect, generate and lint a project with nothing but what it exports.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSetup, inspectProject, lint, memoryReader, nodeReader, UserError } from '../src/index.js';

describe('the library entry', () => {
  it('inspects an example, writes its setup and lints it clean at warning level', async () => {
    const facts = await inspectProject(nodeReader(path.join(import.meta.dirname, '..', 'examples', 'pdm-app')));
    expect(facts.manager.value).toBe('pdm');
    const { files } = generateSetup(facts, { directoryName: 'pdm-app' });
    const text = (p: string) => ({ path: p, text: files.find((f) => f.path === p)?.contents ?? '' });
    const result = lint({ dockerfile: text('Dockerfile'), compose: text('compose.yaml'), devcontainer: text('.devcontainer/devcontainer.json'), dockerignore: text('.dockerignore'), facts });
    expect(result.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId)).toEqual([]);
  });

  it('throws its own errors for what it cannot read', async () => {
    await expect(inspectProject(memoryReader({ 'notes.md': '' }))).rejects.toBeInstanceOf(UserError);
  });
});
