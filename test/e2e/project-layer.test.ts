/**
 * The fast project layer (plan.projectCopy): for a pure-Python package, the app image gets its
 * metadata and console scripts from app-meta (a wheel built from pyproject.toml and stand-in
 * packages) and its packages by a plain COPY into site-packages. Proof that this equals a real
 * wheel install: every file the real wheel installs (app-build, --target app-build) is in the
 * app image with the same bytes, but RECORD and direct_url.json (which describe the stand-in
 * wheel) and bytecode; and the
 * packages hold nothing the wheel does not. Skips without an engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { buildx, copyExample, must, sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

/** path -> sha256 of every file under ROOT (as an absolute path below it), bytecode and RECORD left out. */
const TREE = String.raw`
import hashlib, json, os, sys
root, prefix = sys.argv[1], sys.argv[2]
out = {}
for d, dirs, files in os.walk(root):
    dirs[:] = [x for x in dirs if x != "__pycache__"]
    for f in files:
        full = os.path.join(d, f)
        rel = "/" + os.path.relpath(full, prefix) if prefix != "/" else full
        # RECORD lists the stand-ins; direct_url.json (PEP 610) the stand-in wheel's hash, so app-meta drops it.
        if f in ("RECORD", "direct_url.json") or f.endswith(".pyc"):
            continue
        with open(full, "rb") as fh:
            out[rel] = hashlib.sha256(fh.read()).hexdigest()
print(json.dumps(out, sort_keys=True))
`;

function tree(image: string, root: string, prefix: string): Record<string, string> {
  return JSON.parse(must('docker', ['run', '--rm', '--entrypoint', 'python', image, '-c', TREE, root, prefix]).stdout) as Record<string, string>;
}

const forky = Boolean(process.env.DOCKER_LAB_INDEX_FORKY);
const examples = [
  { name: 'poetry2-cli', site: '/opt/venv/lib/python3.13/site-packages', packages: ['hello_cli'] },
  { name: 'seed-poetry1', site: '/opt/venv/lib/python3.11/site-packages', packages: ['myproject'] },
  { name: 'pdm-app', site: '/opt/venv/lib/python3.13/site-packages', packages: ['pdm_app'] },
  ...(forky ? [{ name: 'hatch-cli', site: '/opt/venv/lib/python3.14/site-packages', packages: ['hatch_cli'] }] : []),
];

describe.skipIf(!engineAvailable)(`the copied project layer equals a wheel install${engineAvailable ? '' : ` (skipped: ${skipReason})`}`, () => {
  for (const example of examples) {
    describe(example.name, () => {
      const tag = `pycrane-e2e-layer-${example.name}`;
      let dir = '';
      beforeAll(async () => {
        dir = await copyExample(example.name);
        expect((await cli(['init', dir, '--yes'])).code).toBe(0);
        buildx(dir, 'app-build', `${tag}:wheel`);
        buildx(dir, 'app', `${tag}:app`);
      });
      afterAll(() => {
        sh('docker', ['image', 'rm', '--force', `${tag}:wheel`, `${tag}:app`]);
      });

      it('holds every file of the real wheel install, byte for byte, and nothing more in its packages', () => {
        const wheel = tree(`${tag}:wheel`, '/opt/project', '/opt/project');
        expect(Object.keys(wheel).some((p) => p.includes('.dist-info/METADATA'))).toBe(true);
        const app = tree(`${tag}:app`, '/opt/venv', '/');
        const missing = Object.keys(wheel).filter((p) => app[p] === undefined);
        const different = Object.keys(wheel).filter((p) => app[p] !== undefined && app[p] !== wheel[p]);
        expect({ missing, different }).toEqual({ missing: [], different: [] });
        const inPackages = (files: Record<string, string>) =>
          Object.keys(files).filter((p) => example.packages.some((pkg) => p.startsWith(`${example.site}/${pkg}/`))).sort();
        expect(inPackages(app)).toEqual(inPackages(wheel));
      });
    });
  }
});
