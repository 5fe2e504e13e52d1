/**
 * `pycrane dev`: the seed's "try out your new containers", as one command. Brings the
 * compose dev service up (rebuilding its image when the Dockerfile, pyproject.toml or
 * poetry.lock changed, which BuildKit's cache makes free when nothing did), then runs a
 * shell or a command in it.
 */
import { PycraneError, UserError } from '../core/errors.js';
import type { ContainerEngine } from './engine.js';

export interface DevRequest {
  /** The project folder: compose's project directory. */
  readonly dir: string;
  /** The compose file, absolute or relative to `dir`. */
  readonly composeFile: string;
  readonly service: string;
  /** Added to compose's environment: DEV_UID / DEV_GID so the dev user owns the workspace. */
  readonly env: Readonly<Record<string, string>>;
  /** `up --build` (the default): a changed lock reaches the image; cached otherwise. */
  readonly build: boolean;
  /** What to run in the service: a command, a login shell, or nothing (just bring it up). */
  readonly run: { readonly kind: 'command'; readonly argv: readonly string[] } | { readonly kind: 'shell' } | { readonly kind: 'none' };
  /** stdin is a terminal: `exec` gets a TTY (else `-T`). */
  readonly tty: boolean;
  /** Hand our terminal to compose while it builds and starts (progress is visible). */
  readonly stream: boolean;
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

type Compose = (args: readonly string[], output?: 'capture' | 'inherit') => Promise<{ code: number; stdout: string; stderr: string }>;

/** The services that have a container (running or not). */
async function servicesWithContainers(compose: Compose): Promise<Set<string>> {
  const ps = await compose(['ps', '--all', '--services']);
  return new Set(ps.code === 0 ? ps.stdout.split('\n').map((s) => s.trim()).filter(Boolean) : []);
}

/**
 * After a failed `up`: removes the containers this `up` created (a database started for a dev
 * service that then failed), so nothing stays up half-configured; what ran before is kept.
 * Returns the error to throw, saying what could not be undone when the engine is gone.
 */
async function rolledBack(compose: Compose, before: ReadonlySet<string>, error: unknown): Promise<unknown> {
  if (!(error instanceof PycraneError)) return error;
  try {
    const created = [...(await servicesWithContainers(compose))].filter((s) => !before.has(s));
    if (created.length > 0) await compose(['rm', '--stop', '--force', ...created]);
    return error;
  } catch {
    const hint = 'Containers it created may remain: `docker compose down` removes them once the engine answers again.';
    return new PycraneError(error.code, error.message, { exitCode: error.exitCode, hint: error.hint ? `${error.hint}\n${hint}` : hint });
  }
}

/** Returns the exit code of what ran in the container (0 when nothing did). */
export async function startDev(engine: ContainerEngine, request: DevRequest): Promise<number> {
  const compose = (args: readonly string[], output: 'capture' | 'inherit' = 'capture') =>
    engine.compose(['--file', request.composeFile, '--project-directory', request.dir, ...args], request.dir, {
      env: request.env,
      output,
    });

  const services = await compose(['config', '--services']);
  if (services.code !== 0) {
    throw new UserError('E_COMPOSE_CONFIG', `${request.composeFile} is not a valid compose file: ${tail(services.stderr, 3)}`, {
      hint: 'Run `pycrane check` for details, or `pycrane init` to write one.',
    });
  }
  if (!services.stdout.split('\n').map((s) => s.trim()).includes(request.service)) {
    throw new UserError('E_NO_DEV_SERVICE', `${request.composeFile} has no service "${request.service}"`, {
      hint: 'Name the service with --service, or write the dev setup with `pycrane init`.',
    });
  }

  const before = await servicesWithContainers(compose);
  let up;
  try {
    up = await compose(['up', '--detach', '--wait', ...(request.build ? ['--build'] : []), request.service], request.stream ? 'inherit' : 'capture');
  } catch (error) {
    throw await rolledBack(compose, before, error);
  }
  if (up.code !== 0) {
    const failure = new PycraneError('E_DEV_UP', `the ${request.service} service did not come up (docker compose up exited ${up.code})`, {
      exitCode: 1,
      hint: request.stream ? 'The build or start output above says why.' : tail(`${up.stdout}\n${up.stderr}`),
    });
    throw await rolledBack(compose, before, failure);
  }

  if (request.run.kind === 'none') return 0;
  const argv = request.run.kind === 'command' ? request.run.argv : ['sh', '-c', 'command -v bash >/dev/null && exec bash || exec sh'];
  const exec = await compose(['exec', ...(request.tty ? [] : ['-T']), request.service, ...argv], 'inherit');
  return exec.code;
}

export async function stopDev(engine: ContainerEngine, request: Pick<DevRequest, 'dir' | 'composeFile' | 'env'>): Promise<void> {
  const down = await engine.compose(['--file', request.composeFile, '--project-directory', request.dir, 'down'], request.dir, {
    env: request.env,
  });
  if (down.code !== 0) {
    throw new PycraneError('E_DEV_DOWN', `docker compose down failed (exit ${down.code}): ${tail(down.stderr, 3)}`, { exitCode: 1 });
  }
}
