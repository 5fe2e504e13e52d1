import { describe, expect, it } from 'vitest';
import { DEFAULT_AUTO_TAGS, parseBuildConfig, parseVerifyConfig, splitCommandLine } from './config.js';

describe('[tool.pycrane.build]', () => {
  it('defaults', () => {
    const { config, errors } = parseBuildConfig(undefined);
    expect(errors).toEqual([]);
    expect(config.tags).toEqual(DEFAULT_AUTO_TAGS);
    expect(config.latest).toBe(false);
    expect(config.shaLength).toBe(12);
  });
  it('reads every key', () => {
    const { config, errors } = parseBuildConfig({
      repository: 'ghcr.io/acme/hello',
      tags: ['version', 'minor', 'sha'],
      'extra-tags': ['stable'],
      latest: true,
      'sha-length': 8,
      target: 'app',
      'build-args': { PIPX_VERSION: '1.7.1', N: 3 },
      labels: { 'com.example.team': 'core' },
    });
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ repository: 'ghcr.io/acme/hello', tags: ['version', 'minor', 'sha'], extraTags: ['stable'], latest: true, shaLength: 8, buildArgs: { PIPX_VERSION: '1.7.1', N: '3' } });
  });
  it('reports bad values and unknown keys with their table path', () => {
    const { errors } = parseBuildConfig({ tags: ['version', 'nightly'], 'sha-length': 3, colour: 'red' });
    expect(errors.join('\n')).toMatch(/\[tool\.pycrane\.build\]\.tags\.1/);
    expect(errors.join('\n')).toMatch(/sha-length/);
    expect(errors.join('\n')).toMatch(/colour/);
  });
});

describe('[tool.pycrane.verify]', () => {
  it('reads probe as a string or an array, and max-size', () => {
    expect(parseVerifyConfig({ probe: 'serve --check "a b"', 'max-size': '250MB' }).config).toMatchObject({ probe: ['serve', '--check', 'a b'], maxSize: 250_000_000, stopTimeout: 5 });
    expect(parseVerifyConfig({ probe: ['--version'], 'max-size': 1000 }).config).toMatchObject({ probe: ['--version'], maxSize: 1000 });
  });
  it('rejects an unreadable size', () => {
    expect(parseVerifyConfig({ 'max-size': 'huge' }).errors).toEqual(['[tool.pycrane.verify].max-size: "huge" is not a size (e.g. 250MB, 1.2GiB)']);
  });
  it('splits command lines', () => {
    expect(splitCommandLine(`  a 'b c' "" d  `)).toEqual(['a', 'b c', '', 'd']);
  });
});
