/**
 * README.Docker.md: how to build, run, develop and migrate the generated setup, the services,
 * and what each generated file is for. Written, stamped and owned like the other files.
 */
import type { BuildPlan } from '../plan.js';
import { GRACEFUL_SECONDS } from './servers.js';

function fence(...commands: string[]): string[] {
  return ['```sh', ...commands, '```'];
}

function runSection(plan: BuildPlan): string[] {
  const web = plan.web;
  const app = web?.app;
  const lines = ['## Run it', ''];
  if (web && web.envFile.length > 0) {
    lines.push('Once, copy the example settings and change the passwords in it (`.env` is git-ignored and never reaches an image):', '', ...fence('cp .env.example .env'), '');
  }
  lines.push(
    ...fence(
      'docker compose up --build --wait    # builds, starts and waits until every service is healthy',
      ...(app ? [`curl http://localhost:${app.port}${app.healthPath}`] : []),
      'docker compose logs -f app',
      'docker compose down                 # add -v to delete the volumes (the database too)',
    ),
    '',
  );
  if (app) {
    const start = [...(plan.start.entrypoint ?? []), ...(plan.start.cmd ?? [])].join(' ');
    lines.push(
      app.commandConfigured
        ? `The image starts \`${start}\` ([tool.pycrane] command).`
        : `The image starts \`${start}\` (exec form: the server is PID 1 under compose's init and gets \`docker stop\`'s ${app.stopSignal}; requests in flight get ${GRACEFUL_SECONDS} s).`,
      ...app.env.filter(([k]) => k !== 'DJANGO_SETTINGS_MODULE').map(([k, v]) => `Set \`${k}\` (default ${v}) for the number of server processes.`),
      `Its health check requests \`http://127.0.0.1:${app.port}${app.healthPath}\` with Python's urllib; change the path with \`health-path\` in [tool.pycrane].`,
      '',
    );
  }
  return lines;
}

function djangoSection(plan: BuildPlan): string[] {
  const django = plan.web?.django;
  if (!django) return [];
  const manage = django.manage.join(' ');
  return [
    '## Migrations and Django',
    '',
    `\`docker compose up\` runs the \`migrate\` service (\`${manage} migrate --noinput\`) to completion before \`app\` starts. Other management commands:`,
    '',
    ...fence(`docker compose run --rm migrate ${manage} createsuperuser`, `docker compose exec dev ${manage} makemigrations`),
    '',
    django.collectstatic
      ? '`collectstatic` runs while the image is built, with a throwaway SECRET_KEY and a SQLite URL set for that step only.'
      : 'The settings set no STATIC_ROOT, so the image runs no `collectstatic`.',
    'In production set `SECRET_KEY`, `ALLOWED_HOSTS` (your domain and 127.0.0.1, which the health check uses) and `DEBUG` off from the environment.',
    '',
  ];
}

function servicesSection(plan: BuildPlan): string[] {
  const web = plan.web;
  if (!web || (web.services.length === 0 && !web.celery)) return [];
  const rows = web.services.map((s) => `| \`${s.name}\` | \`${s.image}\` | ${s.urls.map(([v, url]) => `\`${v}=${url.replace(/\$\{POSTGRES_PASSWORD:\?[^}]*\}/, '${POSTGRES_PASSWORD}')}\``).join(', ')} | ${s.volumes.map((v) => `\`${v}\``).join(', ')} |`);
  if (web.celery) rows.push(`| \`worker\` | the app image | \`${web.celery.command.join(' ')}\` | |`);
  if (web.django) rows.push('| `migrate` | the app image | runs once before `app` | |');
  return ['## Services', '', '| service | image | what the app reads | data |', '| --- | --- | --- | --- |', ...rows, '', 'Each waits for the services it needs to be healthy (`depends_on: condition: service_healthy`).', ''];
}

function developSection(plan: BuildPlan): string[] {
  return [
    '## Develop',
    '',
    ...fence('docker compose up -d dev            # the dev container, with the same services', 'docker compose exec dev bash', 'pycrane dev                          # the same, as your user'),
    '',
    `Or open the folder in VS Code and choose "Reopen in Container" (.devcontainer/devcontainer.json). The project is mounted at \`${plan.workdir}\`; the venv is \`${plan.venv}\`, in the image.`,
    '',
  ];
}

function filesSection(plan: BuildPlan): string[] {
  const rows: [string, string][] = [
    ['Dockerfile', `stages: builder (${plan.manager.displayName}), app-pre (the locked dependencies), dev, app (the production image, last)`],
    ['compose.yaml', 'app, dev and the services, wired together'],
    ['.devcontainer/devcontainer.json', 'the dev container for VS Code and the devcontainer CLI'],
    ['.dockerignore', 'keeps .git, local venvs, caches and secrets (.env) out of the build'],
  ];
  if (plan.web && plan.web.envFile.length > 0) rows.push(['.env.example', 'the variables compose reads, with placeholders: copy it to .env']);
  rows.push(['README.Docker.md', 'this file']);
  return [
    '## The files',
    '',
    '| file | what it is for |',
    '| --- | --- |',
    ...rows.map(([f, what]) => `| \`${f}\` | ${what} |`),
    '',
    `pycrane wrote them; change the setup in ${plan.configFile === 'pyproject.toml' ? '[tool.pycrane] of pyproject.toml' : 'pycrane.toml'} and run \`pycrane init\` again. A file you edit is yours: pycrane leaves it alone.`,
  ];
}

export function renderReadmeDocker(plan: BuildPlan, header: readonly string[]): string {
  const lines = [
    ...header,
    '',
    `# ${plan.name}: containers`,
    '',
    '## Build',
    '',
    ...fence(`docker buildx build${plan.buildNetwork ? ` --network ${plan.buildNetwork}` : ''} --target app -t ${plan.name} .`, 'pycrane build                        # the same, tagged with the version and commit'),
    '',
    ...runSection(plan),
    ...djangoSection(plan),
    ...servicesSection(plan),
    ...developSection(plan),
    ...filesSection(plan),
  ];
  return `${lines.join('\n')}\n`;
}
