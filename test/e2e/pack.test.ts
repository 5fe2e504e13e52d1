/**
 * The published artifact, not the source tree: `npm pack` (which builds), install the
 * tarball into an empty project, and run the `pycrane` bin from there.
 */
import { mkdtemp, cp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { must } from '../support/docker.js';

const root = path.join(import.meta.dirname, '..', '..');

describe('the npm package', () => {
  it('installs from its tarball and its bin runs init on an example', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pycrane-pack-'));
    must('npm', ['pack', '--pack-destination', dir], { cwd: root });
    const [tarball] = (await readdir(dir)).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toMatch(/^pycrane-\d+\.\d+\.\d+\.tgz$/);
    must('npm', ['init', '-y'], { cwd: dir });
    must('npm', ['install', '--no-audit', '--no-fund', path.join(dir, tarball ?? '')], { cwd: dir });
    const bin = path.join(dir, 'node_modules', '.bin', 'pycrane');
    expect(must(bin, ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    await cp(path.join(root, 'examples', 'poetry2-cli'), path.join(dir, 'project'), { recursive: true });
    const init = must(bin, ['init', 'project', '--yes'], { cwd: dir });
    expect(init.stdout).toContain('created      Dockerfile');
    // The schemas and precompiled validators travel with the package: check runs clean.
    const check = must(bin, ['check', 'project', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(check.stdout)).toBeDefined();
  });
});
