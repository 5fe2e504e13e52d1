import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCheckConfig } from '../config.js';
import { lint } from '../engine.js';
import { ruleTester } from '../testing/rule-tester.js';
import { platformSpecificBuild } from './platform-specific-build.js';

/** What `pycrane init` writes (test/golden/<example>/expected/Dockerfile): platform-neutral by design. */
const goldenDir = path.join(import.meta.dirname, '../../../test/golden');
/** Every expected Dockerfile under test/golden, the web scenarios one folder deeper (test/golden/web/<scenario>/expected). */
const goldenDockerfiles = (dir: string, prefix = ''): { name: string; code: string }[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const file = path.join(dir, e.name, 'expected', 'Dockerfile');
      return existsSync(file) ? [{ name: `pycrane init: ${prefix}${e.name}`, code: readFileSync(file, 'utf8') }] : goldenDockerfiles(path.join(dir, e.name), `${prefix}${e.name}/`);
    });
const golden = goldenDockerfiles(goldenDir);

const runtime = 'FROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\nCMD ["/opt/venv/bin/app"]\n';

ruleTester(platformSpecificBuild, {
  valid: [
    ...golden,
    'FROM python:3.12-slim\nCMD ["python", "-m", "app"]\n',
    'FROM --platform=$TARGETPLATFORM python:3.12-slim\n',
    { name: 'the platform from an ARG', code: 'ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM python:3.12-slim\n' },
    { name: 'a Go binary cross-compiled on the build machine', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS gobuild\nARG TARGETOS\nARG TARGETARCH\nRUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/healthz ./cmd/healthz\nFROM python:3.12-slim\nCOPY --from=gobuild /out/healthz /usr/local/bin/healthz\n' },
    { name: 'a Node front-end bundle built on the build machine', code: 'FROM --platform=${BUILDPLATFORM} node:20-slim AS web\nWORKDIR /web\nRUN npm ci && npm run build\nFROM python:3.12-slim\nCOPY --from=web /web/dist /app/static\n' },
    { name: 'a requirements export on the build machine', code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS export\nRUN pip install poetry==1.8.3 poetry-plugin-export==1.8.0 && poetry export -o /requirements.txt\nFROM python:3.12-slim AS build\nCOPY --from=export /requirements.txt /requirements.txt\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r /requirements.txt\n' + runtime },
    { name: 'a docs site built on the build machine', code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS docs\nRUN pip install mkdocs==1.6.0 && mkdocs build -d /site\nFROM nginx:1.27\nCOPY --from=docs /site /usr/share/nginx/html\n' },
    { name: 'the project\'s own wheel built on the build machine', code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS wheel\nCOPY . /src\nRUN pip wheel --no-deps -w /dist /src\nFROM python:3.12-slim\nCOPY --from=wheel /dist /dist\nRUN pip install /dist/*.whl\n' },
    {
      name: 'a cross install for $TARGETARCH on the build machine',
      code: 'FROM --platform=$BUILDPLATFORM python:3.13-slim AS build\nARG TARGETARCH\nCOPY --from=ghcr.io/astral-sh/uv:0.9.14 /uv /bin/uv\nRUN case "$TARGETARCH" in amd64) p=x86_64-manylinux_2_28 ;; arm64) p=aarch64-manylinux_2_28 ;; esac \\\n && uv export --frozen --no-dev -o /tmp/req.txt \\\n && uv pip install --no-build --python-platform "$p" --python-version 3.13 --target /site -r /tmp/req.txt\nFROM python:3.13-slim\nCOPY --from=build /site /site\nENV PYTHONPATH=/site\n',
    },
    { name: 'ARG TARGETARCH picks the download', code: 'FROM python:3.12-slim\nARG TARGETARCH\nRUN curl -fsSL "https://example.com/releases/v1.2.0/tool-${TARGETARCH}.tar.gz" | tar -xz -C /usr/local/bin\n' },
    { name: 'uname -m picks the download', code: 'FROM python:3.12-slim\nRUN if [ "$(uname -m)" = x86_64 ]; then curl -fsSLO https://example.com/tool-x86_64.tgz; fi\n' },
    { name: 'dpkg picks the download', code: 'FROM python:3.12-slim\nRUN arch="$(dpkg --print-architecture)" && wget -q "https://example.com/tool_${arch}.deb"\n' },
    { name: 'a case over both architectures', code: 'FROM python:3.12-slim\nRUN case "$ARCH" in amd64) curl -fsSLO https://example.com/a-amd64 ;; arm64) curl -fsSLO https://example.com/a-arm64 ;; esac\n' },
    { name: 'the variable set by the script itself', code: 'FROM python:3.12-slim\nRUN TARGETARCH="$(dpkg --print-architecture)" && curl -fsSLO "https://example.com/tool-$TARGETARCH"\n' },
    {
      name: 'Docker\'s pattern: stages named for their platform',
      code: 'FROM --platform=linux/amd64 debian:bookworm-slim AS tools_amd64\nRUN curl -fsSLO https://example.com/tool-x86_64.tgz\nFROM --platform=linux/arm64 debian:bookworm-slim AS tools_arm64\nRUN curl -fsSLO https://example.com/tool-aarch64.tgz\nFROM tools_${TARGETARCH} AS tools\nFROM python:3.12-slim\nCOPY --from=tools /tool /usr/local/bin/tool\n',
    },
    { name: 'declared in another stage: arg-out-of-scope reports it', code: 'FROM python:3.12-slim AS a\nARG TARGETARCH\nFROM python:3.12-slim\nRUN echo "$TARGETARCH"\n' },
    { name: 'TARGETARCH declared in the base stage (BuildKit hands ARGs down)', code: 'FROM python:3.12-slim AS base\nARG TARGETARCH\nFROM base AS app\nRUN echo "${TARGETARCH:-amd64}"\n' },
    { name: 'automatic ARGs in FROM need no declaration', code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS export\nRUN echo ok > /ok\nFROM python:3.12-slim\nCOPY --from=export /ok /ok\n' },
    { name: 'a pure-Python tool installed on the build machine, not copied', code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS lint\nRUN pip install ruff==0.6.0 && ruff check /src\nFROM python:3.12-slim\nCOPY . /app\n' },
    { name: 'a default in a stage named for its platform', code: 'FROM --platform=linux/arm64 golang:1.22 AS build_arm64\nARG TARGETARCH=arm64\nRUN GOARCH=$TARGETARCH go build -o /out/app .\n' },
    { name: 'an architecture outside a download', code: 'FROM python:3.12-slim\nRUN dpkg --add-architecture arm64 && echo "deb [arch=amd64] http://deb.example.com stable main" > /etc/apt/sources.list.d/x.list\n' },
    { name: 'a comment', code: 'FROM python:3.12-slim\n# RUN wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh\nRUN echo ok\n' },
  ],
  invalid: [
    { name: 'runtime pinned', code: 'FROM --platform=linux/amd64 python:3.12-slim\nCMD ["python", "-m", "app"]\n', errors: [{ messageId: 'pinnedRuntime', line: 1, column: 17, endLine: 1, endColumn: 28 }] },
    { name: 'runtime pinned, quoted', code: 'FROM --platform="linux/arm64" python:3.12-slim AS app\n', errors: [{ messageId: 'pinnedRuntime', line: 1, column: 17, endLine: 1, endColumn: 30 }] },
    { name: 'runtime pinned through its base stage', code: 'FROM --platform=linux/amd64 python:3.12-slim AS base\nFROM base AS app\n', errors: [{ messageId: 'pinnedRuntime', line: 1, column: 17, endLine: 1, endColumn: 28 }] },
    {
      name: 'a build stage pinned',
      code: 'FROM --platform=linux/amd64 python:3.12 AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install -r requirements.txt\n' + runtime,
      errors: [{ messageId: 'pinnedStage', line: 1, column: 17, endLine: 1, endColumn: 28 }],
    },
    { name: 'an arch-only official image', code: 'FROM amd64/python:3.12-slim\nCMD ["python"]\n', errors: [{ messageId: 'archImage', line: 1, column: 6, endLine: 1, endColumn: 11 }] },
    { name: 'an arch-only official image, build stage', code: 'FROM docker.io/arm64v8/python:3.12 AS build\nRUN echo hi\nFROM python:3.12-slim\n', errors: [{ messageId: 'archImage', line: 1, column: 16, endLine: 1, endColumn: 23 }] },
    {
      name: 'the runtime stage on the build machine',
      code: 'FROM --platform=$BUILDPLATFORM python:3.10-alpine AS builder\nWORKDIR /app\nRUN pip3 install -r requirements.txt\nCMD ["python3", "app.py"]\n',
      errors: [{ messageId: 'buildPlatformRuntime', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    { name: 'the runtime built FROM a stage on the build machine', code: 'FROM --platform=${BUILDPLATFORM} python:3.12 AS base\nFROM base AS app\nCOPY . /app\n', errors: [{ messageId: 'buildPlatformRuntime', line: 1, column: 17, endLine: 1, endColumn: 33 }] },
    {
      name: 'a venv built on the build machine and copied',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\n' + runtime,
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'system site-packages copied',
      code: 'FROM --platform=$BUILDPLATFORM python:3.9-slim AS builder\nRUN pip install --no-cache-dir -r requirements.txt\nFROM python:3.9-slim\nCOPY --from=builder /usr/local/lib/python3.9/site-packages /usr/local/lib/python3.9/site-packages\n',
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'a COPY source glob of 1,000 stars against an install folder of 200,000 letters',
      code: `FROM --platform=$BUILDPLATFORM python:3.12-slim AS builder\nRUN pip install --target /opt/${'a'.repeat(200_000)} -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=builder /opt/${'*a'.repeat(1_000)}*b /x\nCOPY --from=builder /opt/*a*a /y\n`,
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'poetry in a stage built FROM the build-machine stage',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS base\nRUN pip install poetry==1.8.3\nFROM base AS build\nENV POETRY_VIRTUALENVS_IN_PROJECT=1\nWORKDIR /app\nRUN poetry install --only main --no-root\nFROM python:3.12-slim AS app\nCOPY --from=build /app/.venv /app/.venv\n',
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'wheels built on the build machine, installed in the runtime',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS wheels\nRUN pip wheel -r requirements.txt -w /wheels\nFROM python:3.12-slim\nCOPY --from=wheels /wheels /wheels\nRUN pip install --no-index /wheels/*.whl\n',
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'wheels mounted from the build machine',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS wheels\nRUN pip wheel --wheel-dir=/wheels -r requirements.txt\nFROM python:3.12-slim\nRUN --mount=type=bind,from=wheels,source=/wheels,target=/w pip install --no-index /w/*.whl\n',
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    {
      name: 'two hops: through a target-platform stage',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\nRUN pip install --prefix=/install -r requirements.txt\nFROM python:3.12-slim AS mid\nCOPY --from=build /install /usr/local\nFROM python:3.12-slim AS app\nCOPY --from=mid /usr/local /usr/local\n',
      errors: [{ messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
    { name: 'Miniconda for x86_64', code: 'FROM debian:bookworm-slim\nRUN wget -q https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh -O /tmp/conda.sh && bash /tmp/conda.sh -b -p /opt/conda\n', errors: [{ messageId: 'archInDownload', line: 2, column: 73, endLine: 2, endColumn: 79 }] },
    { name: 'micromamba for linux-64', code: 'FROM debian:bookworm-slim\nRUN curl -Ls "https://micro.mamba.pm/api/micromamba/linux-64/latest" | tar -xvj bin/micromamba\n', errors: [{ messageId: 'archInDownload', line: 2, column: 53, endLine: 2, endColumn: 61 }] },
    { name: 'ADD of tini-amd64', code: 'FROM python:3.12-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64 /tini\n', errors: [{ messageId: 'archInDownload', line: 2, column: 68, endLine: 2, endColumn: 73 }] },
    { name: 'a wheel URL for x86_64', code: 'FROM python:3.12-slim\nRUN pip install https://example.com/wheels/fastpkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl\n', errors: [{ messageId: 'archInDownload', line: 2, column: 83, endLine: 2, endColumn: 89 }] },
    {
      name: 'pip --platform for one architecture',
      code: 'FROM python:3.12-slim\nRUN pip install --platform manylinux2014_x86_64 --only-binary=:all: --target /deps -r requirements.txt\n',
      errors: [{ messageId: 'pipPlatform', line: 2, column: 42, endLine: 2, endColumn: 48 }],
    },
    {
      name: 'pip --platform=... of 200,000 = and a line break',
      code: `FROM python:3.12-slim\nRUN pip install --platform=manylinux2014_x86_64${'='.repeat(200_000)}\u2028 --only-binary=:all: --target /deps -r requirements.txt\n`,
      errors: [{ messageId: 'pipPlatform', line: 2, column: 42, endLine: 2, endColumn: 48 }],
    },
    {
      name: 'pip download --platform=..., and uv --python-platform',
      code: 'FROM python:3.12-slim\nRUN pip download --platform=manylinux2014_aarch64 --only-binary=:all: -d /wheels -r requirements.txt\nRUN uv pip install --python-platform x86_64-manylinux_2_28 --target /site -r requirements.txt\n',
      errors: [
        { messageId: 'pipPlatform', line: 2, column: 43, endLine: 2, endColumn: 50 },
        { messageId: 'pipPlatform', line: 3, column: 38, endLine: 3, endColumn: 44 },
      ],
    },
    {
      name: 'a pinned stage: the pin is reported, not its downloads',
      code: 'FROM --platform=linux/amd64 debian:bookworm-slim AS tools\nRUN curl -fsSLO https://example.com/tool-x86_64.tgz\nFROM python:3.12-slim\nCOPY --from=tools /tool /usr/local/bin/tool\n',
      errors: [{ messageId: 'pinnedStage', line: 1, column: 17, endLine: 1, endColumn: 28 }],
    },
    {
      name: 'a download on the build machine',
      code: 'FROM --platform=$BUILDPLATFORM debian:bookworm-slim AS gen\nRUN curl -fsSLO https://github.com/protocolbuffers/protobuf/releases/download/v27.0/protoc-27.0-linux-x86_64.zip\nFROM python:3.12-slim\nCOPY --from=gen /out /app/gen\n',
      errors: [{ messageId: 'archInDownload', line: 2, column: 103, endLine: 2, endColumn: 109 }],
    },
    {
      name: 'a default replaces the automatic value (TARGETOS=linux is what Linux platforms say anyway)',
      code: 'ARG TARGETPLATFORM=linux/amd64\nFROM --platform=$BUILDPLATFORM golang:1.22 AS gobuild\nARG TARGETOS=linux\nARG TARGETARCH="amd64"\nARG TARGETVARIANT=\nRUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=gobuild /out/app /app\n',
      errors: [
        { messageId: 'platformArgDefault', line: 1, column: 20, endLine: 1, endColumn: 31 },
        { messageId: 'platformArgDefault', line: 4, column: 16, endLine: 4, endColumn: 23 },
        { messageId: 'platformArgDefault', line: 5, column: 5, endLine: 5, endColumn: 19 },
      ],
    },
    {
      name: 'TARGETARCH never declared',
      code: 'FROM python:3.12-slim\nRUN curl -fsSLo /usr/local/bin/tini "https://github.com/krallin/tini/releases/download/v0.19.0/tini-${TARGETARCH}"\n',
      errors: [{ messageId: 'undeclaredArg', line: 2, column: 101, endLine: 2, endColumn: 114 }],
    },
    { name: 'TARGETPLATFORM in ENV', code: 'FROM python:3.12-slim\nENV PLATFORM=$TARGETPLATFORM\n', errors: [{ messageId: 'undeclaredArg', line: 2, column: 14, endLine: 2, endColumn: 29 }] },
    { name: 'a default hides the missing ARG', code: 'FROM python:3.12-slim AS a\nARG TARGETARCH\nFROM python:3.12-slim\nRUN echo "${TARGETARCH:-amd64}"\n', errors: [{ messageId: 'undeclaredArg', line: 4, column: 11, endLine: 4, endColumn: 31 }] },
    {
      name: 'the docs example: wheels and a download',
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\nFROM python:3.12-slim AS app\nRUN curl -fsSL -o /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64\nCOPY --from=build /opt/venv /opt/venv\n',
      errors: [
        { messageId: 'buildPlatformInstall', line: 1, column: 17, endLine: 1, endColumn: 31 },
        { messageId: 'archInDownload', line: 4, column: 102, endLine: 4, endColumn: 107 },
      ],
    },
  ],
});

describe('PC504 on a Dockerfile named for one architecture', () => {
  const text = 'FROM arm64v8/python:3.12-slim\nRUN curl -fsSLO https://example.com/tool-aarch64.tgz\nRUN echo "$TARGETARCH"\n';
  const ids = (file: string) => lint({ dockerfile: { path: file, text } }, defaultCheckConfig, [platformSpecificBuild]).diagnostics.map((d) => d.messageId);
  it('leaves its pins and downloads alone, but not an undeclared ARG', () => {
    expect(ids('docker/Dockerfile.aarch64')).toEqual(['undeclaredArg']);
    expect(ids('arm64v8.Dockerfile')).toEqual(['undeclaredArg']);
  });
  it('reports them in a plain Dockerfile', () => {
    expect(ids('docker/Dockerfile')).toEqual(['archImage', 'undeclaredArg']);
  });
});
