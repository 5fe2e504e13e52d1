/**
 * Dogfooding: every setup `pycrane init` writes (test/golden/<example>/expected/, generated from
 * examples/<example>) lints with no finding at warning or above, with the example's project facts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectProject } from '../src/inspect/index.js';
import { nodeReader } from '../src/io/fs.js';
import { atOrAbove } from '../src/lint/config.js';
import { lint } from '../src/lint/engine.js';
import type { LintInput, TextFile } from '../src/lint/types.js';

const root = path.join(import.meta.dirname, '..');
const goldenDir = path.join(root, 'test', 'golden');
const sets = existsSync(goldenDir) ? readdirSync(goldenDir).filter((d) => existsSync(path.join(goldenDir, d, 'expected', 'Dockerfile'))).sort() : [];

function file(dir: string, rel: string): TextFile | undefined {
  const p = path.join(dir, rel);
  return existsSync(p) ? { path: rel, text: readFileSync(p, 'utf8') } : undefined;
}

const title = sets.length > 0 ? 'generated setups lint clean (dogfooding)' : 'dogfooding skipped: no test/golden/*/expected/Dockerfile yet';
describe.skipIf(sets.length === 0)(title, () => {
  it.each(sets)('%s', async (example) => {
    const dir = path.join(goldenDir, example, 'expected');
    const project = path.join(root, 'examples', example);
    const facts = existsSync(project) ? await inspectProject(nodeReader(project)) : undefined;
    const dockerfile = file(dir, 'Dockerfile');
    const compose = file(dir, 'compose.yaml');
    const devcontainer = file(dir, '.devcontainer/devcontainer.json');
    const input: LintInput = {
      ...(dockerfile ? { dockerfile } : {}),
      ...(compose ? { compose } : {}),
      ...(devcontainer ? { devcontainer } : {}),
      dockerignore: file(dir, '.dockerignore') ?? null,
      ...(facts ? { facts } : {}),
    };
    const findings = lint(input).diagnostics.filter((d) => atOrAbove(d.severity, 'warning'));
    expect(findings.map((d) => `${d.file}:${d.range.start.line + 1} ${d.ruleId} ${d.message}`)).toEqual([]);
    // The project facts were used (project rules had something to check).
    expect(facts).toBeDefined();
  });
});

