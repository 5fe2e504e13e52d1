import { variableRefs } from '../../dockerfile/expand.js';
import type { DockerfileModel, Flag, FromNode, InstructionNode, RunNode, Stage } from '../../dockerfile/model.js';
import { resolvePath } from '../../dockerfile/parse.js';
import type { ShellCommand, Word } from '../../dockerfile/shell.js';
import { basename, classifyInstall, venvPaths, verbText } from '../analysis.js';
import { hasOption, matchesStarGlob, optionValue, pipSubcommandArgs, runtimeStageOf, stageChain, uvPipInstallArgs } from '../commands.js';
import { defineRule } from '../rule.js';
import type { Range } from '../types.js';

/** BuildKit's automatic platform ARGs: global, so a stage sees them only after `ARG <name>`. */
const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

/** An architecture written into a name: `x86_64`, `amd64`, `linux-64` (conda), `linux-x64` (Node), ... */
const ARCH = /(?<![A-Za-z0-9])(x86[-_]64|amd64|x64|i[36]86|aarch64|arm64|armv[67]l?|armhf|ppc64le|s390x|linux-64)(?![A-Za-z0-9])/i;
const ARCH_ALL = new RegExp(ARCH.source, 'gi');
const FAMILY: Readonly<Record<string, string>> = { 'x86_64': 'x86', 'x86-64': 'x86', amd64: 'x86', x64: 'x86', i386: 'x86', i686: 'x86', 'linux-64': 'x86', aarch64: 'arm', arm64: 'arm', armv6: 'arm', armv6l: 'arm', armv7: 'arm', armv7l: 'arm', armhf: 'arm', ppc64le: 'ppc', s390x: 's390' };

