import { describe, expect, it } from 'vitest';
import type { ImageDetails } from '../engine.js';
import { baseFromImage, describeStep, findBaseByLayers, formatSize, parseSize, sizeReport } from './size.js';

function image(id: string, layers: string[], size: number, repoTags: string[] = []): ImageDetails {
  return { id, repoTags, created: '', size, user: '', env: [], entrypoint: undefined, cmd: undefined, workingDir: '', labels: {}, stopSignal: undefined, layers };
}

describe('sizes', () => {
  it.each([
    ['250MB', 250e6],
    ['250 mb', 250e6],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['300m', 300e6],
    ['123456', 123456],
    ['12kB', 12000],
  ])('parses %s', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });
  it('rejects nonsense', () => {
    expect(parseSize('big')).toBeUndefined();
    expect(parseSize('10 parsecs')).toBeUndefined();
  });
  it('allows spaces around and inside, in linear time on long runs of them', () => {
    const spaces = ' '.repeat(200_000);
    expect(parseSize(` \t2.5 kb\n`)).toBe(2500);
    expect(parseSize(`${spaces}1${spaces}mb${spaces}`)).toBe(1e6);
    expect(parseSize(`1${spaces}!`)).toBeUndefined();
    expect(parseSize(`1 k b`)).toBeUndefined();
  });
  it('formats as docker does (decimal)', () => {
    expect(formatSize(111329763)).toBe('111.3MB');
    expect(formatSize(999)).toBe('999B');
    expect(formatSize(4400)).toBe('4.4kB');
    expect(formatSize(2.5e9)).toBe('2.50GB');
  });
});

describe('base image by layers', () => {
  const base = image('sha256:b', ['l1'], 100, ['python:3.13-slim']);
  const other = image('sha256:o', ['x1'], 50, ['debian:trixie-slim']);
  const mid = image('sha256:m', ['l1', 'l2'], 150, []);
  const app = image('sha256:a', ['l1', 'l2', 'l3'], 180, ['app:1']);
  it('takes the longest strict prefix', () => {
    expect(findBaseByLayers(app, [base, other, mid, app])?.id).toBe('sha256:m');
    expect(findBaseByLayers(app, [base, other])?.id).toBe('sha256:b');
    expect(findBaseByLayers(base, [app, other])).toBeUndefined();
  });
  it('reports size over the base and the largest own layers', () => {
    const history = [
      { id: '3', createdBy: 'COPY /opt/venv /opt/venv # buildkit', size: 70, comment: '' },
      { id: '2', createdBy: '/bin/sh -c #(nop)  ENV A=1', size: 0, comment: '' },
      { id: '2b', createdBy: '|1 X=1 /bin/sh -c useradd app', size: 10, comment: '' },
      { id: '1', createdBy: '', size: 100, comment: '' },
    ];
    const report = sizeReport(app, history, baseFromImage(base, 'python:3.13-slim', 'dockerfile'), 150);
    expect(report.overBase).toBe(80);
    expect(report.largestLayers).toEqual([
      { size: 70, createdBy: 'COPY /opt/venv /opt/venv' },
      { size: 10, createdBy: 'RUN useradd app' },
    ]);
    expect(report.withinBudget).toBe(false);
    expect(sizeReport(app, history, undefined, undefined).largestLayers).toHaveLength(3);
  });
  it('cleans history steps', () => {
    expect(describeStep('RUN /bin/sh -c pip install x # buildkit')).toBe('RUN pip install x');
    expect(describeStep('/bin/sh -c #(nop)  CMD ["python"]')).toBe('CMD ["python"]');
    expect(describeStep('|2 PY=3.13 EMPTY= /bin/sh -c pip install .')).toBe('RUN pip install .');
    expect(describeStep('|1 =a=b /bin/sh -c x')).toBe('RUN x');
    expect(describeStep('|1 NAME /bin/sh -c x')).toBe('|1 NAME /bin/sh -c x');
    expect(describeStep('RUN x# buildkit')).toBe('RUN x# buildkit');
  });
  it('cleans history steps in linear time (words with many `=`, long runs of spaces)', () => {
    const words = 'a=b=c=d=e= '.repeat(2_000);
    expect(describeStep(`|1 ${words}/bin/sh -c x`)).toBe('RUN x');
    expect(describeStep(`|1 ${words}x`)).toBe(`|1 ${words}x`.trim());
    const spaces = ' '.repeat(200_000);
    expect(describeStep(`RUN x${spaces}# buildkit`)).toBe('RUN x');
    expect(describeStep(`RUN x${spaces}# buildkitten`)).toBe(`RUN x${spaces}# buildkitten`);
  });
});
