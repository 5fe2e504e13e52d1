import { describe, expect, it } from 'vitest';
import { isDevDockerfilePath, MAX_DOCKERFILE_CHARS, parseDockerfile, splitImage } from './parse.js';

const scopeAt = (text: string, line: number) => {
  const m = parseDockerfile(text);
  const node = m.instructions.find((n) => n.range.start.line === line);
  if (!node) throw new Error(`no instruction on line ${line}`);
  return node.scope;
};

describe('stages', () => {
  it('splits stages, names them, follows FROM <stage>', () => {
    const m = parseDockerfile('ARG V=3.12\nFROM python:${V}-slim AS Builder\nRUN echo\nFROM builder AS app\nFROM app\n');
    expect(m.stages.map((s) => [s.index, s.name, s.baseStage, s.rootFrom.image])).toEqual([
      [0, 'builder', undefined, 'python:3.12-slim'],
      [1, 'app', 0, 'python:3.12-slim'],
      [2, undefined, 1, 'python:3.12-slim'],
    ]);
    expect(m.globalArgs.map((a) => a.pairs[0]?.name)).toEqual(['V']);
    expect(m.stages[0]?.from).toMatchObject({ imageName: 'python', tag: '3.12-slim', imageComplete: true });
    expect(m.stages[0]?.from.tagRange).toEqual({ start: { line: 1, character: 12 }, end: { line: 1, character: 21 } });
  });

  it('picks the runtime stage: not built on, not copied from, not a dev target', () => {
    expect(parseDockerfile('FROM a AS builder\nFROM b AS app\nCOPY --from=builder /x /x\nFROM builder AS dev\n').runtimeStage).toBe(1);
    expect(parseDockerfile('FROM a AS base\nFROM base AS prod\nFROM base AS test\n').runtimeStage).toBe(1);
    expect(parseDockerfile('FROM a\n').runtimeStage).toBe(0);
    expect(parseDockerfile('FROM a AS dev\n').runtimeStage).toBe(0);
  });

  it('inherits USER, ENV, WORKDIR, CMD through FROM <stage>, not ARG', () => {
    const m = parseDockerfile('FROM a AS b\nARG X=1\nENV Y=2\nWORKDIR /w\nUSER 10\nCMD ["x"]\nFROM b\nRUN true\n');
    const s = m.stages[1];
    expect(s?.user?.user).toBe('10');
    expect(s?.cmd?.argv.map((w) => w.value)).toEqual(['x']);
    expect(s?.finalWorkdir).toBe('/w');
    expect(s?.finalScope.get('Y')?.value).toBe('2');
    expect(s?.finalScope.has('X')).toBe(false);
  });

  it('reports what the builder rejects instead of throwing', () => {
    expect(parseDockerfile('FROM\n').problems.map((p) => p.message)).toEqual(['FROM needs an image']);
    expect(parseDockerfile('RUNX a\nFROM a\n').problems[0]?.message).toMatch(/unknown instruction/);
    expect(parseDockerfile('').problems).toEqual([]);
  });
});

