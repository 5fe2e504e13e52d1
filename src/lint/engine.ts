import type { SourceRef } from '../core/location.js';
import type { DockerfileModel, InstructionNode, Stage } from '../dockerfile/model.js';
import { isDevDockerfilePath, parseDockerfile } from '../dockerfile/parse.js';
import { MAX_EXPANSION } from '../dockerfile/expand.js';
import { MAX_STAGE_CHAIN } from './commands.js';
import type { Range } from '../dockerfile/text.js';
import { type CheckConfig, defaultCheckConfig, effectiveSeverity } from './config.js';
import { MAX_IGNORE_FILE_CHARS, parseIgnoreFile, parseJsoncFile, parseYamlFile, type IgnoreFile, type TreeFile } from './files.js';
import { formatMessage, type DockerfileVisitors, type FileVisitors, type ReportDescriptor, type Rule, type RuleContext } from './rule.js';
import { checkIncomplete } from './rules/check-incomplete.js';
import { allRules } from './rules/index.js';
import { dockerfileSuppressions, isSuppressed, lineSuppressions, type Suppressions } from './suppress.js';
import type { Diagnostic, LintInput, Severity, TextFile } from './types.js';

/** Rule ids the engine itself reports (the rule files document them). */
export const SYNTAX_RULE = 'PC100';
export const PROJECT_ERROR_RULE = 'PC190';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function refToRange(ref: SourceRef | undefined): Range {
  if (!ref) return ZERO;
  const line = Math.max(0, ref.line - 1);
  const character = Math.max(0, (ref.column ?? 1) - 1);
  return { start: { line, character }, end: { line, character } };
}

export interface LintResult {
  readonly diagnostics: readonly Diagnostic[];
  /** The parsed Dockerfile, for reporters that print code frames. */
  readonly dockerfile: DockerfileModel | undefined;
}

/**
 * Lints a project's container files together. Pure: takes texts and facts, returns diagnostics sorted by
 * file, line, column and rule id, with severities resolved by `config` and pragmas applied.
 */
export function lintFiles(input: LintInput, config: CheckConfig = defaultCheckConfig, rules: readonly Rule[] = allRules): readonly Diagnostic[] {
  return lint(input, config, rules).diagnostics;
}

