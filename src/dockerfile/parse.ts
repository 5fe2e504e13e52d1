import {
  DockerfileParser,
  type Instruction,
  type Flag as AstFlag,
  type From,
  type Arg,
  type Env,
  type Label,
  type JSONInstruction,
  type ModifiableInstruction,
  type Copy,
} from 'dockerfile-ast';
import { Scope, type Binding, type Expanded } from './expand.js';
import type {
  CopyNode,
  CopySource,
  DockerfileModel,
  ExecNode,
  Flag,
  FromNode,
  InstructionNode,
  KeyValue,
  KeyValueNode,
  Mount,
  RunNode,
  Stage,
  SyntaxProblem,
  UserNode,
  WorkdirNode,
  Comment,
  Directive,
} from './model.js';
import { commandFromArgv, logicalText, parseShell, verbatimText, type ShellScript, type Word } from './shell.js';
import { LineIndex, type Range } from './text.js';

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

const DEV_NAME = /(^|[-_.])(dev|devel|develop|development|test|tests|testing|debug|ci|lint|devcontainer|local)([-_.\d]|$)/i;

/** Official images that are commonly used bare in `COPY --from=<image>`. */
const BARE_IMAGES = new Set([
  'alpine', 'busybox', 'debian', 'ubuntu', 'python', 'node', 'golang', 'nginx', 'composer', 'scratch', 'docker',
  'hello-world', 'traefik', 'redis', 'postgres', 'mysql', 'rust', 'caddy', 'tini', 'gcr.io',
]);

export function isDevStageName(name: string | undefined): boolean {
  return name !== undefined && DEV_NAME.test(name);
}

/** Normalises an absolute POSIX path: collapses `//`, `.` and `..`; keeps a trailing `/`. */
export function normalizePath(p: string): string {
  const trailing = p.length > 1 && p.endsWith('/');
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const out = `/${parts.join('/')}`;
  return trailing && out !== '/' ? `${out}/` : out;
}

