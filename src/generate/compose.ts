import { stringify } from 'yaml';
import type { BuildPlan } from './plan.js';

function build(plan: BuildPlan, target: string, args?: Record<string, string>): Record<string, unknown> {
  return {
    context: '.',
    dockerfile: 'Dockerfile',
    target,
    ...(args ? { args } : {}),
    ...(plan.buildNetwork ? { network: plan.buildNetwork } : {}),
  };
}

type Service = Record<string, unknown>;

/** What app, dev, migrate and worker share: `.env` (optional), the services' URLs, and waiting for them. */
function runtimeWiring(plan: BuildPlan, extraDepends: Record<string, unknown> = {}): Service {
  const web = plan.web;
  if (!web) return {};
  const healthy = Object.fromEntries(web.services.map((s) => [s.name, { condition: 'service_healthy' }]));
  const depends = { ...healthy, ...extraDepends };
  return {
    env_file: [{ path: '.env', required: false }],
    ...(web.environment.length > 0 ? { environment: Object.fromEntries(web.environment) } : {}),
    ...(Object.keys(depends).length > 0 ? { depends_on: depends } : {}),
  };
}

/**
 * One-off and worker services run the app image with another command; the image's HTTP health
 * check is not theirs. `docker compose up --wait` refuses a running service whose health check
 * is disabled ("has no healthcheck configured"), so the worker gets its own.
 */
function fromAppImage(plan: BuildPlan, command: readonly string[], healthcheck: Record<string, unknown>, depends: Record<string, unknown> = {}): Service {
  return {
    build: build(plan, 'app'),
    image: `${plan.name}:local`,
    init: true,
    command: [...command],
    ...runtimeWiring(plan, depends),
    healthcheck,
  };
}

/** The worker answers a ping addressed to its own node name (celery@<container hostname>). */
function workerHealthcheck(celeryTarget: string): Record<string, unknown> {
  return {
    test: ['CMD-SHELL', `celery -A ${celeryTarget} inspect ping --destination "celery@$$HOSTNAME" --timeout 5`],
    interval: '10s',
    timeout: '15s',
    retries: 3,
    start_period: '30s',
  };
}

/** The services a web plan adds beside app and dev: migrate, worker, db, cache. */
function webServices(plan: BuildPlan): Record<string, Service> {
  const web = plan.web;
  if (!web) return {};
  const out: Record<string, Service> = {};
  if (web.django) out.migrate = fromAppImage(plan, [...web.django.manage, 'migrate', '--noinput'], { disable: true });
  if (web.celery) {
    const depends = web.django ? { migrate: { condition: 'service_completed_successfully' } } : {};
    out.worker = fromAppImage(plan, web.celery.command, workerHealthcheck(web.celery.target), depends);
  }
  for (const s of web.services) out[s.name] = s.compose;
  return out;
}

/** The compose file as an object: serialised by the yaml library, never by string templates. */
export function composeModel(plan: BuildPlan): Record<string, unknown> {
  // Only app publishes the port: dev and app can run side by side; the dev container's
  // port is forwarded by the editor (devcontainer.json forwardPorts).
  const ports = plan.port === undefined ? {} : { ports: [{ target: plan.port, published: String(plan.port) }] };
  const volumes = (plan.web?.services ?? []).flatMap((s) => s.volumes);
  return {
    name: plan.name,
    services: {
      app: {
        build: build(plan, 'app'),
        image: `${plan.name}:local`,
        init: true,
        ...ports,
        ...runtimeWiring(plan, plan.web?.django ? { migrate: { condition: 'service_completed_successfully' } } : {}),
      },
      dev: {
        build: build(plan, 'dev', { DEV_UID: '${DEV_UID:-1000}', DEV_GID: '${DEV_GID:-1000}' }),
        image: `${plan.name}-dev:local`,
        init: true,
        volumes: [{ type: 'bind', source: '.', target: plan.workdir }],
        develop: {
          watch: plan.manager.dependencyFiles.map((path) => ({ action: 'rebuild', path })),
        },
        ...runtimeWiring(plan),
      },
      ...webServices(plan),
      builder: {
        build: build(plan, 'builder'),
        image: `${plan.name}-builder:local`,
        profiles: ['build'],
        command: [...plan.manager.toolCommand],
      },
    },
    ...(volumes.length > 0 ? { volumes: Object.fromEntries(volumes.map((v) => [v, {}])) } : {}),
  };
}

export function renderCompose(plan: BuildPlan, header: readonly string[]): string {
  const web = plan.web;
  const comments = [
    ...header,
    '#',
    ...(web
      ? [
          '# cp .env.example .env           once: the passwords and settings compose reads (never committed)',
          `# docker compose up --wait       the production image${web.services.length > 0 ? ` with ${web.services.map((s) => s.name).join(' and ')}` : ''}, healthy${web.django ? ', migrated' : ''}`,
        ]
      : []),
    '# docker compose up -d dev        the dev container (also used by .devcontainer/devcontainer.json)',
    ...(web ? [] : ['# docker compose run --rm app     the production image']),
    `# docker compose --profile build build builder   the ${plan.manager.displayName} toolchain stage alone`,
    `# The venv lives in the image at ${plan.venv}, outside the mounted ${plan.workdir}: no volume can go stale.`,
    plan.manager.devSync
      ? `# Each start of dev syncs it with the mounted ${plan.manager.lockName}; \`docker compose watch\` rebuilds on lock changes.`
      : `# \`docker compose watch\` rebuilds dev when ${plan.manager.lockName} changes.`,
  ];
  const body = stringify(composeModel(plan), { lineWidth: 0, aliasDuplicateObjects: false });
  return `${comments.join('\n')}\n${body}`;
}