export function lint(input: LintInput, config: CheckConfig = defaultCheckConfig, rules: readonly Rule[] = allRules): LintResult {
  const out: Diagnostic[] = [];
  const push = (rule: Rule, severity: Severity, messageId: string, data: ReportDescriptor<string>['data'], file: string, range: Range) => {
    const template = (rule.messages as Record<string, string>)[messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${messageId}"`);
    out.push({ ruleId: rule.id, ruleName: rule.name, category: rule.category, severity, messageId, message: formatMessage(template, clipData(data)), file, range });
  };

  // The boundary: a parser or rule that throws on an input (a bug, or a limit of the runtime such as the
  // stack) is reported as PC191 on that file, and everything else still runs. Never an internal error.
  const incompleteSeverity = effectiveSeverity(checkIncomplete, config);
  const fault = (what: string, file: string, error: unknown) => {
    if (incompleteSeverity !== 'off') push(checkIncomplete, incompleteSeverity, 'crashed', { what, error: describeError(error) }, file, ZERO);
  };
  const guarded = <T>(what: string, file: string, run: () => T): T | undefined => {
    try {
      return run();
    } catch (error) {
      fault(what, file, error);
      return undefined;
    }
  };

  const dockerfile = input.dockerfile
    ? guarded('the Dockerfile parser', input.dockerfile.path, () => parseDockerfile((input.dockerfile as TextFile).text, { devFile: isDevDockerfilePath((input.dockerfile as TextFile).path) }))
    : undefined;
  const compose: TreeFile | undefined = input.compose ? guarded('the compose file parser', input.compose.path, () => parseYamlFile(input.compose as TextFile)) : undefined;
  const devcontainer: TreeFile | undefined = input.devcontainer
    ? guarded('the devcontainer.json parser', input.devcontainer.path, () => parseJsoncFile(input.devcontainer as TextFile))
    : undefined;
  // A .dockerignore too large to read is as good as unknown: its rules skip it, and PC191 says why.
  const ignoreTooLarge = input.dockerignore && input.dockerignore.text.length > MAX_IGNORE_FILE_CHARS ? input.dockerignore : undefined;
  const dockerignore: IgnoreFile | null | undefined =
    input.dockerignore === undefined || ignoreTooLarge ? undefined
    : input.dockerignore === null ? null
    : guarded('the .dockerignore parser', input.dockerignore.path, () => parseIgnoreFile(input.dockerignore as TextFile));
  if (ignoreTooLarge && incompleteSeverity !== 'off') {
    const data = { chars: ignoreTooLarge.text.length.toLocaleString('en-US'), limit: MAX_IGNORE_FILE_CHARS / 1024 };
    push(checkIncomplete, incompleteSeverity, 'ignoreTooLarge', data, ignoreTooLarge.path, ZERO);
  }
  const paths = {
    ...(input.dockerfile ? { dockerfile: input.dockerfile.path } : {}),
    ...(input.compose ? { compose: input.compose.path } : {}),
    ...(input.devcontainer ? { devcontainer: input.devcontainer.path } : {}),
    ...(input.dockerignore ? { dockerignore: input.dockerignore.path } : {}),
    project: 'pyproject.toml',
  };
  const byId = new Map(rules.map((r) => [r.id, r]));

  // Engine-reported rules: builder-level syntax problems, limits the parser hit, an unreadable project.
  const syntax = byId.get(SYNTAX_RULE);
  if (syntax && dockerfile && input.dockerfile) {
    const sev = effectiveSeverity(syntax, config);
    if (sev !== 'off') for (const p of dockerfile.problems) push(syntax, sev, 'syntax', { problem: p.message }, input.dockerfile.path, p.range);
  }
  if (dockerfile && input.dockerfile && incompleteSeverity !== 'off') {
    // The first value past the cap is the one to fix; the ones built on it are counted, not repeated.
    const tooLong = dockerfile.instructions.flatMap((node) => (node.kind === 'kv' ? node.pairs.filter((p) => p.resolved?.tooLong) : []));
    const first = tooLong[0];
    if (first) {
      const more = tooLong.length > 1 ? ` (and ${tooLong.length - 1} more after it)` : '';
      push(checkIncomplete, incompleteSeverity, 'tooLong', { name: first.name, limit: MAX_EXPANSION, more }, input.dockerfile.path, first.valueRange ?? first.range);
    }
  }
  if (dockerfile && input.dockerfile && incompleteSeverity !== 'off') {
    // Depth of each stage's FROM chain (a base is always an earlier stage); the first one past the cap is reported.
    const depth: number[] = [];
    for (const stage of dockerfile.stages) {
      const base = stage.baseStage !== undefined && stage.baseStage < stage.index ? depth[stage.baseStage] : undefined;
      depth[stage.index] = base === undefined ? 1 : base + 1;
      if (depth[stage.index] === MAX_STAGE_CHAIN + 1) {
        push(checkIncomplete, incompleteSeverity, 'chainTooLong', { limit: MAX_STAGE_CHAIN }, input.dockerfile.path, stage.from.range);
        break;
      }
    }
  }
  const projectRule = byId.get(PROJECT_ERROR_RULE);
  if (projectRule && input.projectError) {
    const sev = effectiveSeverity(projectRule, config);
    const e = input.projectError;
    if (sev !== 'off') push(projectRule, sev, 'unreadable', { message: e.message }, e.file, refToRange({ file: e.file, line: e.line ?? 1 }));
  }

  const dockerfileVisitors: { rule: Rule; v: DockerfileVisitors }[] = [];
  const fileVisitors: { rule: Rule; v: FileVisitors }[] = [];
  const ruleLabel = (rule: Rule) => `rule ${rule.id} ${rule.name}`;
  const ownFileOf = (rule: Rule): string =>
    (rule.kind === 'dockerfile' ? paths.dockerfile
    : rule.kind === 'compose' ? paths.compose
    : rule.kind === 'devcontainer' ? paths.devcontainer
    : rule.kind === 'dockerignore' ? (paths.dockerignore ?? '.dockerignore')
    : paths.project) ?? '';
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') continue;
    const ownFile = ownFileOf(rule);
    const ctx: RuleContext<string> = {
      facts: input.facts,
      dockerfile,
      compose,
      devcontainer,
      dockerignore,
      paths,
      now: input.now ?? new Date(),
      baseImages: input.baseImages,
      report(d) {
        const file = d.file ?? (d.ref ? d.ref.file : ownFile) ?? '';
        push(rule, severity, d.messageId, d.data, file, d.range ?? refToRange(d.ref));
      },
    };
    const create = (): void => {
      switch (rule.kind) {
        case 'dockerfile':
          if (dockerfile && dockerfile.stages.length > 0) dockerfileVisitors.push({ rule, v: rule.create({ ...ctx, dockerfile }) });
          break;
        case 'compose':
          if (compose) fileVisitors.push({ rule, v: rule.create({ ...ctx, compose }) });
          break;
        case 'devcontainer':
          if (devcontainer) fileVisitors.push({ rule, v: rule.create({ ...ctx, devcontainer }) });
          break;
        case 'dockerignore':
          if (dockerignore !== undefined) fileVisitors.push({ rule, v: rule.create({ ...ctx, dockerignore }) });
          break;
        case 'project':
          if (input.facts) fileVisitors.push({ rule, v: rule.create({ ...ctx, facts: input.facts }) });
          break;
      }
    };
    guarded(ruleLabel(rule), ownFile, create);
  }

  if (dockerfile && input.dockerfile && dockerfileVisitors.length > 0) {
    const file = input.dockerfile.path;
    walkDockerfile(dockerfile, dockerfileVisitors, (rule, error) => fault(ruleLabel(rule), file, error));
  }
  for (const { rule, v } of fileVisitors) guarded(ruleLabel(rule), ownFileOf(rule), () => v.done());

  // Pragmas.
  const suppressions = new Map<string, Suppressions>();
  if (input.dockerfile && dockerfile) {
    const s = guarded('the ignore pragmas', input.dockerfile.path, () => dockerfileSuppressions(dockerfile));
    if (s) suppressions.set(input.dockerfile.path, s);
  }
  for (const f of [input.compose, input.devcontainer, input.dockerignore]) {
    if (!f) continue;
    const s = guarded('the ignore pragmas', f.path, () => lineSuppressions(f.text));
    if (s) suppressions.set(f.path, s);
  }
  const kept = out.filter((d) => {
    const s = suppressions.get(d.file);
    return !s || !isSuppressed(d, s);
  });

  kept.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareText(a.ruleId, b.ruleId),
  );
  return { diagnostics: dedupe(kept), dockerfile };
}

