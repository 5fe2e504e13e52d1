/**
 * Helpers for end-to-end tests that bring a generated compose stack up on the real engine:
 * one compose project per test (`-p NAME`), its services, containers, published ports, and
 * proof that `down -v` left nothing behind. Argv arrays only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { must, sh, type Run } from './docker.js';

export interface ComposeProject {
  readonly dir: string;
  readonly name: string;
  /** compose files, in order (`-f` each). */
  readonly files: readonly string[];
}

/** One row of `docker compose ps --all --format json`. */
export interface ComposeContainer {
  readonly ID: string;
  readonly Name: string;
  readonly Service: string;
  readonly State: string;
  /** `healthy`, `unhealthy`, `starting`, or '' without a health check. */
  readonly Health: string;
  readonly ExitCode: number;
}

const base = (p: ComposeProject) => ['compose', '-p', p.name, ...p.files.flatMap((file) => ['-f', file])];

export function compose(p: ComposeProject, args: readonly string[], timeoutMs = 900_000): Run {
  return sh('docker', [...base(p), ...args], { cwd: p.dir, timeoutMs });
}

export function mustCompose(p: ComposeProject, args: readonly string[], timeoutMs = 900_000): Run {
  return must('docker', [...base(p), ...args], { cwd: p.dir, timeoutMs });
}

/** The resolved configuration (`docker compose config --format json`): what compose will run. */
export function composeConfig(p: ComposeProject): { services: Record<string, Record<string, unknown>>; volumes?: Record<string, unknown> } {
  return JSON.parse(mustCompose(p, ['config', '--format', 'json']).stdout) as { services: Record<string, Record<string, unknown>> };
}

/** The services compose starts by default (`config --services`: profiles not enabled are left out). */
export function composeServices(p: ComposeProject): string[] {
  return mustCompose(p, ['config', '--services']).stdout.split('\n').map((s) => s.trim()).filter(Boolean).sort();
}

/** Every container of the project, stopped ones too. compose 2.21+ prints one JSON object per line. */
export function composePs(p: ComposeProject): ComposeContainer[] {
  const text = mustCompose(p, ['ps', '--all', '--format', 'json']).stdout.trim();
  if (text === '') return [];
  if (text.startsWith('[')) return JSON.parse(text) as ComposeContainer[];
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ComposeContainer);
}

/** The host port that `service`'s container port is published on (`docker compose port`). */
export function publishedPort(p: ComposeProject, service: string, target: number): number {
  const out = mustCompose(p, ['port', service, String(target)]).stdout.trim();
  const port = Number(out.split(':').at(-1));
  if (!Number.isInteger(port) || port <= 0) throw new Error(`docker compose port ${service} ${target} printed ${JSON.stringify(out)}`);
  return port;
}

/**
 * An override file for a test run: every published port goes to a random port of 127.0.0.1
 * (tests run beside other stacks that may hold 8000), and every built image gets a name of
 * this project, so the test can remove exactly what it built (never postgres:17 or redis:8).
 * Returns the project with the override added.
 */
export function withTestOverride(p: ComposeProject): ComposeProject {
  const config = composeConfig(p);
  const services: Record<string, Record<string, unknown>> = {};
  for (const [name, service] of Object.entries(config.services)) {
    const override: Record<string, unknown> = {};
    const ports = (service.ports ?? []) as { target: number }[];
    if (ports.length > 0) override.ports = ports.map((port) => `127.0.0.1::${port.target}`);
    // Services built from the same image (app and migrate) keep sharing one.
    if (service.build !== undefined) override.image = `${p.name}-${typeof service.image === 'string' ? service.image.replace(/[^a-z0-9._-]+/g, '-') : name}:e2e`;
    if (Object.keys(override).length > 0) services[name] = override;
  }
  const file = path.join(p.dir, 'compose.e2e-override.yaml');
  // `!override` replaces the list instead of merging it with the generated ports (compose 2.24.4+).
  const body = stringify({ services }, { lineWidth: 0 }).replace(/^( {4}ports:)/gm, '$1 !override');
  writeFileSync(file, body);
  return { ...p, files: [...p.files, file] };
}

/** The images the override named (to remove after the run). */
export function builtImages(p: ComposeProject): string[] {
  const images = Object.values(composeConfig(p).services)
    .filter((service) => service.build !== undefined)
    .map((service) => String(service.image));
  return [...new Set(images)];
}

/** What is left of a compose project on the engine: containers, volumes, networks (by compose's project label). */
export function leftovers(project: string): { containers: string[]; volumes: string[]; networks: string[] } {
  const filter = `label=com.docker.compose.project=${project}`;
  const lines = (args: string[]) => must('docker', args).stdout.split('\n').map((s) => s.trim()).filter(Boolean);
  return {
    containers: lines(['ps', '--all', '--quiet', '--filter', filter]),
    volumes: lines(['volume', 'ls', '--quiet', '--filter', filter]),
    networks: lines(['network', 'ls', '--quiet', '--filter', filter]),
  };
}

/** GET a URL until it answers (any status) or `timeoutMs` passes; the last error otherwise. */
export async function httpGet(url: string, timeoutMs = 30_000): Promise<{ status: number; body: string }> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`GET ${url} did not answer within ${timeoutMs} ms: ${String(last)}`);
}

/** Times `docker stop` of one container: seconds, and its exit code afterwards (137: killed). */
export function timedStop(container: string, timeoutSeconds = 10): { seconds: number; exitCode: number } {
  const run = must('docker', ['stop', '--time', String(timeoutSeconds), container]);
  const exitCode = Number(must('docker', ['container', 'inspect', '--format', '{{.State.ExitCode}}', container]).stdout.trim());
  return { seconds: run.ms / 1000, exitCode };
}