/** A step that picks the architecture at build time (automatic ARGs, `uname -m`, dpkg, apk, `arch`). */
const ARCH_AWARE = /\$\{?(?:TARGET|BUILD)(?:PLATFORM|ARCH|OS|VARIANT)\b|\buname\s+(?:-\w*[mpi]|--machine|--processor|--hardware-platform)|dpkg\s+--print-architecture|dpkg-architecture|apk\s+--print-arch|\$\(\s*arch\s*\)|`\s*arch\s*`|rpm\s+--eval|getconf\s+LONG_BIT/;

/** Docker Official Images' single-architecture repositories (`amd64/python`). */
const ARCH_NAMESPACES = new Set(['amd64', 'arm64v8', 'arm32v7', 'arm32v6', 'arm32v5', 'i386', 'ppc64le', 's390x', 'riscv64', 'mips64le', 'windows-amd64']);

const DOWNLOADERS = new Set(['curl', 'wget', 'aria2c']);
const label = (s: Stage) => (s.name ? `"${s.name}"` : `#${s.index}`);
const blankComments = (text: string) => text.replace(/^([ \t]*#[^\n]*)$/gm, (m) => ' '.repeat(m.length));

type PlatformKind = 'build' | 'target' | 'arg' | 'literal';
interface StagePlatform {
  readonly kind: PlatformKind;
  readonly value: string;
  readonly range: Range;
  readonly owner: Stage;
}

/** The `--platform` of a FROM as written (quotes removed), with the range of its value. */
function platformFlag(model: DockerfileModel, from: FromNode): StagePlatform | undefined {
  const flag: Flag | undefined = from.flags.find((f) => f.name === 'platform');
  if (!flag) return undefined;
  const raw = model.index.slice(flag.range);
  const eq = raw.indexOf('=');
  if (eq === -1) return undefined;
  const start = model.index.offsetAt(flag.range.start) + eq + 1;
  const range = model.index.rangeOf(start, model.index.offsetAt(flag.range.end));
  const value = raw.slice(eq + 1).replace(/^["']|["']$/g, '');
  const kind: PlatformKind = /\$\{?BUILD(PLATFORM|OS|ARCH)\b/.test(value) ? 'build' : /\$\{?TARGET/.test(value) ? 'target' : value.includes('$') ? 'arg' : 'literal';
  return { kind, value, range, owner: model.stages[from.stageIndex] as Stage };
}

/** The platform a stage runs on: its own `--platform`, else the one of the stage it is built FROM. */
function platformOf(model: DockerfileModel, stage: Stage): StagePlatform | undefined {
  for (const s of stageChain(model, stage)) {
    const p = platformFlag(model, s.from);
    if (p) return p;
  }
  return undefined;
}

/** `amd64` out of `amd64/python:3.12`, `docker.io/arm64v8/python`. */
function archNamespace(from: FromNode): string | undefined {
  const first = (from.imageName ?? '').replace(/^(docker\.io|index\.docker\.io)\//, '').split('/');
  return first.length > 1 && ARCH_NAMESPACES.has(first[0] as string) ? first[0] : undefined;
}

/** Docker's own pattern: `FROM --platform=linux/arm64 ... AS build_arm64`, picked by `FROM build_${TARGETARCH}`. */
const namedForPlatform = (s: Stage) => s.name !== undefined && (ARCH.test(s.name) || /(^|[-_])(linux|windows|darwin)([-_]|$)/.test(s.name));

/** The first architecture in a word, with its range when the word is written on one line. */
function archIn(word: Word): { arch: string; range: Range } | undefined {
  const m = ARCH.exec(word.value);
  if (!m) return undefined;
  const r = word.range;
  const at = word.raw.search(ARCH);
  if (at !== -1 && r.start.line === r.end.line && r.end.character - r.start.character === word.raw.length) {
    return { arch: m[0], range: { start: { line: r.start.line, character: r.start.character + at }, end: { line: r.start.line, character: r.start.character + at + m[0].length } } };
  }
  return { arch: m[0], range: r };
}

/** Two architecture families in one step: it branches (`case ... amd64) ...; arm64) ...`). */
function branchesOnArch(text: string): boolean {
  const families = new Set<string>();
  for (const m of text.matchAll(ARCH_ALL)) families.add(FAMILY[(m[0] as string).toLowerCase()] ?? m[0]);
  return families.size > 1;
}

/** pip / uv pip arguments of an install, wheel or download (undefined when the command is none of them). */
function pipArgs(cmd: ShellCommand): Word[] | undefined {
  return pipSubcommandArgs(cmd, 'install') ?? pipSubcommandArgs(cmd, 'download') ?? pipSubcommandArgs(cmd, 'wheel') ?? uvPipInstallArgs(cmd) ?? uvPipInstallArgs(cmd, 'sync');
}

/** `--platform manylinux2014_x86_64` (pip) or `--python-platform aarch64-manylinux_2_28` (uv). */
const crossPlatformOption = (cmd: ShellCommand) => optionValue(cmd, ['--platform', '--python-platform']);

const abs = (node: InstructionNode, v: string) => resolvePath(node.workdir, node.scope.expand(v).value);
const SYSTEM_SITE = ['/usr/local/lib/python*', '/usr/lib/python3*'];

/**
 * Where an install on the build machine leaves architecture-specific files (site-packages, wheels), or
 * undefined when the command installs nothing native-capable (tools only, cross installs with `--platform`,
 * the project's own wheel with `--no-deps`).
 */
function nativeInstallLocations(model: DockerfileModel, stage: Stage, node: RunNode, cmd: ShellCommand): string[] | undefined {
  if (crossPlatformOption(cmd)) return undefined;
  const wheel = pipSubcommandArgs(cmd, 'wheel');
  const download = pipSubcommandArgs(cmd, 'download');
  if (wheel || download) {
    if (wheel && hasOption(cmd, ['--no-deps']) && !wheel.some((w) => /^-r|^--requirement/.test(w.value))) return undefined;
    const dir = optionValue(cmd, wheel ? ['-w', '--wheel-dir'] : ['-d', '--dest', '--destination-dir']);
    return dir ? [abs(node, dir.value)] : undefined;
  }
  const inst = classifyInstall(cmd);
  if (!inst || !inst.dependencies || inst.tool === 'pipx' || inst.tool === 'uv-tool') return undefined;
  const env = (name: string) => {
    const local = cmd.assignments.find((a) => a.name === name)?.value;
    const b = node.scope.get(name);
    const v = local ?? b?.value;
    return v === undefined ? undefined : node.scope.expand(v).value;
  };
  if (inst.tool === 'pip' || inst.tool === 'uv-pip' || inst.tool === 'pip-sync') {
    const to = optionValue(cmd, ['--target', '-t', '--prefix', '--root']);
    if (to) return [abs(node, to.value)];
    if (hasOption(cmd, ['--user'])) return ['/root/.local/lib', '/home/*/.local/lib'];
    const out = [...SYSTEM_SITE, ...venvPaths(model, stage)];
    const program = cmd.argv[0]?.value ?? '';
    if (/^\/.+\/bin\/[^/]+$/.test(program)) out.push(program.replace(/\/bin\/[^/]+$/, ''));
    const venv = env('VIRTUAL_ENV');
    if (venv) out.push(resolvePath(node.workdir, venv));
    return out;
  }
  // poetry, uv sync, pdm, pipenv, hatch: a virtualenv (in the project, the tool's cache, or named by ENV) or the system
  const out = [...SYSTEM_SITE, ...venvPaths(model, stage), resolvePath(node.workdir, '.venv'), resolvePath(node.workdir, '__pypackages__'), '/root/.cache/pypoetry/virtualenvs', '/root/.local/share/virtualenvs', '/root/.local/share/hatch'];
  for (const name of ['VIRTUAL_ENV', 'UV_PROJECT_ENVIRONMENT']) {
    const v = env(name);
    if (v) out.push(resolvePath(node.workdir, v));
  }
  return out;
}

const segs = (p: string) => p.split('/').filter(Boolean);
const segMatch = (a: string, b: string) => a === b || matchesStarGlob(a, b) || matchesStarGlob(b, a);

/** Where files at `location` land when `source` is copied to `dest`, or undefined when the copy misses them. */
function carried(source: string, location: string, dest: string): string | undefined {
  const s = segs(source);
  const l = segs(location);
  for (let i = 0; i < Math.min(s.length, l.length); i++) if (!segMatch(s[i] as string, l[i] as string)) return undefined;
  const base = dest.replace(/(.)\/$/, '$1');
  return s.length <= l.length ? resolvePath('/', `${base}/${l.slice(s.length).join('/')}`) : base;
}

interface Native {
  readonly node: RunNode;
  readonly cmd: ShellCommand;
}

/**
 * Follows native files from `stage` (FROM inheritance, `COPY --from`, `RUN --mount=from=`) until they reach
 * the runtime image; returns the instruction that brings them in, or undefined.
 */
function reachRuntime(model: DockerfileModel, stage: Stage, locations: readonly string[], runtimeChain: ReadonlySet<number>): InstructionNode | undefined {
  const queue: { stage: number; path: string }[] = locations.map((path) => ({ stage: stage.index, path }));
  const seen = new Set(queue.map((q) => `${q.stage}:${q.path}`));
  const push = (s: number, path: string) => {
    const key = `${s}:${path}`;
    if (!seen.has(key)) {
      seen.add(key);
      queue.push({ stage: s, path });
    }
  };
  while (queue.length > 0) {
    const { stage: from, path } = queue.shift() as { stage: number; path: string };
    for (const target of model.stages) {
      for (const node of target.instructions) {
        if (node.kind === 'copy' && node.fromRef?.kind === 'stage' && node.destPath) {
          const src = model.stages[node.fromRef.index];
          if (!src || !stageChain(model, src).some((s) => s.index === from)) continue;
          for (const w of node.sources) {
            const landed = carried(resolvePath('/', node.scope.expand(w.value).value), path, node.destPath);
            if (landed === undefined) continue;
            if (runtimeChain.has(target.index)) return node;
            push(target.index, landed);
          }
        } else if (node.kind === 'run') {
          for (const m of node.mounts) {
            const src = m.type === 'bind' && m.from ? model.stage(m.from) : undefined;
            if (!src || !stageChain(model, src).some((s) => s.index === from)) continue;
            if (carried(resolvePath('/', m.source ?? '/'), path, m.target ?? '/') === undefined) continue;
            if (runtimeChain.has(target.index)) return node;
          }
        }
      }
    }
  }
  return undefined;
}

/** Names a RUN script assigns itself (`TARGETARCH=$(dpkg --print-architecture)`, `export`, `for`, `read`). */
function shellLocalNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s;&|(])(?:export\s+|local\s+|readonly\s+)?([A-Za-z_][A-Za-z0-9_]*)=/g)) names.add(m[1] as string);
  for (const m of text.matchAll(/\b(?:for|read(?:\s+-\w+)*)\s+([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1] as string);
  return names;
}

export const platformSpecificBuild = defineRule({
  id: 'PC504',
  name: 'platform-specific-build',
  kind: 'dockerfile',
  category: 'flexibility',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Something in the Dockerfile assumes one CPU architecture, so `docker buildx build --platform linux/amd64,linux/arm64` builds a wrong or broken image for the others.',
    why: [
      'A multi-platform build (`docker buildx build --platform linux/amd64,linux/arm64`) runs every stage once per target platform, and BuildKit tells each stage which one through the automatic ARGs `TARGETPLATFORM`, `TARGETOS`, `TARGETARCH`, `TARGETVARIANT` (and `BUILDPLATFORM`, `BUILDARCH`, ... for the machine doing the build). These mistakes give the other platforms a wrong or broken image:',
      '',
      '- **A literal `FROM --platform=linux/amd64`** pins the stage whatever the build asks for: a pinned runtime stage ships an amd64 image under the arm64 tag, a pinned build stage builds amd64 files. An official image\'s single-architecture repository (`amd64/python`, `arm64v8/python`) does the same. A stage named for its platform (`AS build_arm64`, picked by `FROM build_${TARGETARCH}`) is Docker\'s own pattern and is left alone, and so is a file named for one architecture (`Dockerfile.aarch64`).',
      '- **`FROM --platform=$BUILDPLATFORM` on a stage that installs Python packages** whose files reach the runtime image. Running a stage natively on the build machine is right when its output is architecture-independent (`uv export`, `poetry export`, a pure-Python wheel, a Node front-end bundle, a Go binary cross-compiled with `GOARCH=$TARGETARCH`), but `pip`, `uv`, `poetry`, `pdm` and `pipenv` then build or download numpy, pydantic-core or psycopg for the build machine, and the target image cannot import them. pycrane follows the installed files (virtualenv, `--target`, `--prefix`, `--user`, system site-packages, `pip wheel -w`, `pip download -d`) through `FROM <stage>`, `COPY --from` and `RUN --mount=from=` into the runtime stage; an install with `--platform`/`--python-platform` is a deliberate cross install and is not reported. A runtime stage on `$BUILDPLATFORM` is reported whatever it does.',
      '- **An architecture written into a download**: `Miniconda3-latest-Linux-x86_64.sh`, `tini-amd64`, `micromamba/linux-64`, a `manylinux_2_17_x86_64` wheel in curl, wget, `ADD <url>` or pip, and `pip install --platform manylinux2014_x86_64` / uv `--python-platform`, fetch the same file for every platform. A step that uses the automatic ARGs, `uname -m`, `dpkg --print-architecture` or `arch`, or names two architectures (a `case` over them), is taken to choose.',
      '- **`ARG TARGETARCH=amd64`**: a default replaces BuildKit\'s value (only `--build-arg` overrides it), so every platform gets amd64. Declare the ARG without a value (`TARGETOS=linux` is left alone).',
      '- **`$TARGETARCH` without `ARG TARGETARCH` in the stage** (or a stage it is built FROM): the automatic ARGs are global, so the stage sees an empty string (arg-out-of-scope, PC101, reports the ones declared in another stage).',
      '',
      'What pycrane cannot see: whether a package, or the project\'s own wheel, is pure Python (an install on `$BUILDPLATFORM` is reported even when every wheel is `py3-none-any`, and `pip wheel --no-deps .` is trusted); native files that other toolchains build on `$BUILDPLATFORM` (`npm ci` with node-gyp modules, `go build` without `GOARCH`, `cargo build`); an architecture held in an ARG or ENV value (`ARG ARCH=amd64`, `ENV URL=...x86_64...`); a base image pinned by the digest of a single-platform manifest; packages that exist for one architecture only (an apt package without an arm64 build).',
    ].join('\n'),
    bad: {
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt\nFROM python:3.12-slim AS app\nRUN curl -fsSL -o /usr/local/bin/tini https://github.com/krallin/tini/releases/download/v0.19.0/tini-amd64\nCOPY --from=build /opt/venv /opt/venv\n',
    },
    good: {
      code: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS export\nRUN pip install --no-cache-dir poetry==1.8.3 poetry-plugin-export==1.8.0 && poetry export -o /requirements.txt\nFROM python:3.12-slim AS build\nCOPY --from=export /requirements.txt /requirements.txt\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r /requirements.txt\nFROM python:3.12-slim AS app\nARG TARGETARCH\nRUN curl -fsSL -o /usr/local/bin/tini "https://github.com/krallin/tini/releases/download/v0.19.0/tini-${TARGETARCH}"\nCOPY --from=build /opt/venv /opt/venv\n',
    },
  },
  messages: {
    pinnedRuntime: 'the runtime image is pinned to {{platform}} (stage {{stage}}): `--platform linux/arm64` still ships a {{platform}} image. Drop the flag and choose the platform on the command line.',
    pinnedStage: 'stage {{stage}} is pinned to {{platform}}: it builds {{platform}} files whatever platform the build targets. Drop the flag, or use $BUILDPLATFORM if its output is architecture-independent.',
    archImage: '"{{image}}" is the {{namespace}}-only repository of an official image: stage {{stage}} is {{namespace}} whatever the build targets. Use the multi-platform "{{plain}}".',
    buildPlatformRuntime: 'the runtime image runs on $BUILDPLATFORM (stage {{stage}}): a multi-platform build ships the build machine\'s architecture under every platform. Drop --platform from the runtime stage.',
    buildPlatformInstall: 'stage {{stage}} runs on $BUILDPLATFORM and `{{install}}` (line {{line}}) installs Python packages for the build machine\'s architecture; line {{via}} brings them into the runtime image, where native wheels fail. Install in a stage on the target platform (drop --platform), or cross-install with --platform/--python-platform from $TARGETARCH.',
    archInDownload: 'this download is for {{arch}} only: {{who}} gets the {{arch}} file. Pick it from ${{arg}} (declare `ARG {{arg}}`), `uname -m` or `dpkg --print-architecture`.',
    pipPlatform: '{{option}} {{value}} installs {{arch}} wheels whatever platform the build targets; derive it from $TARGETARCH (declare `ARG TARGETARCH`).',
    platformArgDefault: '`ARG {{name}}={{value}}` replaces the value BuildKit sets for each platform (only --build-arg overrides a default), so every platform gets "{{value}}". Declare it without a value: `ARG {{name}}`.',
    undeclaredArg: '${{name}} is empty in stage {{stage}}: BuildKit\'s platform ARGs are global and reach a stage only through `ARG {{name}}`. Add `ARG {{name}}` to this stage.',
  },
  create(ctx) {
    const model = ctx.dockerfile;
    /** `Dockerfile.aarch64`, `arm64v8.Dockerfile`: one file per architecture, by design. */
    const perArchFile = /(?<![A-Za-z0-9])(x86[-_]64|amd64|aarch64|arm64(v8)?|arm32v[5-7]|armv[67]l?|armhf|i386|ppc64le|s390x)(?![A-Za-z0-9])/i.test(basename(ctx.paths.dockerfile ?? ''));
    const runtime = runtimeStageOf(model);
    const runtimeChain = new Set(runtime ? stageChain(model, runtime).map((s) => s.index) : []);
    const declaredArgs = new Set<string>();
    for (const n of model.instructions) if (n.kind === 'kv' && n.keyword === 'ARG') for (const p of n.pairs) declaredArgs.add(p.name);
    /** A stage pinned to one architecture (by --platform or an arch-only image) is reported once, at its FROM. */
    const pinned = (s: Stage) => stageChain(model, s).some((c) => platformFlag(model, c.from)?.kind === 'literal' || archNamespace(c.from) !== undefined);

    /** A stage on $BUILDPLATFORM downloads for the build machine: BUILDARCH is its variable. */
    const downloadData = (stage: Stage) =>
      platformOf(model, stage)?.kind === 'build' ? { who: 'every build machine', arg: 'BUILDARCH' } : { who: 'every target platform', arg: 'TARGETARCH' };

    const checkDownloads = (node: RunNode, stage: Stage) => {
      const text = blankComments(node.text);
      if (ARCH_AWARE.test(text) || branchesOnArch(text) || pinned(stage)) return;
      const where = downloadData(stage);
      for (const cmd of node.script.commands) {
        const platform = crossPlatformOption(cmd);
        if (platform && pipArgs(cmd)) {
          const hit = archIn(platform);
          const option = cmd.argv.find((w) => w.value === '--platform' || w.value === '--python-platform' || /^--(python-)?platform=/.test(w.value));
          if (hit) ctx.report({ messageId: 'pipPlatform', range: hit.range, data: { option: option?.value.replace(/=.*/s, '') ?? '--platform', value: platform.value, arch: hit.arch } });
        }
        const urls = DOWNLOADERS.has(cmd.name) ? cmd.argv.slice(1).filter((w) => w.value.includes('://')) : pipArgs(cmd)?.filter((w) => !w.value.startsWith('-') && (w.value.includes('://') || /\.whl$/.test(w.value))) ?? [];
        for (const w of urls) {
          const hit = archIn(w);
          if (hit) ctx.report({ messageId: 'archInDownload', range: hit.range, data: { arch: hit.arch, ...where } });
        }
      }
    };

    /** ARGs of the stages a stage is built FROM: BuildKit hands them down (moby/buildkit#5381). */
    const inherited = new Map<Stage, Set<string>>();
    const inheritedArgs = (stage: Stage) => {
      let names = inherited.get(stage);
      if (!names) {
        names = new Set(stageChain(model, stage).slice(1).flatMap((s) => s.instructions.flatMap((n) => (n.kind === 'kv' && n.keyword === 'ARG' ? n.pairs.map((p) => p.name) : []))));
        inherited.set(stage, names);
      }
      return names;
    };

    const checkUndeclared = (node: InstructionNode, stage: Stage) => {
      if (node.kind === 'from' || !/TARGET|BUILD/.test(node.text)) return;
      let text = blankComments(node.text);
      if (node.kind === 'copy' && node.heredoc) text = text.split('\n')[0] ?? '';
      const skip = node.keywordRange.end.character - node.keywordRange.start.character;
      const refs = variableRefs(' '.repeat(skip) + text.slice(skip));
      if (refs.length === 0) return;
      const local = node.kind === 'run' ? shellLocalNames(node.text) : new Set<string>();
      const start = model.index.offsetAt(node.range.start);
      for (const ref of refs) {
        if (!PLATFORM_ARGS.has(ref.name) || node.scope.has(ref.name) || local.has(ref.name) || inheritedArgs(stage).has(ref.name)) continue;
        // Declared elsewhere in the file: arg-out-of-scope (PC101) reports it, except behind a ${X:-default}.
        if (declaredArgs.has(ref.name) && ref.modifier === undefined) continue;
        ctx.report({ messageId: 'undeclaredArg', range: model.index.rangeOf(start + ref.start, start + ref.end), data: { name: ref.name, stage: label(stage) } });
      }
    };

    return {
      FROM(node, stage) {
        if (perArchFile) return;
        const own = platformFlag(model, node);
        if (own?.kind === 'literal' && !namedForPlatform(stage)) {
          const messageId = runtimeChain.has(stage.index) ? 'pinnedRuntime' : 'pinnedStage';
          ctx.report({ messageId, range: own.range, data: { platform: own.value, stage: label(stage) } });
        }
        const ns = archNamespace(node);
        if (ns && !own && !namedForPlatform(stage) && node.imageRange) {
          const raw = node.imageRaw ?? '';
          const at = raw.indexOf(`${ns}/`);
          const r = node.imageRange;
          const range = at !== -1 && r.start.line === r.end.line ? { start: { line: r.start.line, character: r.start.character + at }, end: { line: r.start.line, character: r.start.character + at + ns.length } } : r;
          const image = node.image ?? raw;
          ctx.report({ messageId: 'archImage', range, data: { image, namespace: ns, stage: label(stage), plain: image.replace(`${ns}/`, '') } });
        }
      },
      ARG(node, stage) {
        if (perArchFile || (stage && pinned(stage))) return; // one architecture by design: the default agrees with it
        for (const p of node.pairs) {
          if (!PLATFORM_ARGS.has(p.name) || p.value === undefined || variableRefs(p.value).some((r) => r.name === p.name)) continue;
          if (/OS$/.test(p.name) && p.value === 'linux') continue; // what every Linux platform says anyway
          ctx.report({ messageId: 'platformArgDefault', range: p.value !== '' && p.valueRange ? p.valueRange : p.range, data: { name: p.name, value: p.value } });
        }
      },
      RUN(node, stage) {
        if (!perArchFile) checkDownloads(node, stage);
      },
      ADD(node, stage) {
        if (perArchFile || ARCH_AWARE.test(node.text) || pinned(stage)) return;
        for (const w of node.sources) {
          const hit = /^https?:\/\//.test(w.value) ? archIn(w) : undefined;
          if (hit) ctx.report({ messageId: 'archInDownload', range: hit.range, data: { arch: hit.arch, ...downloadData(stage) } });
        }
      },
      instruction(node, stage) {
        if (stage) checkUndeclared(node, stage);
      },
      done() {
        if (!runtime) return;
        const onBuild = platformOf(model, runtime);
        if (onBuild?.kind === 'build') {
          ctx.report({ messageId: 'buildPlatformRuntime', range: onBuild.range, data: { stage: label(onBuild.owner) } });
          return;
        }
        const reported = new Set<Stage>();
        for (const stage of model.stages) {
          const p = platformOf(model, stage);
          if (p?.kind !== 'build' || reported.has(p.owner)) continue;
          const natives: (Native & { locations: string[] })[] = [];
          for (const node of stage.instructions) {
            if (node.kind !== 'run') continue;
            for (const cmd of node.script.commands) {
              const locations = nativeInstallLocations(model, stage, node, cmd);
              if (locations) natives.push({ node, cmd, locations });
            }
          }
          for (const n of natives) {
            const via = reachRuntime(model, stage, n.locations, runtimeChain);
            if (!via) continue;
            reported.add(p.owner);
            ctx.report({ messageId: 'buildPlatformInstall', range: p.range, data: { stage: label(stage), install: verbText(n.cmd), line: n.node.range.start.line + 1, via: via.range.start.line + 1 } });
            break;
          }
        }
      },
    };
  },
});
