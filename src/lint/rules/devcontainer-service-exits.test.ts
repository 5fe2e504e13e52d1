import { describe, expect, it } from 'vitest';
import { ruleTester } from '../testing/rule-tester.js';
import { devcontainerServiceExits, exitsAtOnce } from './devcontainer-service-exits.js';

const dc = (extra = '') => `{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app"${extra}\n}\n`;
const built = (cmd = '') => `FROM python:3.12-slim AS base\nFROM base AS dev\nRUN pip install ruff\n${cmd}`;
const svc = (extra: string) => `services:\n  dev:\n    build:\n      context: .\n      target: dev\n${extra}`;

ruleTester(devcontainerServiceExits, {
  valid: [
    { name: 'sleep infinity in compose', code: dc(), files: { compose: svc('    command: sleep infinity\n'), dockerfile: built() } },
    { name: 'overrideCommand', code: dc(',\n  "overrideCommand": true'), files: { compose: svc(''), dockerfile: built() } },
    { name: 'CMD of the stage keeps running', code: dc(), files: { compose: svc(''), dockerfile: built('CMD ["sh", "-c", "poetry sync || true; exec sleep infinity"]\n') } },
    { name: 'a server', code: dc(), files: { compose: 'services:\n  dev:\n    image: python:3.12\n    command: ["uvicorn", "app:app", "--reload"]\n' } },
    { name: 'tty keeps a shell alive', code: dc(), files: { compose: 'services:\n  dev:\n    image: python:3.12\n    tty: true\n' } },
    { name: 'unknown image', code: dc(), files: { compose: 'services:\n  dev:\n    image: ghcr.io/acme/dev\n' } },
    { name: 'override file may set the command', code: '{ "dockerComposeFile": ["../compose.yaml", "compose.dev.yaml"], "service": "dev", "workspaceFolder": "/app" }', files: { compose: svc(''), dockerfile: built() } },
    { name: 'Dockerfile not checked', code: dc(), files: { compose: svc('') } },
  ],
  invalid: [
    { name: 'inherits python3 from the base image', code: dc(), files: { compose: svc(''), dockerfile: built() }, errors: [{ messageId: 'exits', line: 3, column: 14, endLine: 3, endColumn: 19 }] },
    { name: 'image only', code: dc(), files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n' }, errors: [{ messageId: 'exits', line: 3, column: 14, endLine: 3, endColumn: 19 }] },
    { name: 'command: bash', code: dc(), files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    command: bash\n' }, errors: [{ messageId: 'exits', line: 3, column: 14, endLine: 3, endColumn: 19 }] },
    { name: 'the seed app stage CMD', code: dc(), files: { compose: svc(''), dockerfile: built('ENTRYPOINT ["python"]\nCMD ["--version"]\n') }, errors: [{ messageId: 'exits', line: 3, column: 14, endLine: 3, endColumn: 19 }] },
  ],
});

describe('exitsAtOnce', () => {
  it('knows short and long commands', () => {
    expect(exitsAtOnce(['python'])).toBeDefined();
    expect(exitsAtOnce(['/bin/bash', '-l'])).toBeDefined();
    expect(exitsAtOnce(['poetry', '--version'])).toBeDefined();
    expect(exitsAtOnce(['sleep', 'infinity'])).toBeUndefined();
    expect(exitsAtOnce(['python', 'manage.py', 'runserver'])).toBeUndefined();
    expect(exitsAtOnce(['bash', '-c', 'while sleep 1000; do :; done'])).toBeUndefined();
    expect(exitsAtOnce(['tail', '-f', '/dev/null'])).toBeUndefined();
  });
});