describe('ARG scoping (BuildKit semantics, after dockerfile-ast)', () => {
  const text = 'ARG ver=latest\nFROM busybox:$ver\nARG ver\nRUN echo $ver\nFROM busybox:$ver\nARG ver=override\nRUN echo $ver\nFROM busybox:$ver\nRUN echo $ver\n';
  it('a FROM sees global ARGs', () => {
    const m = parseDockerfile(text);
    expect(m.stages.map((s) => s.from.image)).toEqual(['busybox:latest', 'busybox:latest', 'busybox:latest']);
  });
  it('a redeclared ARG inherits the global default', () => expect(scopeAt(text, 3).get('ver')?.value).toBe('latest'));
  it('an ARG with a value overrides it', () => expect(scopeAt(text, 6).get('ver')?.value).toBe('override'));
  it('a stage that does not redeclare it does not see it', () => expect(scopeAt(text, 8).has('ver')).toBe(false));
  it('an ARG without any default is declared but unknown', () => {
    const s = scopeAt('FROM a\nARG UID\nUSER $UID\n', 2);
    expect(s.get('UID')).toMatchObject({ kind: 'arg', value: undefined });
    const m = parseDockerfile('FROM a\nARG UID\nUSER $UID\n');
    expect(m.stages[0]?.user?.resolved).toEqual({ value: '$UID', complete: false });
  });
  it('one ARG line declares several names (`ARG A=1 B=2`, `ARG A B=2`), globally and in a stage', () => {
    const m = parseDockerfile('ARG V=3.12 FLAVOUR=slim\nFROM python:${V}-${FLAVOUR}\nARG V UID=10001\nRUN echo $V $UID\n');
    expect(m.globalArgs[0]?.pairs.map((p) => [p.name, p.value])).toEqual([['V', '3.12'], ['FLAVOUR', 'slim']]);
    expect(m.globalArgs[0]?.pairs[1]?.nameRange).toEqual({ start: { line: 0, character: 11 }, end: { line: 0, character: 18 } });
    expect(m.globalArgs[0]?.pairs[1]?.valueRange).toEqual({ start: { line: 0, character: 19 }, end: { line: 0, character: 23 } });
    expect(m.stages[0]?.from).toMatchObject({ image: 'python:3.12-slim', imageComplete: true });
    const s = scopeAt('ARG V=3.12 FLAVOUR=slim\nFROM python:${V}-${FLAVOUR}\nARG V UID=10001\nRUN echo $V $UID\n', 3);
    expect([s.get('V')?.value, s.get('UID')?.value, s.has('FLAVOUR')]).toEqual(['3.12', '10001', false]);
  });
  it('a name without a value between others is its own declaration, not the legacy `ENV NAME value` form', () => {
    const m = parseDockerfile('ARG A B=2\nFROM x:$B\n');
    expect(m.globalArgs[0]?.pairs.map((p) => [p.name, p.value])).toEqual([['A', undefined], ['B', '2']]);
    expect(m.stages[0]?.from.image).toBe('x:2');
  });
  it('quoted values with spaces and continuation lines in a multi-name ARG', () => {
    const m = parseDockerfile('ARG A="x y" \\\n  C=\'q\'\nFROM x:$C\n');
    expect(m.globalArgs[0]?.pairs.map((p) => [p.name, p.value])).toEqual([['A', 'x y'], ['C', 'q']]);
    expect(m.stages[0]?.from.image).toBe('x:q');
  });
  it('expands one ARG line as BuildKit does: global names in order, a stage\'s against the scope before the line', () => {
    // Checked on BuildKit (docker-lab): global `ARG A=1 B=$A` gives B=1; in a stage `ARG C=6 D=$C` after `ARG C=5` gives D=5.
    const text = 'ARG A=0\nARG A=1 B=$A\nFROM x:$B\nARG C=5\nARG C=6 D=$C\nRUN true\n';
    expect(parseDockerfile(text).stages[0]?.from.image).toBe('x:1');
    expect(scopeAt(text, 5).get('D')?.value).toBe('5');
  });
  it('ENV expands ARGs and earlier ENVs; ${X:-d} uses defaults', () => {
    const m = parseDockerfile('FROM a\nARG A=1\nENV B=$A/x C=${NOPE:-d}\nRUN true\n');
    expect(m.stages[0]?.finalScope.get('B')?.value).toBe('1/x');
    expect(m.stages[0]?.finalScope.get('C')?.value).toBe('d');
  });
});

