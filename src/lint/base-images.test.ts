import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.js';
import { baseImageUser, imageRefTag, normalImageName } from './base-images.js';

const base = (text: string) => baseImageUser(parseDockerfile(text).stages[0]!.rootFrom)?.user;

describe('normalImageName', () => {
  it('drops Docker Hub prefixes', () => {
    expect(normalImageName('docker.io/library/python')).toBe('python');
    expect(normalImageName('index.docker.io/bitnami/python')).toBe('bitnami/python');
    expect(normalImageName('ghcr.io/astral-sh/uv')).toBe('ghcr.io/astral-sh/uv');
  });
});

describe('imageRefTag', () => {
  it('reads the tag, not a registry port or the digest', () => {
    expect(['ghcr.io/astral-sh/uv:0.5.1', 'ghcr.io/astral-sh/uv:0.5.1@sha256:abc', 'localhost:5000/astral-sh/uv:0.5', 'localhost:5000/astral-sh/uv', 'uv@sha256:abc', 'uv:a:b', 'uv:'].map(imageRefTag)).toEqual([
      '0.5.1', '0.5.1', '0.5', undefined, 'abc', 'a:b', undefined,
    ]);
  });
  it('reads 200,000 colons before a slash in one pass', () => {
    expect(imageRefTag(`uv${':'.repeat(200_000)}/x`)).toBeUndefined();
    expect(imageRefTag(`uv${':'.repeat(200_000)}`)).toBe(':'.repeat(199_999));
  });
});

describe('baseImageUser', () => {
  it('knows root images, non-root images and tag-dependent ones', () => {
    expect(base('FROM python:3.12-slim\n')).toBe('root');
    expect(base('FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\n')).toBe('root');
    expect(base('FROM jupyter/base-notebook\n')).toBe('nonroot');
    expect(base('FROM gcr.io/distroless/python3-debian12\n')).toBe('root');
    expect(base('FROM gcr.io/distroless/python3-debian12:nonroot\n')).toBe('nonroot');
    expect(base('FROM dhi.io/python:3.13-debian12-dev\n')).toBe('root');
    expect(base('FROM dhi.io/python:3.13-debian12\n')).toBe('nonroot');
    expect(base('FROM postgres:17\n')).toBe('root-entrypoint-drops');
    expect(base('FROM public.ecr.aws/lambda/python:3.12\n')).toBe('platform-user');
  });
  it('does not guess', () => {
    expect(base('FROM myorg/base:1.0\n')).toBeUndefined();
    expect(base('ARG BASE\nFROM ${BASE}\n')).toBeUndefined();
    // The nonroot tags decide for distroless: with the tag in an unset ARG, it cannot be known.
    expect(base('ARG TAG\nFROM gcr.io/distroless/python3-debian12:${TAG}\n')).toBeUndefined();
  });
  it('reads the name before a digest, also after 200,000 @ and a line break', () => {
    expect(base('ARG T\nFROM gcr.io/distroless/python3-debian12:${T}@sha256:abc\n')).toBeUndefined();
    expect(base('ARG T\nFROM jupyter/base-notebook:${T}@sha256:abc\n')).toBe('nonroot');
    expect(base(`ARG T\nFROM jupyter/base-notebook:\${T}${'@'.repeat(200_000)}\u2028x\n`)).toBe('nonroot');
  });
  it('reads the literal name when only the tag is a variable', () => {
    expect(base('ARG V\nFROM python:${V}-slim\n')).toBe('root');
    expect(base('ARG V\nFROM mambaorg/micromamba:${V}\n')).toBe('nonroot');
  });
  it('every entry of the table says where its fact comes from', () => {
    const fact = baseImageUser(parseDockerfile('FROM continuumio/miniconda3\n').stages[0]!.rootFrom);
    expect(fact?.source).toMatch(/ContinuumIO/);
  });
});