export function resolvePath(workdir: string, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${workdir.replace(/\/$/, '')}/${p}`);
}

function unquote(s: string): string {
  if (s.length >= 2 && ((s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")))) return s.slice(1, -1);
  return s;
}

/** Parses a Dockerfile into pycrane's model. Never throws on user input: problems are listed. */
export function parseDockerfile(text: string): DockerfileModel {
  const index = new LineIndex(text);
  const ast = DockerfileParser.parse(text);
  const escapeChar = ast.getEscapeCharacter();
  const problems: SyntaxProblem[] = [];

  const directives: Directive[] = ast.getDirectives().map((d) => ({ name: d.getName().toLowerCase(), value: d.getValue(), range: d.getRange() }));
  const comments: Comment[] = ast.getComments().map((c) => ({ text: c.getContent().trim(), range: c.getRange() }));

  const flagsOf = (ins: Instruction, scope: Scope): Flag[] => {
    const getFlags = (ins as ModifiableInstruction).getFlags as (() => AstFlag[]) | undefined;
    if (typeof getFlags !== 'function') return [];
    return getFlags.call(ins).map((f) => {
      const options: Record<string, string> = {};
      if (f.hasOptions()) for (const o of f.getOptions()) options[o.getName().toLowerCase()] = scope.expand(o.getValue() ?? '').value;
      const value = f.getValue();
      return { name: f.getName().toLowerCase(), value: value === null ? undefined : scope.expand(value, escapeChar).value, range: f.getRange(), options };
    });
  };

  const argsRangeOf = (ins: Instruction): Range => {
    const r = ins.getArgumentsRange();
    return r ?? ins.getInstructionRange();
  };

  /** Exec form strings when the instruction is a valid JSON array of strings (else BuildKit runs it as shell form). */
  const jsonArgv = (ins: Instruction): Word[] | undefined => {
    const j = ins as JSONInstruction;
    if (typeof j.getJSONStrings !== 'function') return undefined;
    const open = j.getOpeningBracket();
    if (!open || !j.getClosingBracket()) return undefined;
    const start = index.offsetAt(open.getRange().start);
    const logical = logicalText(text, start, index.offsetAt(ins.getRange().end), escapeChar).text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(logical);
    } catch {
      return undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
    const strings = j.getJSONStrings();
    const whole = { start: open.getRange().start, end: ins.getRange().end };
    return (parsed as string[]).map((value, i) => {
      const s = strings.length === parsed.length ? strings[i] : undefined;
      return { value, raw: s?.getValue() ?? JSON.stringify(value), range: s?.getRange() ?? whole, quoted: true, hasExpansion: value.includes('$') };
    });
  };

  /** Shell commands of everything after the flags. */
  const shellOf = (ins: Instruction, firstArg: Range | undefined): ShellScript => {
    if (!firstArg) return { commands: [] };
    const start = index.offsetAt(firstArg.start);
    const end = index.offsetAt(ins.getRange().end);
    const heredocs = (ins as Copy).getHeredocs?.call(ins) ?? [];
    if (heredocs.length === 0) return parseShell(logicalText(text, start, end, escapeChar), index);
    const logical = logicalText(text, start, end, escapeChar);
    const nl = logical.text.indexOf('\n');
    const head = { text: nl === -1 ? logical.text : logical.text.slice(0, nl), offsets: logical.offsets.slice(0, nl === -1 ? undefined : nl), end: logical.end };
    const headScript = parseShell(head, index);
    const commands = [...headScript.commands];
    const first = headScript.commands[0];
    const bodyIsScript = !first || ['sh', 'bash', 'dash', 'ash', 'zsh'].includes(first.name);
    const h = heredocs[0];
    const content = h?.getContentRange();
    if (bodyIsScript && content) {
      const body = verbatimText(text, index.offsetAt(content.start), index.offsetAt(content.end));
      const shebang = /^#!\s*(\S+)/.exec(body.text);
      if (!shebang || /\/(ba|da|a|z)?sh$/.test(shebang[1] ?? '')) commands.push(...parseShell(body, index).commands);
    }
    return { commands };
  };

  const kvPairs = (ins: Arg | Env | Label, scope: Scope, keyword: 'ENV' | 'ARG' | 'LABEL', globals: Scope | undefined): KeyValue[] => {
    const props = keyword === 'ARG' ? [(ins as Arg).getProperty()].filter((p) => p !== null) : (ins as Env).getProperties();
    return props.map((p) => {
      const raw = p.getValue();
      let resolved: Expanded | undefined;
      if (raw !== null) resolved = scope.expand(raw, escapeChar);
      else if (keyword === 'ARG' && globals) {
        const g = globals.get(p.getName());
        if (g?.value !== undefined) resolved = { value: g.value, complete: g.complete };
      }
      const nameRange = p.getNameRange();
      const valueRange = p.getValueRange() ?? undefined;
      return { name: p.getName(), value: raw ?? undefined, resolved, nameRange, valueRange, range: p.getRange() };
    });
  };

  // ---- walk -----------------------------------------------------------------------------------
  const all = ast.getInstructions();
  const preamble: InstructionNode[] = [];
  const globalArgs: KeyValueNode[] = [];
  let globalScope = new Scope();
  const stages: Stage[] = [];
  const instructions: InstructionNode[] = [];

  interface Building {
    index: number;
    from: FromNode;
    name: string | undefined;
    baseStage: number | undefined;
    nodes: InstructionNode[];
    scope: Scope;
    workdir: string;
    user: UserNode | undefined;
    cmd: ExecNode | undefined;
    entrypoint: ExecNode | undefined;
  }
  let cur: Building | undefined;
  const finish = () => {
    if (!cur) return;
    const last = cur.nodes[cur.nodes.length - 1] as InstructionNode;
    const base = cur.baseStage === undefined ? undefined : stages[cur.baseStage];
    stages.push({
      index: cur.index,
      name: cur.name,
      from: cur.from,
      baseStage: cur.baseStage,
      instructions: cur.nodes,
      range: { start: cur.from.range.start, end: last.range.end },
      isDev: isDevStageName(cur.name),
      rootFrom: base ? base.rootFrom : cur.from,
      finalScope: cur.scope,
      finalWorkdir: cur.workdir,
      user: cur.user,
      cmd: cur.cmd,
      entrypoint: cur.entrypoint,
    });
    cur = undefined;
  };

  const stageByName = (name: string): number | undefined => {
    const lower = name.toLowerCase();
    for (const s of stages) if (s.name === lower) return s.index;
    return undefined;
  };
  const laterNames = new Set(
    all.filter((i) => i.getKeyword() === 'FROM').map((f) => (f as From).getBuildStage()?.toLowerCase()).filter((n): n is string => Boolean(n)),
  );

  for (const ins of all) {
    const keyword = ins.getKeyword();
    const range = ins.getRange();
    const keywordRange = ins.getInstructionRange();
    const argsRange = argsRangeOf(ins);
    const insText = index.slice(range);
    if (!KEYWORDS.has(keyword)) {
      problems.push({ message: `unknown instruction "${ins.getInstruction()}"`, range: keywordRange });
      continue;
    }

    if (keyword === 'FROM') {
      finish();
      const from = ins as From;
      const rawImage = from.getImage() ?? undefined;
      const expanded = rawImage === undefined ? undefined : globalScope.expand(rawImage, escapeChar);
      const image = expanded?.value;
      const split = image ? splitImage(image) : undefined;
      const stageName = from.getBuildStage()?.toLowerCase();
      const platform = from.getPlatformFlag()?.getValue() ?? undefined;
      const stageIndex = stages.length;
      const node: FromNode = {
        kind: 'from', keyword, range, keywordRange, argsRange, stageIndex, scope: globalScope, workdir: '/', text: insText,
        flags: flagsOf(ins, globalScope),
        imageRaw: rawImage, image, imageComplete: expanded?.complete ?? false,
        imageName: split?.name, tag: split?.tag, digest: split?.digest,
        imageRange: from.getImageRange() ?? undefined,
        tagRange: from.getImageTagRange() ?? undefined,
        digestRange: from.getImageDigestRange() ?? undefined,
        stageName, stageNameRange: from.getBuildStageRange() ?? undefined,
        platform,
      };
      if (!rawImage) problems.push({ message: 'FROM needs an image', range: keywordRange });
      if (stageName && stageByName(stageName) !== undefined) {
        problems.push({ message: `duplicate stage name "${stageName}"`, range: node.stageNameRange ?? keywordRange });
      }
      const baseStage = image && !image.includes('/') && !image.includes(':') && !image.includes('@') ? stageByName(image) : undefined;
      const base = baseStage === undefined ? undefined : stages[baseStage];
      cur = {
        index: stageIndex,
        from: node,
        name: stageName,
        baseStage,
        nodes: [node],
        scope: base ? base.finalScope.envOnly() : new Scope(),
        workdir: base ? base.finalWorkdir : '/',
        user: base?.user,
        cmd: base?.cmd,
        entrypoint: base?.entrypoint,
      };
      instructions.push(node);
      continue;
    }

    const scope = cur ? cur.scope : globalScope;
    const workdir = cur ? cur.workdir : '/';
    const stageIndex = cur ? cur.index : -1;
    const flags = flagsOf(ins, scope);
    const base = { keyword, range, keywordRange, argsRange, stageIndex, scope, workdir, text: insText, flags };
    let node: InstructionNode;
    const nonFlagArgs = ins.getArguments();
    const firstArg = nonFlagArgs[0]?.getRange();

    switch (keyword) {
      case 'ARG':
      case 'ENV':
      case 'LABEL': {
        const pairs = kvPairs(ins as Arg, scope, keyword, cur ? globalScope : undefined);
        node = { ...base, kind: 'kv', keyword, pairs };
        if (keyword !== 'LABEL') {
          let next = scope;
          for (const p of pairs) {
            const binding: Binding = {
              kind: keyword === 'ARG' ? 'arg' : 'env',
              value: p.resolved?.value,
              complete: p.resolved?.complete ?? false,
              line: range.start.line,
            };
            next = next.with(p.name, binding);
          }
          if (cur) cur.scope = next;
          else globalScope = next;
        }
        if (!cur && keyword === 'ARG') globalArgs.push(node as KeyValueNode);
        break;
      }
      case 'RUN': {
        const argv = jsonArgv(ins);
        const mounts: Mount[] = flags
          .filter((f) => f.name === 'mount')
          .map((f) => ({
            type: f.options.type ?? 'bind',
            target: f.options.target ?? f.options.dst ?? f.options.destination,
            id: f.options.id,
            from: f.options.from,
            source: f.options.source ?? f.options.src,
            options: f.options,
            range: f.range,
          }));
        const heredoc = ((ins as Copy).getHeredocs?.call(ins) ?? []).length > 0;
        const script = argv ? commandFromArgv(argv, index) : shellOf(ins, firstArg);
        node = { ...base, kind: 'run', form: argv ? 'exec' : 'shell', mounts, script, heredoc } satisfies RunNode;
        break;
      }
      case 'COPY':
      case 'ADD': {
        const flag = (n: string) => flags.find((f) => f.name === n);
        const fromFlag = flag('from');
        const heredocs = (ins as Copy).getHeredocs?.call(ins) ?? [];
        let words: Word[];
        const argv = jsonArgv(ins);
        if (argv) words = argv;
        else {
          const firstLine = firstArg?.start.line;
          words = nonFlagArgs
            .filter((a) => heredocs.length === 0 || a.getRange().start.line === firstLine)
            .map((a) => ({ value: unquote(a.getValue()), raw: a.getValue(), range: a.getRange(), quoted: /^["']/.test(a.getValue()), hasExpansion: a.getValue().includes('$') }));
        }
        const nonHeredoc = words.filter((w) => !w.value.startsWith('<<'));
        const dest = nonHeredoc.length > 0 ? nonHeredoc[nonHeredoc.length - 1] : undefined;
        const sources = heredocs.length > 0 ? [] : words.slice(0, -1);
        const destExpanded = dest ? scope.expand(dest.value, escapeChar).value : undefined;
        let fromRef: CopySource | undefined;
        const from = fromFlag?.value;
        if (from !== undefined) fromRef = resolveCopyFrom(from, stageIndex, stageByName, laterNames, cur?.name);
        node = {
          ...base,
          kind: 'copy',
          keyword,
          from,
          fromRange: fromFlag?.range,
          fromRef,
          chown: flag('chown')?.value,
          chmod: flag('chmod')?.value,
          checksum: flag('checksum')?.value,
          sources,
          dest,
          destPath: destExpanded === undefined ? undefined : resolvePath(workdir, destExpanded),
          heredoc: heredocs.length > 0,
        } satisfies CopyNode;
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT':
      case 'HEALTHCHECK': {
        let sub: Instruction = ins;
        let subFirst = firstArg;
        let none = false;
        if (keyword === 'HEALTHCHECK') {
          const args = nonFlagArgs;
          none = args[0]?.getValue().toUpperCase() === 'NONE';
          subFirst = args[1]?.getRange();
          sub = ins;
        }
        let argv: Word[] | undefined = keyword === 'HEALTHCHECK' ? healthJson(insText, range, index) : jsonArgv(sub);
        const form: 'exec' | 'shell' = argv ? 'exec' : 'shell';
        const script = argv ? commandFromArgv(argv, index) : shellOf(sub, subFirst);
        if (!argv) argv = script.commands[0]?.words.slice() ?? [];
        node = { ...base, kind: 'exec', form, argv, script, none } satisfies ExecNode;
        if (cur && keyword === 'CMD') cur.cmd = node as ExecNode;
        if (cur && keyword === 'ENTRYPOINT') {
          cur.entrypoint = node as ExecNode;
          // Setting ENTRYPOINT clears a CMD inherited from the base.
          if (cur.cmd && cur.cmd.stageIndex !== cur.index) cur.cmd = undefined;
        }
        break;
      }
      case 'USER': {
        const user = (ins.getArgumentsContent() ?? '').trim();
        node = { ...base, kind: 'user', user, resolved: scope.expand(user, escapeChar) } satisfies UserNode;
        if (cur) cur.user = node as UserNode;
        break;
      }
      case 'WORKDIR': {
        const p = unquote((ins.getArgumentsContent() ?? '').trim());
        const resolved = resolvePath(workdir, scope.expand(p, escapeChar).value).replace(/(.)\/$/, '$1');
        node = { ...base, kind: 'workdir', path: p, resolved } satisfies WorkdirNode;
        if (cur) cur.workdir = resolved;
        break;
      }
      default:
        node = { ...base, kind: 'other' };
    }
    if (cur) cur.nodes.push(node);
    else {
      preamble.push(node);
      if (keyword !== 'ARG') problems.push({ message: `${keyword} before the first FROM (only ARG may come before FROM)`, range: keywordRange });
    }
    instructions.push(node);
  }
  finish();
  if (stages.length === 0 && all.length > 0) problems.push({ message: 'no FROM instruction', range: (all[0] as Instruction).getInstructionRange() });
  else if (all.length === 0 && text.trim() !== '') problems.push({ message: 'no instructions', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });

  const runtimeStage = pickRuntimeStage(stages);
  return {
    text,
    index,
    escapeChar,
    directives,
    comments,
    globalArgs,
    globalScope,
    preamble,
    stages,
    runtimeStage,
    problems,
    instructions,
    stage(ref) {
      if (typeof ref === 'number') return stages[ref];
      if (/^\d+$/.test(ref)) return stages[Number(ref)];
      const i = stageByName(ref);
      return i === undefined ? undefined : stages[i];
    },
  };
}

function healthJson(insText: string, range: Range, index: LineIndex): Word[] | undefined {
  // HEALTHCHECK [opts] CMD ["a", "b"]: find the JSON array after CMD.
  const m = /\bCMD\s+(\[.*\])\s*$/is.exec(insText);
  if (!m) return undefined;
  try {
    const arr = JSON.parse(m[1] as string) as unknown;
    if (!Array.isArray(arr) || !arr.every((x) => typeof x === 'string')) return undefined;
    const start = index.offsetAt(range.start) + (m.index + m[0].indexOf('['));
    const r = index.rangeOf(start, start + (m[1] as string).length);
    return (arr as string[]).map((value) => ({ value, raw: value, range: r, quoted: true, hasExpansion: value.includes('$') }));
  } catch {
    return undefined;
  }
}

function resolveCopyFrom(
  from: string,
  stageIndex: number,
  stageByName: (n: string) => number | undefined,
  laterNames: ReadonlySet<string>,
  ownName: string | undefined,
): CopySource {
  if (/^\d+$/.test(from)) {
    const i = Number(from);
    if (i < stageIndex) return { kind: 'stage', index: i };
    return { kind: 'unknown', reason: i === stageIndex ? 'self' : 'index' };
  }
  const lower = from.toLowerCase();
  const found = stageByName(lower);
  if (found !== undefined) return { kind: 'stage', index: found };
  if (ownName === lower) return { kind: 'unknown', reason: 'self' };
  if (laterNames.has(lower)) return { kind: 'unknown', reason: 'later-stage' };
  if (/[/:@.]/.test(from) || from.includes('$') || BARE_IMAGES.has(lower)) return { kind: 'image', image: from };
  return { kind: 'unknown', reason: 'unknown-name' };
}

/** Splits `registry/path/name:tag@digest`. */
export function splitImage(image: string): { name: string; tag: string | undefined; digest: string | undefined } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { name: rest, tag, digest };
}

function pickRuntimeStage(stages: readonly Stage[]): number | undefined {
  if (stages.length === 0) return undefined;
  const used = new Set<number>();
  for (const s of stages) {
    if (s.baseStage !== undefined) used.add(s.baseStage);
    for (const n of s.instructions) {
      if (n.kind === 'copy' && n.fromRef?.kind === 'stage') used.add(n.fromRef.index);
      if (n.kind === 'run') for (const m of n.mounts) {
        const mf = m.from;
        if (mf === undefined) continue;
        const i = /^\d+$/.test(mf) ? Number(mf) : stages.find((x) => x.name === mf.toLowerCase())?.index;
        if (i !== undefined) used.add(i);
      }
    }
  }
  for (let i = stages.length - 1; i >= 0; i--) if (!used.has(i) && !(stages[i] as Stage).isDev) return i;
  for (let i = stages.length - 1; i >= 0; i--) if (!(stages[i] as Stage).isDev) return i;
  return stages.length - 1;
}
