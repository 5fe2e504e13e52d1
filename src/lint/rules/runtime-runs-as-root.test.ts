import { describe, expect, it } from 'vitest';
import { defaultCheckConfig } from '../config.js';
import { lint } from '../engine.js';
import { ruleTester } from '../testing/rule-tester.js';
import type { BaseImageConfig } from '../types.js';
import { runtimeRunsAsRoot } from './runtime-runs-as-root.js';

const noUser = (line = 1) => ({ messageId: 'noUser', line, column: 1, endLine: line, endColumn: 5 });

ruleTester(runtimeRunsAsRoot, {
  valid: [
    'FROM python:3.12\nUSER 10001\n',
    'FROM dhi.io/python:3.13\nCOPY . /app\nCMD ["python", "-m", "app"]\n',
    'FROM cgr.dev/chainguard/python:latest\nCMD ["python"]\n',
    { name: 'a Chainguard -dev variant runs as nonroot too', code: 'FROM cgr.dev/chainguard/python:latest-dev\nCMD ["python"]\n' },
    'FROM python:3.12 AS base\nUSER app\nFROM base AS app\nCMD ["app"]\n',
    'FROM python:3.12 AS app\nUSER 1000\nFROM python:3.12 AS dev\nUSER root\n',
    'FROM gcr.io/distroless/python3-debian12:nonroot\nCMD ["app.py"]\n',
    'FROM gcr.io/distroless/python3-debian12:debug-nonroot\nCMD ["app.py"]\n',
    'FROM python:3.12\nENTRYPOINT ["gosu", "app", "python"]\n',
    'ARG UID\nFROM python:3.12\nARG UID\nUSER $UID\n',
    { name: 'a base that is an unset ARG', code: 'ARG BASE\nFROM ${BASE}\nCMD ["app"]\n' },
    { name: 'distroless with its tag in an unset ARG may be :nonroot', code: 'ARG TAG\nFROM gcr.io/distroless/python3-debian12:${TAG}\nCMD ["app.py"]\n' },
    { name: 'jupyter stacks run as jovyan', code: 'FROM jupyter/scipy-notebook:2024-01-01\nCOPY . /home/jovyan/work\n' },
    { name: 'quay.io jupyter', code: 'FROM quay.io/jupyter/base-notebook:latest\nRUN pip install x==1\n' },
    { name: 'micromamba runs as mambauser', code: 'FROM mambaorg/micromamba:1.5.8\nCOPY env.yml /tmp/env.yml\n' },
    { name: 'airflow', code: 'FROM apache/airflow:2.9.0\nCOPY dags /opt/airflow/dags\n' },
    { name: 'docker.io/library prefix on a nonroot image', code: 'FROM docker.io/nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html\n' },
    { name: 'S2I python', code: 'FROM registry.access.redhat.com/ubi9/python-311:latest\nCOPY . /tmp/src\n' },
    { name: 'a name that says rootless', code: 'FROM example.com/team/python-rootless:3.12\nCMD ["app"]\n' },
    { name: 'postgres keeps its entrypoint, which drops to postgres', code: 'FROM postgres:17\nCOPY init.sql /docker-entrypoint-initdb.d/\n' },
    { name: 'postgres with its own entrypoint kept', code: 'FROM postgres:17\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]\n' },
    { name: 'AWS Lambda base', code: 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nCMD ["app.handler"]\n' },
    { name: 'scratch export stage', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /wheels x==1\nFROM scratch\nCOPY --from=build /wheels /\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nCMD ["python"]\n', errors: [noUser()] },
    { code: 'FROM python:3.12-slim\nUSER app\nRUN x\nUSER root\n', errors: [{ messageId: 'root', line: 4, column: 6, endLine: 4, endColumn: 10 }] },
    { code: 'FROM python:3.12-slim AS base\nUSER 0:0\nFROM base\n', errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 9 }] },
    { name: 'docker.io/library/python', code: 'FROM docker.io/library/python:3.12\nCMD ["python"]\n', errors: [noUser()] },
    { name: 'nvidia/cuda', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nRUN apt-get update\nCMD ["python3", "app.py"]\n', errors: [noUser()] },
    { name: 'miniconda', code: 'FROM continuumio/miniconda3:24.1.2-0\nCOPY . /app\nCMD ["python", "/app/main.py"]\n', errors: [noUser()] },
    { name: 'nginx', code: 'FROM nginx:1.27-alpine\nCOPY dist /usr/share/nginx/html\n', errors: [noUser()] },
    { name: 'devcontainers base', code: 'FROM mcr.microsoft.com/devcontainers/base:ubuntu\nRUN echo hi\n', errors: [noUser()] },
    { name: 'tiangolo', code: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY ./app /app\n', errors: [noUser()] },
    { name: 'uv image', code: 'FROM ghcr.io/astral-sh/uv:python3.13-alpine\nCOPY . /app\n', errors: [noUser()] },
    { name: 'nikolaik/python-nodejs', code: 'FROM nikolaik/python-nodejs:python3.8-nodejs12\nCOPY . /app\n', errors: [noUser()] },
    { name: 'distroless without :nonroot', code: 'FROM python:3.12 AS b\nFROM gcr.io/distroless/python3-debian12\nCOPY --from=b /app /app\n', errors: [noUser(2)] },
    { name: 'a dhi.io dev variant', code: 'FROM dhi.io/python:3.13-dev\nCOPY . /app\n', errors: [noUser()] },
    { name: 'a base through an ARG default', code: 'ARG BASE=ubuntu:24.04\nFROM ${BASE}\nCMD ["app"]\n', errors: [noUser(2)] },
    { name: 'the tag in an unset ARG: python is root whatever the tag', code: 'ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\nCMD ["python"]\n', errors: [noUser(2)] },
    { name: 'postgres with the entrypoint replaced', code: 'FROM postgres:17\nENTRYPOINT ["python3", "/app.py"]\n', errors: [noUser()] },
    { name: 'a base pycrane does not know', code: 'FROM myorg/base:1.0\nCMD ["app"]\n', errors: [{ messageId: 'unknownBase', line: 1, column: 1, endLine: 1, endColumn: 5 }] },
    { name: 'scratch with a copied root filesystem', code: 'FROM debian:12 AS rootfs\nRUN apt-get update\nFROM scratch\nCOPY --from=rootfs / /\nCMD ["/bin/bash"]\n', errors: [{ messageId: 'scratch', line: 3, column: 1, endLine: 3, endColumn: 5 }] },
    { name: 'scratch with a root tarball', code: 'FROM scratch\nADD rootfs.tar.gz /\n', errors: [{ messageId: 'scratch', line: 1, column: 1, endLine: 1, endColumn: 5 }] },
  ],
});

describe('with the base images read from the engine (check --engine)', () => {
  const run = (text: string, baseImages: Record<string, BaseImageConfig>) =>
    lint({ dockerfile: { path: 'Dockerfile', text }, baseImages }, defaultCheckConfig, [runtimeRunsAsRoot]).diagnostics.map((d) => `${d.messageId}@${d.range.start.line + 1}`);
  const config = (user: string, entrypoint?: string[]): BaseImageConfig => ({ user, entrypoint, cmd: undefined });

  it('an unknown base that the engine says runs as a user is not reported', () => {
    expect(run('FROM myorg/base:1.0\nCMD ["app"]\n', { 'myorg/base:1.0': config('1000') })).toEqual([]);
  });
  it('an unknown base that the engine says runs as root is root', () => {
    expect(run('FROM myorg/base:1.0\nCMD ["app"]\n', { 'myorg/base:1.0': config('') })).toEqual(['noUser@1']);
    expect(run('FROM myorg/base:1.0\nCMD ["app"]\n', { 'myorg/base:1.0': config('0:0') })).toEqual(['noUser@1']);
  });
  it('the engine overrides the table, both ways', () => {
    expect(run('FROM python:3.13-slim\nCMD ["python"]\n', { 'python:3.13-slim': config('app') })).toEqual([]);
    expect(run('FROM jupyter/base-notebook:x\nCMD ["python"]\n', { 'jupyter/base-notebook:x': config('root') })).toEqual(['noUser@1']);
  });
  it('a base entrypoint that drops privileges counts, unless the Dockerfile replaces it', () => {
    expect(run('FROM myorg/db:1\n', { 'myorg/db:1': config('', ['/usr/local/bin/gosu', 'db']) })).toEqual([]);
    expect(run('FROM myorg/db:1\nENTRYPOINT ["python3", "/app.py"]\n', { 'myorg/db:1': config('', ['gosu', 'db']) })).toEqual(['noUser@1']);
  });
  it('an image the engine does not have falls back to the table', () => {
    expect(run('FROM myorg/base:1.0\nCMD ["app"]\n', {})).toEqual(['unknownBase@1']);
  });
});
