/**
 * The web examples on the real engine, as a new user would run them: copy the example,
 * `pycrane init --yes`, `cp .env.example .env`, `docker compose up --wait --build`; then every
 * service is healthy (one-off services exited 0), a real route answers 200 through the app's
 * published port, Django's migrations are in Postgres, the Flask counter keeps its state in
 * Redis, the Celery worker runs a task sent through Redis, `docker stop` of the app is timed
 * (FastAPI < 3 s), `pycrane verify` passes the app image (its HEALTHCHECK turns healthy), and
 * `down -v` leaves no container, volume or network behind.
 *
 * The only change to the generated setup is an override file (test/support/compose.ts): host
 * ports are random ports of 127.0.0.1 and built images get this run's names. Start and stop
 * times are printed at the end ("web stacks: ...").
 */
import { existsSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import {
  builtImages,
  compose,
  composeConfig,
  composePs,
  composeServices,
  httpGet,
  leftovers,
  mustCompose,
  publishedPort,
  timedStop,
  withTestOverride,
  type ComposeProject,
} from '../support/compose.js';
import { copyExample, sh } from '../support/docker.js';
import { engineAvailable, skipReason } from '../support/engine.js';

interface StackContext {
  readonly project: ComposeProject;
  /** http://127.0.0.1:PORT of the app service. */
  readonly url: string;
  /** Service names by role, found from the resolved compose file. */
  readonly roles: Roles;
  readonly note: string[];
}

interface Roles {
  readonly app: string;
  readonly db: string | undefined;
  readonly redis: string | undefined;
  readonly migrate: string | undefined;
  readonly worker: string | undefined;
  /** Services that run once and exit (migrate). */
  readonly oneOff: readonly string[];
}

interface Stack {
  readonly example: string;
  /** The roles this stack must have (beyond app). */
  readonly needs: readonly (keyof Omit<Roles, 'app' | 'oneOff'>)[];
  readonly stopUnderSeconds: number;
  prove(ctx: StackContext): Promise<void>;
}

const prefix = `pycrane-e2e-web-${process.pid}`;
const summary: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

function imageOf(service: Record<string, unknown>): string {
  return typeof service.image === 'string' ? service.image : '';
}

/** Which service is which, by what it runs: postgres/redis by image, the rest by name. */
function findRoles(project: ComposeProject): Roles {
  const { services } = composeConfig(project);
  const running = composeServices(project);
  const names = Object.keys(services).filter((name) => running.includes(name));
  const byImage = (repo: string) => names.find((name) => imageOf(services[name] ?? {}).split(':')[0] === repo);
  const named = (...candidates: string[]) => names.find((name) => candidates.includes(name));
  const migrate = named('migrate');
  return { app: 'app', db: byImage('postgres'), redis: byImage('redis'), migrate, worker: named('worker', 'celery'), oneOff: migrate ? [migrate] : [] };
}

function composeExec(project: ComposeProject, service: string, command: readonly string[]): string {
  return mustCompose(project, ['exec', '-T', service, ...command], 120_000).stdout;
}

const stacks: readonly Stack[] = [
  {
    example: 'django-postgres',
    needs: ['db', 'migrate'],
    stopUnderSeconds: 10,
    async prove({ project, url, roles, note }) {
      const login = await httpGet(`${url}/admin/login/`);
      expect(login.status, login.body.slice(0, 2000)).toBe(200);
      expect(login.body).toContain('Django administration');
      // collectstatic ran at build time: the page links the hashed name the manifest gives, and whitenoise serves it.
      const css = /href="(\/static\/admin\/css\/base\.[0-9a-f]{12}\.css)"/.exec(login.body)?.[1];
      expect(css, 'the admin links a hashed base.css').toBeDefined();
      expect((await httpGet(`${url}${css ?? ''}`)).status).toBe(200);
      // A route that reads the database: the tables are there (migrations ran against the app's database).
      const polls = await httpGet(`${url}/polls/`);
      expect(polls.status, polls.body.slice(0, 2000)).toBe(200);
      expect(JSON.parse(polls.body)).toEqual({ count: 0, latest: [] });
      const db = roles.db ?? 'db';
      const count = composeExec(project, db, ['sh', '-c', 'psql -U "${POSTGRES_USER:-postgres}" -d "${POSTGRES_DB:-${POSTGRES_USER:-postgres}}" -tAc "select count(*) from django_migrations"']).trim();
      expect(Number(count)).toBeGreaterThan(0);
      note.push(`${count} migrations in Postgres`);
    },
  },
  {
    example: 'fastapi-app',
    needs: [],
    stopUnderSeconds: 3,
    async prove({ url }) {
      const item = await httpGet(`${url}/items/1`);
      expect(item.status, item.body).toBe(200);
      expect(JSON.parse(item.body)).toEqual({ id: 1, name: 'crane', price: 12.5 });
      expect((await httpGet(`${url}/items/9`)).status).toBe(404);
    },
  },
  {
    example: 'flask-redis',
    needs: ['redis', 'worker'],
    stopUnderSeconds: 10,
    async prove({ project, url, roles, note }) {
      const hits = async () => {
        const response = await httpGet(`${url}/count`);
        expect(response.status, response.body).toBe(200);
        return (JSON.parse(response.body) as { hits: number }).hits;
      };
      const first = await hits();
      expect(await hits()).toBe(first + 1);
      // The count lives in Redis, not in the app: a restarted app goes on counting.
      mustCompose(project, ['restart', roles.app]);
      const port = publishedPort(project, roles.app, Number((composeConfig(project).services[roles.app]?.ports as { target: number }[])[0]?.target));
      const again = await httpGet(`http://127.0.0.1:${port}/count`, 60_000);
      expect(JSON.parse(again.body)).toEqual({ hits: first + 2 });
      // The worker runs a task sent through the Redis broker; the result comes back through Redis.
      const check = composeExec(project, roles.app, ['python', '-m', 'counter.check']);
      expect(check).toMatch(/^add\(2, 3\) = 5 \(task [0-9a-f-]{36}\)$/m);
      note.push('counter survived an app restart; celery add(2, 3) = 5');
    },
  },
];

describe.skipIf(!engineAvailable)(`web stacks on the real engine${skipReason ? ` (${skipReason})` : ''}`, () => {
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    if (summary.length > 0) console.log(`web stacks:\n${summary.join('\n')}`);
  });

  for (const stack of stacks) {
    it(`${stack.example}: init --yes, compose up --wait healthy, real routes, stop, down -v`, { timeout: 1_500_000 }, async () => {
      const dir = await copyExample(stack.example);
      const name = `${prefix}-${stack.example}`;
      let project: ComposeProject = { dir, name, files: [path.join(dir, 'compose.yaml')] };
      cleanups.push(async () => {
        if (existsSync(path.join(dir, 'compose.yaml'))) {
          const images = existsSync(path.join(dir, 'compose.e2e-override.yaml')) ? builtImages(project) : [];
          compose(project, ['down', '--volumes', '--remove-orphans', '--timeout', '5']);
          if (images.length > 0) sh('docker', ['image', 'rm', '--force', ...images]);
        }
        await rm(dir, { recursive: true, force: true });
      });

      const init = await cli(['init', '--yes'], dir, { ...process.env, CI: 'true' });
      expect(init.code, `${init.stdout}\n${init.stderr}`).toBe(0);
      expect(existsSync(path.join(dir, '.env.example')), 'init writes .env.example for a web app').toBe(true);
      await copyFile(path.join(dir, '.env.example'), path.join(dir, '.env'));
      project = withTestOverride(project);

      const roles = findRoles(project);
      const services = composeServices(project);
      expect(services).toContain('app');
      for (const role of stack.needs) expect(roles[role], `a ${role} service among ${services.join(', ')}`).toBeDefined();

      const up = compose(project, ['up', '--wait', '--wait-timeout', '600', '--build'], 1_200_000);
      expect(up.code, `${up.stdout}\n${up.stderr}`.split('\n').slice(-80).join('\n')).toBe(0);
      const upSeconds = up.ms / 1000;

      const containers = composePs(project);
      for (const service of services) {
        const container = containers.find((c) => c.Service === service);
        expect(container, `a container for ${service}`).toBeDefined();
        if (roles.oneOff.includes(service)) {
          expect(container?.State, `${service} ran once`).toBe('exited');
          expect(container?.ExitCode, `${service} exited 0`).toBe(0);
          continue;
        }
        expect(container?.State, `${service} is running`).toBe('running');
        if (container?.Health) expect(container.Health, `${service} is healthy`).toBe('healthy');
      }
      for (const role of ['app', 'db', 'redis'] as const) {
        const service = roles[role];
        if (service === undefined) continue;
        expect(containers.find((c) => c.Service === service)?.Health, `${service} has a health check and it passed`).toBe('healthy');
      }

      const target = Number((composeConfig(project).services.app?.ports as { target: number }[] | undefined)?.[0]?.target);
      expect(Number.isInteger(target), 'the app publishes a port').toBe(true);
      const url = `http://127.0.0.1:${publishedPort(project, 'app', target)}`;
      const note: string[] = [];
      await stack.prove({ project, url, roles, note });

      const appId = mustCompose(project, ['ps', '--quiet', 'app']).stdout.trim();
      const stop = timedStop(appId);
      expect(stop.exitCode, 'the app stopped on SIGTERM, not SIGKILL').not.toBe(137);
      expect(stop.seconds).toBeLessThan(stack.stopUnderSeconds);

      // A warm start: every image built, the volumes there.
      const warm = compose(project, ['up', '--wait', '--wait-timeout', '300'], 600_000);
      expect(warm.code, warm.stderr.slice(-3000)).toBe(0);

      // pycrane verify on the app image alone (no database, no Redis): its HEALTHCHECK turns healthy.
      const appImage = String(composeConfig(project).services.app?.image);
      const verify = await cli(['verify', '--json', appImage, '--project', dir], dir, { ...process.env, CI: 'true' });
      const report = JSON.parse(verify.stdout) as { verdict: string; durationMs: number; checks: { id: string; status: string; evidence: string[] }[] };
      const health = report.checks.find((c) => c.id === 'health');
      expect(health?.status, JSON.stringify(health)).toBe('pass');
      expect(report.checks.filter((c) => c.status === 'fail'), verify.stderr).toEqual([]);
      expect(verify.code).toBe(0);

      const images = builtImages(project);
      const down = compose(project, ['down', '--volumes', '--remove-orphans']);
      expect(down.code, down.stderr).toBe(0);
      expect(leftovers(name)).toEqual({ containers: [], volumes: [], networks: [] });
      sh('docker', ['image', 'rm', '--force', ...images]);

      summary.push(
        `${stack.example}: services ${services.join(', ')}; up --wait --build ${upSeconds.toFixed(1)} s (build included, BuildKit cache as found), up --wait again ${(warm.ms / 1000).toFixed(1)} s; ` +
          `docker stop app ${stop.seconds.toFixed(2)} s (exit ${stop.exitCode}); down -v ${(down.ms / 1000).toFixed(1)} s; verify ${(report.durationMs / 1000).toFixed(1)} s, ${health?.evidence[1] ?? ''}` +
          `${note.length > 0 ? `; ${note.join('; ')}` : ''}`,
      );
    });
  }
});
