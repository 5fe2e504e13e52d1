/**
 * Checks shared by the end-to-end tests that build generated setups and look inside the images.
 */
import { expect } from 'vitest';
import { must, sh } from './docker.js';

/** Imports every locked main dependency at its locked version, inside the image. */
export const IMPORT_CHECK = String.raw`
import importlib, importlib.metadata as md, json, sys
bad = []
for name, version in json.loads(sys.argv[1]).items():
    try:
        dist = md.distribution(name)
    except md.PackageNotFoundError:
        bad.append(name + ": not installed"); continue
    if dist.version != version:
        bad.append(f"{name}: {dist.version} installed, {version} locked")
    # top_level.txt can name folders the wheel does not ship (Debian's repacked setuptools names
    # "debian"): import only what the distribution's files hold.
    shipped = {str(f).split("/")[0].removesuffix(".py") for f in (dist.files or [])}
    tops = [t for t in (dist.read_text("top_level.txt") or "").split() if t in shipped]
    if not tops:
        tops = sorted({str(f).split("/")[0].removesuffix(".py") for f in (dist.files or [])
                       if str(f).endswith(".py") and not str(f).startswith("..")
                       and not str(f).split("/")[0].endswith((".dist-info", ".data"))})
    for top in tops:
        try:
            importlib.import_module(top)
        except Exception as e:
            bad.append(f"{name}: import {top}: {e!r}")
print(json.dumps(bad))
`;


/** Starts a web image, waits until `path` on `port` answers inside the container, then times `docker stop`. */
export function probeHttp(image: string, port: number, path: string, expectBody: string): { stopMs: number } {
  const id = must('docker', ['run', '-d', image]).stdout.trim();
  try {
    const probe = `import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:${port}${path}", timeout=2).read().decode())`;
    let body = '';
    for (let i = 0; i < 60 && !body.includes(expectBody); i++) {
      const r = sh('docker', ['exec', id, 'python', '-c', probe]);
      body = r.code === 0 ? r.stdout : '';
      if (!body) sh('sleep', ['0.5']);
    }
    expect(body, sh('docker', ['logs', id]).stderr.slice(-2000)).toContain(expectBody);
    const stop = must('docker', ['stop', '--time', '10', id]);
    return { stopMs: stop.ms };
  } finally {
    sh('docker', ['rm', '-f', id]);
  }
}

/** Package-manager tools, compilers and caches that must never be in a runtime image. */
export const NOT_IN_RUNTIME =
  'for t in poetry pipx uv uvx pdm pipenv pip-compile pip-sync hatch gcc cc g++ sudo; do command -v $t; done; ls -d /opt/pipx /root/.cache/pip /root/.cache/pypoetry /root/.cache/uv /root/.cache/pdm /root/.cache/pipenv 2>/dev/null; true';

/** The image's layer digests (diff IDs), bottom first. */
export function layerIds(image: string): string[] {
  return JSON.parse(must('docker', ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', image]).stdout) as string[];
}

const UNITS: Readonly<Record<string, number>> = { B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };

/** The size of the newest layer that holds files (docker history's sizes, metadata-only steps skipped). */
export function topLayerBytes(image: string): number {
  for (const line of must('docker', ['history', '--format', '{{.Size}}', image]).stdout.trim().split('\n')) {
    const m = /^([\d.]+)\s*([a-zA-Z]+)$/.exec(line.trim());
    const bytes = m ? Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1) : 0;
    if (bytes > 0) return bytes;
  }
  return 0;
}