describe('instructions', () => {
  it('COPY --from resolves stages by name or index, images, and unknowns', () => {
    const m = parseDockerfile('FROM a AS one\nFROM b\nCOPY --from=one /x /x\nCOPY --from=0 /x /x\nCOPY --from=ghcr.io/o/i:1 /x /x\nCOPY --from=nope /x /x\nCOPY --from=later /x /x\nFROM c AS later\n');
    const refs = m.stages[1]?.instructions.filter((n) => n.kind === 'copy').map((n) => (n.kind === 'copy' ? n.fromRef : undefined));
    expect(refs).toEqual([
      { kind: 'stage', index: 0 },
      { kind: 'stage', index: 0 },
      { kind: 'image', image: 'ghcr.io/o/i:1' },
      { kind: 'unknown', reason: 'unknown-name' },
      { kind: 'unknown', reason: 'later-stage' },
    ]);
  });

  it('finds stages by name among 14,000 (a name lookup per FROM and COPY --from: once quadratic, found by the fuzzer)', () => {
    const stages = Array.from({ length: 14_000 }, (_, i) => `FROM a AS s${i}\n`).join('');
    const m = parseDockerfile(`${stages}FROM s0 AS s1\nCOPY --from=s13999 /x /x\nFROM S1\n`);
    expect(m.stages).toHaveLength(14_002);
    expect(m.problems.map((p) => p.message)).toEqual(['duplicate stage name "s1"']);
    // The first stage of a name wins; the duplicate is reported above.
    expect(m.stages[14_000]?.baseStage).toBe(0);
    expect(m.stages[14_001]?.baseStage).toBe(1);
    const copy = m.stages[14_000]?.instructions.find((n) => n.kind === 'copy');
    expect(copy?.kind === 'copy' && copy.fromRef).toEqual({ kind: 'stage', index: 13_999 });
  });

  it('COPY destinations resolve against WORKDIR and ARGs', () => {
    const m = parseDockerfile('FROM a\nARG D=/srv\nWORKDIR $D\nCOPY --chown=1:1 a b ./sub/\n');
    const c = m.stages[0]?.instructions[3];
    expect(c?.kind === 'copy' && [c.destPath, c.chown, c.sources.map((s) => s.value)]).toEqual(['/srv/sub/', '1:1', ['a', 'b']]);
  });

  it('RUN flags, mounts, continuations, comment lines and && chains', () => {
    const m = parseDockerfile('FROM a\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    --mount=type=secret,id=netrc,target=/root/.netrc \\\n    # a comment line\n    pip install x \\\n && echo "a b" | tee f\n');
    const r = m.stages[0]?.instructions[1];
    if (r?.kind !== 'run') throw new Error('not a RUN');
    expect(r.mounts.map((x) => [x.type, x.target, x.id])).toEqual([
      ['cache', '/root/.cache/pip', undefined],
      ['secret', '/root/.netrc', 'netrc'],
    ]);
    expect(r.script.commands.map((c) => [c.name, c.argv.map((w) => w.value)])).toEqual([
      ['pip', ['pip', 'install', 'x']],
      ['echo', ['echo', 'a b']],
      ['tee', ['tee', 'f']],
    ]);
    expect(r.script.commands[0]?.argv[0]?.range).toEqual({ start: { line: 4, character: 4 }, end: { line: 4, character: 7 } });
  });

  it('RUN heredocs are linted as scripts', () => {
    const m = parseDockerfile('FROM a\nRUN <<EOF\nset -e\napt-get update\npip install x\nEOF\n');
    const r = m.stages[0]?.instructions[1];
    expect(r?.kind === 'run' && r.heredoc && r.script.commands.map((c) => c.name)).toEqual(['set', 'apt-get', 'pip']);
  });

  it('exec vs shell form, and invalid JSON is shell form', () => {
    const m = parseDockerfile('FROM a\nCMD ["python", "-m", "app x"]\nENTRYPOINT python -m app\nCMD [python]\n');
    const [, cmd, ep, bad] = m.stages[0]?.instructions ?? [];
    expect(cmd?.kind === 'exec' && [cmd.form, cmd.argv.map((w) => w.value)]).toEqual(['exec', ['python', '-m', 'app x']]);
    expect(ep?.kind === 'exec' && ep.form).toBe('shell');
    expect(bad?.kind === 'exec' && bad.form).toBe('shell');
  });

  it('splits image references', () => {
    expect(splitImage('localhost:5000/a/b:1.2@sha256:abc')).toEqual({ name: 'localhost:5000/a/b', tag: '1.2', digest: 'sha256:abc' });
    expect(splitImage('python')).toEqual({ name: 'python', tag: undefined, digest: undefined });
  });
});

describe('development-only Dockerfiles', () => {
  it.each([
    ['.devcontainer/Dockerfile', true],
    ['services/.devcontainer/python.Dockerfile', true],
    ['dev.Dockerfile', true],
    ['Dockerfile.dev', true],
    ['Dockerfile.development', true],
    ['devcontainer.Dockerfile', true],
    ['docker/dev-tools.Dockerfile', true],
    ['Dockerfile', false],
    ['Dockerfile.devops', false],
    ['docker/prod.Dockerfile', false],
    ['devices/Dockerfile', false],
  ])('%s -> %s', (file, dev) => {
    expect(isDevDockerfilePath(file)).toBe(dev);
  });

  it('has no runtime stage: every stage is a dev stage', () => {
    const model = parseDockerfile('FROM python:3.13-slim AS base\nFROM base\nRUN apt-get install -y sudo\n', { devFile: true });
    expect(model.runtimeStage).toBeUndefined();
    expect(model.stages.every((s) => s.isDev)).toBe(true);
  });
});

describe('a Dockerfile over the size pycrane reads', () => {
  it('is one problem on line 1 and no instructions', () => {
    const text = `FROM python:3.13-slim\n${'RUN true\n'.repeat(60_000)}`;
    const m = parseDockerfile(text);
    expect(m.instructions).toEqual([]);
    expect(m.stages).toEqual([]);
    expect(m.problems).toEqual([{ message: `the Dockerfile has ${text.length.toLocaleString('en-US')} characters, over the 256 KiB pycrane reads: not parsed, so no rule checked it`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }]);
  });
  it('is parsed at the limit', () => {
    const text = `FROM python:3.13-slim\n# ${'x'.repeat(MAX_DOCKERFILE_CHARS - 25)}\n`;
    expect(text.length).toBe(MAX_DOCKERFILE_CHARS);
    expect(parseDockerfile(text).stages).toHaveLength(1);
  });
  it('with 40,000 flags on one RUN is parsed (dockerfile-ast dropped them one shift() at a time, quadratic: 7 s for 60,000; found by the fuzzer)', () => {
    const m = parseDockerfile(`FROM python:3.13-slim\nRUN ${'--x=1 '.repeat(40_000)}pip install -r requirements.txt\n`);
    const run = m.instructions[1];
    expect(run?.kind === 'run' && run.flags.length).toBe(40_000);
    expect(run?.kind === 'run' && run.script.commands[0]?.name).toBe('pip');
  });
});
