/**
 * The whole loop on every example project: `pycrane init --yes`, `pycrane build`, then
 * `pycrane verify DIR` passes every check. Records verify's time and the sizes it reports.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { inspectProject } from '../../src/inspect/index.js';
import { nodeReader } from '../../src/io/fs.js';
import { captureContext } from '../support/cli.js';
import { engineAvailable, skipReason } from '../support/engine.js';

const examples = path.resolve(import.meta.dirname, '../../examples');
const all = readdirSync(examples).filter((name) => statSync(path.join(examples, name)).isDirectory());
// The lab has no uv binary and no ghcr.io/astral-sh/uv image: uv setups are golden- and lint-tested only.
const unbuildable = all.filter((name) => readdirSync(path.join(examples, name)).includes('uv.lock'));
// forky (Python 3.14) is optional in the lab.
const forky = Boolean(process.env.DOCKER_LAB_INDEX_FORKY);
const onForky = (name: string) => readFileSync(path.join(examples, name, '.python-version'), { encoding: 'utf8', flag: 'r' }).trim() === '3.14';
const names = all.filter((name) => !unbuildable.includes(name) && (forky || !existsSync(path.join(examples, name, '.python-version')) || !onForky(name)));
if (unbuildable.length > 0) console.warn(`[e2e] not built (the lab has no uv): ${unbuildable.join(', ')}`);
const work = mkdtempSync(path.join(tmpdir(), 'pycrane-e2e-examples-'));
const prefix = `pycrane-e2e-examples-${process.pid}`;
const notes: string[] = [];

function sh(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function cli(cwd: string) {
  return captureContext(cwd, { ...process.env, CI: 'true' });
}

interface Report {
  verdict: string;
  durationMs: number;
  checks: { id: string; status: string; evidence: string[] }[];
  size: { total: number; overBase: number | null; base: { ref: string } | null; largestLayers: { size: number; createdBy: string }[] };
}

describe.skipIf(!engineAvailable)(`init, build and verify every example${skipReason ? ` (${skipReason})` : ''}`, () => {
  afterAll(() => {
    for (const name of names) {
      const mine = sh('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', `${prefix}-${name}`]).split('\n').filter(Boolean);
      if (mine.length > 0) sh('docker', ['image', 'rm', '--force', ...mine]);
    }
    rmSync(work, { recursive: true, force: true });
    if (notes.length > 0) console.log(`verify per example:\n${notes.join('\n')}`);
  });

  it('has examples', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  for (const name of names) {
    it(`${name}: init, build, verify passes`, async () => {
      const dir = path.join(work, name);
      cpSync(path.join(examples, name), dir, { recursive: true });
      const init = cli(dir);
      expect(await runCli(['init', '--yes'], init.ctx), init.err()).toBe(0);
      sh('git', ['init', '-q'], dir);
      sh('git', ['add', '-A'], dir);
      sh('git', ['-c', 'user.email=e2e@pycrane.invalid', '-c', 'user.name=e2e', 'commit', '-qm', 'example'], dir);

      const repository = `${prefix}-${name}`;
      const build = cli(dir);
      const built = await runCli(['build', '--json', '--repository', repository, '--network', 'host'], build.ctx);
      expect(built, build.err().slice(-3000)).toBe(0);
      const result = JSON.parse(build.out()) as { tags: string[]; imageId: string };
      expect(result.tags.every((tag) => tag.startsWith(`${repository}:`))).toBe(true);

      const verify = cli(dir);
      const code = await runCli(['verify', '--json', '--repository', repository], verify.ctx);
      const report = JSON.parse(verify.out()) as Report;
      expect(verify.err()).toMatch(/verifying .* \(built from this commit/); // found by tag, not rebuilt
      const failed = report.checks.filter((c) => c.status === 'fail');
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(code).toBe(0);
      // A project without a lock (PEP 621 with pip) has no locked versions to check.
      const locked = (await inspectProject(nodeReader(dir))).lock !== undefined;
      expect(report.checks.find((c) => c.id === 'dependencies')?.status).toBe(locked ? 'pass' : 'skip');
      notes.push(
        `${name}: ${report.durationMs} ms; total ${(report.size.total / 1e6).toFixed(1)} MB, over ${report.size.base?.ref ?? '?'} ${report.size.overBase === null ? '?' : (report.size.overBase / 1e6).toFixed(1)} MB; largest: ${report.size.largestLayers
          .slice(0, 2)
          .map((l) => `${(l.size / 1e6).toFixed(1)} MB ${l.createdBy.slice(0, 40)}`)
          .join('; ')}; skipped: ${report.checks.filter((c) => c.status === 'skip').map((c) => c.id).join(',') || 'none'}`,
      );
    });
  }
});
