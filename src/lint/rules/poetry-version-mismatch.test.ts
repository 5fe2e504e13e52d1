import { ruleTester } from '../testing/rule-tester.js';
import { poetryVersionMismatch } from './poetry-version-mismatch.js';

const lock2 = { lockGenerator: 'Poetry 2.1.2' };
const uv = { manager: 'uv', toolVersion: '0.9.14' } as const;
ruleTester(poetryVersionMismatch, {
  valid: [
    { code: 'FROM python:3.12\nARG POETRY_VERSION=2.1.2\n', facts: lock2 },
    { code: 'FROM python:3.12\nARG POETRY_VERSION=1.8.3\n' },
    { code: 'FROM python:3.12\nRUN pipx install poetry==2.0.1\n', facts: lock2 },
    { code: 'FROM python:3.12\nARG POETRY_VERSION\nENV POETRY_VERSION=$POETRY_VERSION\n', facts: lock2 },
    { name: 'a uv tag of 200,000 colons and a slash has no version', code: `FROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv${':'.repeat(200_000)}/x /uv /bin/\n`, facts: uv },
    { name: 'uv at the stated version, on a registry with a port', code: 'FROM python:3.13-slim\nCOPY --from=localhost:5000/astral-sh/uv:0.9.14@sha256:abc /uv /bin/\n', facts: uv },
    { name: 'uv at the stated version', code: 'FROM python:3.13-slim AS builder\nCOPY --from=ghcr.io/astral-sh/uv:0.9.14 /uv /uvx /bin/\n', facts: uv },
    { name: 'a uv tag of the release line', code: 'FROM ghcr.io/astral-sh/uv:0.9 AS uv\nFROM python:3.13-slim\nCOPY --from=uv /uv /bin/\n', facts: uv },
    { name: 'uv image tag without a version', code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\n', facts: uv },
    { name: 'pycrane\'s default uv, not stated by the project', code: 'FROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4.30 /uv /bin/\n', facts: { manager: 'uv' } },
    { name: 'PDM at the stated version', code: 'FROM python:3.13-slim\nARG PDM_VERSION=2.20.1\nRUN pip install "pipx==1.7.1" && pipx install "pdm==${PDM_VERSION}"\n', facts: { manager: 'pdm', toolVersion: '2.20.1' } },
    { name: 'another tool\'s version is not compared', code: 'FROM python:3.13-slim\nARG PIPENV_VERSION=2024.4.0\n', facts: { manager: 'pdm', toolVersion: '2.20.1' } },
    { name: 'pip-tools pinned in the builder', code: 'FROM python:3.13-slim\nRUN pipx install pip-tools==7.5.2\n', facts: { manager: 'pip-tools', toolVersion: '7.5.2' } },
  ],
  invalid: [
    { code: 'FROM python:3.12\nARG POETRY_VERSION=1.5.1\n', facts: lock2, errors: [{ messageId: 'major', line: 2, column: 20, endLine: 2, endColumn: 25 }] },
    { code: 'FROM python:3.12\nRUN pip install "poetry==1.8.3"\n', facts: lock2, errors: [{ messageId: 'major', line: 2, column: 17, endLine: 2, endColumn: 32 }] },
    { code: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | POETRY_VERSION=2.1.2 python3 -\n', facts: { lockGenerator: 'Poetry 1.8.3' }, errors: [{ messageId: 'major', line: 2, column: 51, endLine: 2, endColumn: 71 }] },
    { name: 'uv copied from another version', code: 'FROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /uvx /bin/\n', facts: uv, errors: [{ messageId: 'tool', line: 2, column: 6, endLine: 2, endColumn: 39 }] },
    { name: 'uv stage alias at another version', code: 'FROM ghcr.io/astral-sh/uv:0.8.3 AS uv\nFROM python:3.13-slim\nCOPY --from=uv /uv /bin/\n', facts: uv, errors: [{ messageId: 'tool', line: 1, column: 27, endLine: 1, endColumn: 32 }] },
    { name: 'uv installer script and ARG', code: 'FROM python:3.13-slim\nARG UV_VERSION=0.9.1\nRUN curl -LsSf https://astral.sh/uv/0.8.0/install.sh | sh\n', facts: uv, errors: [{ messageId: 'tool', line: 2, column: 16, endLine: 2, endColumn: 21 }, { messageId: 'tool', line: 3, column: 16, endLine: 3, endColumn: 53 }] },
    { name: 'PDM at another version', code: 'FROM python:3.13-slim\nARG PDM_VERSION=2.19.0\n', facts: { manager: 'pdm', toolVersion: '2.20.1' }, errors: [{ messageId: 'tool', line: 2, column: 17, endLine: 2, endColumn: 23 }] },
    { name: 'pipenv pinned by pip', code: 'FROM python:3.13-slim\nRUN pip install pipenv==2023.12.1\n', facts: { manager: 'pipenv', toolVersion: '2024.4.0' }, errors: [{ messageId: 'tool', line: 2, column: 17, endLine: 2, endColumn: 34 }] },
    { name: 'pip-tools by ENV', code: 'FROM python:3.13-slim\nENV PIP_TOOLS_VERSION=6.14.0\n', facts: { manager: 'pip-tools', toolVersion: '7.5.2' }, errors: [{ messageId: 'tool', line: 2, column: 23, endLine: 2, endColumn: 29 }] },
  ],
});
