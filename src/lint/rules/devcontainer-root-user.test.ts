import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerRootUser } from './devcontainer-root-user.js';

const compose = 'services:\n  dev:\n    build:\n      context: .\n      target: dev\n    command: sleep infinity\n    volumes:\n      - .:/app\n';
const rootDev = 'FROM python:3.12-slim AS base\nFROM base AS dev\nRUN pip install ruff\n';
const userDev = 'FROM python:3.12-slim AS base\nFROM base AS dev\nRUN useradd -m dev\nUSER dev\n';
const dc = (extra: string) => `{\n  "dockerComposeFile": ["../compose.yaml"],\n  "service": "dev",\n  "workspaceFolder": "/app"${extra}\n}\n`;

ruleTester(devcontainerRootUser, {
  valid: [
    { name: 'non-root remoteUser', code: dc(',\n  "remoteUser": "dev"'), files: { compose, dockerfile: rootDev } },
    { name: 'unset, stage has USER dev', code: dc(''), files: { compose, dockerfile: userDev } },
    { name: 'devcontainers images choose vscode through their metadata', code: '{\n  "image": "mcr.microsoft.com/devcontainers/python:3.12"\n}\n' },
    { name: 'unknown image', code: '{\n  "image": "ghcr.io/acme/dev:1"\n}\n' },
    { name: 'workspace in a volume, not a bind mount', code: '{\n  "image": "python:3.12",\n  "remoteUser": "root",\n  "workspaceMount": "source=ws,target=/ws,type=volume",\n  "workspaceFolder": "/ws"\n}\n' },
    { name: 'compose service without a bind mount', code: dc(',\n  "remoteUser": "root"'), files: { compose: 'services:\n  dev:\n    image: python:3.12\n    command: sleep infinity\n' } },
    { name: 'compose file not the one checked', code: '{\n  "dockerComposeFile": "docker-compose.yml",\n  "service": "dev",\n  "workspaceFolder": "/app",\n  "remoteUser": "root"\n}\n', files: { compose } },
    { name: 'containerUser non-root', code: '{\n  "image": "python:3.12",\n  "containerUser": "1000"\n}\n' },
  ],
  invalid: [
    { name: 'explicit root', code: dc(',\n  "remoteUser": "root"'), files: { compose, dockerfile: userDev }, errors: [{ messageId: 'explicit', line: 5, column: 17, endLine: 5, endColumn: 23 }] },
    { name: 'unset, the dev stage runs as root', code: dc(''), files: { compose, dockerfile: rootDev }, errors: [{ messageId: 'implicit', line: 3, column: 14, endLine: 3, endColumn: 19 }] },
    { name: 'image-based python image', code: '{\n  // comment\n  "image": "python:3.12-slim",\n}\n', errors: [{ messageId: 'implicit', line: 3, column: 12, endLine: 3, endColumn: 30 }] },
    {
      name: 'Dockerfile-based, relative to .devcontainer',
      code: '{\n  "build": { "dockerfile": "../Dockerfile", "context": ".." }\n}\n',
      files: { dockerfile: rootDev },
      errors: [{ messageId: 'implicit', line: 2, column: 12, endLine: 2, endColumn: 62 }],
    },
    { name: 'containerUser root', code: '{\n  "image": "ghcr.io/acme/dev:1",\n  "containerUser": "root"\n}\n', errors: [{ messageId: 'explicit', line: 3, column: 20, endLine: 3, endColumn: 26 }] },
  ],
});