/** Longest text a message quotes from the input (a 40,000-character line, 20,000 times, would not fit a report). */
export const MAX_QUOTED = 200;

function clipData(data: ReportDescriptor<string>['data']): ReportDescriptor<string>['data'] {
  if (!data) return data;
  let clipped: Record<string, string | number> | undefined;
  for (const [k, v] of Object.entries(data)) {
    if (typeof v !== 'string' || v.length <= MAX_QUOTED) continue;
    clipped ??= { ...data };
    clipped[k] = `${v.slice(0, MAX_QUOTED - 1)}…`;
  }
  return clipped ?? data;
}

/** `RangeError: Maximum call stack size exceeded`, shortened to one line. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = text.split('\n')[0] ?? text;
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

/** Drops repeated findings from a sorted list: repeats share file, start and rule, so they are neighbours. */
function dedupe(ds: readonly Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let head: Diagnostic | undefined;
  let group = new Set<string>();
  for (const d of ds) {
    const sameGroup =
      head !== undefined && head.file === d.file && head.ruleId === d.ruleId &&
      head.range.start.line === d.range.start.line && head.range.start.character === d.range.start.character;
    if (!sameGroup) {
      head = d;
      group = new Set();
    }
    const key = `${d.range.end.line}:${d.range.end.character}:${d.message}`;
    if (group.has(key)) continue;
    group.add(key);
    out.push(d);
  }
  return out;
}

type Handler = (node: never, stage: Stage | undefined) => void;

/**
 * Calls every rule's handlers in file order. A rule whose handler throws is reported through `onError`
 * once and gets no further calls; the other rules go on.
 */
function walkDockerfile(
  model: DockerfileModel,
  visitors: readonly { rule: Rule; v: DockerfileVisitors }[],
  onError: (rule: Rule, error: unknown) => void,
): void {
  const stopped = new Set<Rule>();
  const safe = (rule: Rule, f: (...args: never[]) => void): Handler =>
    (node, stage) => {
      if (stopped.has(rule)) return;
      try {
        (f as Handler)(node, stage);
      } catch (error) {
        stopped.add(rule);
        onError(rule, error);
      }
    };
  // One list of handlers per event, so each node only calls the rules that listen to it.
  const on = (key: keyof DockerfileVisitors): Handler[] =>
    visitors.flatMap(({ rule, v }) => {
      const f = v[key];
      return typeof f === 'function' ? [safe(rule, f.bind(v) as Handler)] : [];
    });
  const h = {
    instruction: on('instruction'), ARG: on('ARG'), FROM: on('FROM'), RUN: on('RUN'), COPY: on('COPY'), ADD: on('ADD'),
    ENV: on('ENV'), LABEL: on('LABEL'), USER: on('USER'), WORKDIR: on('WORKDIR'), CMD: on('CMD'), ENTRYPOINT: on('ENTRYPOINT'),
    HEALTHCHECK: on('HEALTHCHECK'),
  };
  const stageHandlers = on('stage');
  const done = on('done');
  const call = (list: Handler[], node: InstructionNode, stage: Stage | undefined) => {
    for (const f of list) f(node as never, stage);
  };
  const visit = (node: InstructionNode, stage: Stage | undefined) => {
    call(h.instruction, node, stage);
    if (node.kind === 'kv' && node.keyword === 'ARG') call(h.ARG, node, stage);
    if (!stage) return;
    switch (node.kind) {
      case 'from':
        call(h.FROM, node, stage);
        break;
      case 'run':
        call(h.RUN, node, stage);
        break;
      case 'copy':
        call(node.keyword === 'COPY' ? h.COPY : h.ADD, node, stage);
        break;
      case 'kv':
        if (node.keyword === 'ENV') call(h.ENV, node, stage);
        else if (node.keyword === 'LABEL') call(h.LABEL, node, stage);
        break;
      case 'user':
        call(h.USER, node, stage);
        break;
      case 'workdir':
        call(h.WORKDIR, node, stage);
        break;
      case 'exec':
        call(node.keyword === 'CMD' ? h.CMD : node.keyword === 'ENTRYPOINT' ? h.ENTRYPOINT : h.HEALTHCHECK, node, stage);
        break;
      default:
        break;
    }
  };
  for (const node of model.preamble) visit(node, undefined);
  for (const stage of model.stages) {
    for (const f of stageHandlers) f(stage as never, undefined);
    for (const node of stage.instructions) visit(node, stage);
  }
  for (const f of done) f(undefined as never, undefined);
}
