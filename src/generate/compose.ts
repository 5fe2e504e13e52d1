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

/** The compose file as an object: serialised by the yaml library, never by string templates. */
export function composeModel(plan: BuildPlan): Record<string, unknown> {
  // Only app publishes the port: dev and app can run side by side; the dev container's
  // port is forwarded by the editor (devcontainer.json forwardPorts).
  const ports = plan.port === undefined ? {} : { ports: [{ target: plan.port, published: String(plan.port) }] };
  return {
    name: plan.name,
    services: {
      app: {
        build: build(plan, 'app'),
        image: `${plan.name}:local`,
        init: true,
        ...ports,
      },
      dev: {
        build: build(plan, 'dev', { DEV_UID: '${DEV_UID:-1000}', DEV_GID: '${DEV_GID:-1000}' }),
        image: `${plan.name}-dev:local`,
        init: true,
        volumes: [{ type: 'bind', source: '.', target: plan.workdir }],
        develop: {
          watch: plan.manager.dependencyFiles.map((path) => ({ action: 'rebuild', path })),
        },
      },
      builder: {
        build: build(plan, 'builder'),
        image: `${plan.name}-builder:local`,
        profiles: ['build'],
        command: [...plan.manager.toolCommand],
      },
    },
  };
}

export function renderCompose(plan: BuildPlan, header: readonly string[]): string {
  const comments = [
    ...header,
    '#',
    '# docker compose up -d dev        the dev container (also used by .devcontainer/devcontainer.json)',
    '# docker compose run --rm app     the production image',
    `# docker compose --profile build build builder   the ${plan.manager.displayName} toolchain stage alone`,
    `# The venv lives in the image at ${plan.venv}, outside the mounted ${plan.workdir}: no volume can go stale.`,
    plan.manager.devSync
      ? `# Each start of dev syncs it with the mounted ${plan.manager.lockName}; \`docker compose watch\` rebuilds on lock changes.`
      : `# \`docker compose watch\` rebuilds dev when ${plan.manager.lockName} changes.`,
  ];
  const body = stringify(composeModel(plan), { lineWidth: 0, aliasDuplicateObjects: false });
  return `${comments.join('\n')}\n${body}`;
}
