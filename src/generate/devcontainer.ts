import type { BuildPlan } from './plan.js';

export function devcontainerModel(plan: BuildPlan): Record<string, unknown> {
  const venvOwner = `[ "$(stat -c %u ${plan.venv})" = "$(id -u)" ] || sudo chown -R "$(id -u):$(id -g)" ${plan.venv}`;
  return {
    name: plan.name,
    dockerComposeFile: ['../compose.yaml'],
    service: 'dev',
    runServices: ['dev'],
    workspaceFolder: plan.workdir,
    shutdownAction: 'stopCompose',
    remoteUser: plan.devUser.name,
    updateRemoteUserUID: true,
    ...(plan.port === undefined ? {} : { forwardPorts: [plan.port] }),
    // updateRemoteUserUID changes the user's UID to the host's: give the venv to that UID too.
    postCreateCommand: `${venvOwner} && git config --global --add safe.directory ${plan.workdir}`,
    customizations: {
      vscode: {
        extensions: ['ms-python.python'],
        settings: {
          'python.defaultInterpreterPath': `${plan.venv}/bin/python`,
          'python.terminal.activateEnvironment': false,
        },
      },
    },
  };
}

export function renderDevcontainer(plan: BuildPlan, header: readonly string[]): string {
  return `${header.join('\n')}\n${JSON.stringify(devcontainerModel(plan), null, 2)}\n`;
}
