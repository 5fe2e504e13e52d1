import type { SourceRef } from '../core/location.js';
import type { DockerfileModel, InstructionNode, Stage } from '../dockerfile/model.js';
import { isDevDockerfilePath, parseDockerfile } from '../dockerfile/parse.js';
import type { Range } from '../dockerfile/text.js';
import { type CheckConfig, defaultCheckConfig, effectiveSeverity } from './config.js';
import { parseIgnoreFile, parseJsoncFile, parseYamlFile, type IgnoreFile, type TreeFile } from './files.js';
import { formatMessage, type DockerfileVisitors, type FileVisitors, type ReportDescriptor, type Rule, type RuleContext } from './rule.js';
import { allRules } from './rules/index.js';
import { dockerfileSuppressions, isSuppressed, lineSuppressions, type Suppressions } from './suppress.js';
import type { Diagnostic, LintInput, Severity } from './types.js';

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
  const dockerfile = input.dockerfile
    ? parseDockerfile(input.dockerfile.text, { devFile: isDevDockerfilePath(input.dockerfile.path) })
    : undefined;
  const compose: TreeFile | undefined = input.compose ? parseYamlFile(input.compose) : undefined;
  const devcontainer: TreeFile | undefined = input.devcontainer ? parseJsoncFile(input.devcontainer) : undefined;
  const dockerignore: IgnoreFile | null | undefined =
    input.dockerignore === undefined ? undefined : input.dockerignore === null ? null : parseIgnoreFile(input.dockerignore);
  const paths = {
    ...(input.dockerfile ? { dockerfile: input.dockerfile.path } : {}),
    ...(input.compose ? { compose: input.compose.path } : {}),
    ...(input.devcontainer ? { devcontainer: input.devcontainer.path } : {}),
    ...(input.dockerignore ? { dockerignore: input.dockerignore.path } : {}),
    project: 'pyproject.toml',
  };
  const byId = new Map(rules.map((r) => [r.id, r]));
  const out: Diagnostic[] = [];

  const push = (rule: Rule, severity: Severity, messageId: string, data: ReportDescriptor<string>['data'], file: string, range: Range) => {
    const template = (rule.messages as Record<string, string>)[messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${messageId}"`);
    out.push({ ruleId: rule.id, ruleName: rule.name, category: rule.category, severity, messageId, message: formatMessage(template, data), file, range });
  };

  // Engine-reported rules: builder-level syntax problems and an unreadable project.
  const syntax = byId.get(SYNTAX_RULE);
  if (syntax && dockerfile && input.dockerfile) {
    const sev = effectiveSeverity(syntax, config);
    if (sev !== 'off') for (const p of dockerfile.problems) push(syntax, sev, 'syntax', { problem: p.message }, input.dockerfile.path, p.range);
  }
  const projectRule = byId.get(PROJECT_ERROR_RULE);
  if (projectRule && input.projectError) {
    const sev = effectiveSeverity(projectRule, config);
    const e = input.projectError;
    if (sev !== 'off') push(projectRule, sev, 'unreadable', { message: e.message }, e.file, refToRange({ file: e.file, line: e.line ?? 1 }));
  }

  const dockerfileVisitors: { rule: Rule; v: DockerfileVisitors }[] = [];
  const fileVisitors: FileVisitors[] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, config);
    if (severity === 'off') continue;
    const ownFile =
      rule.kind === 'dockerfile' ? paths.dockerfile
      : rule.kind === 'compose' ? paths.compose
      : rule.kind === 'devcontainer' ? paths.devcontainer
      : rule.kind === 'dockerignore' ? (paths.dockerignore ?? '.dockerignore')
      : paths.project;
    const ctx: RuleContext<string> = {
      facts: input.facts,
      dockerfile,
      compose,
      devcontainer,
      dockerignore,
      paths,
      now: input.now ?? new Date(),
      report(d) {
        const file = d.file ?? (d.ref ? d.ref.file : ownFile) ?? '';
        push(rule, severity, d.messageId, d.data, file, d.range ?? refToRange(d.ref));
      },
    };
    switch (rule.kind) {
      case 'dockerfile':
        if (dockerfile && dockerfile.stages.length > 0) dockerfileVisitors.push({ rule, v: rule.create({ ...ctx, dockerfile }) });
        break;
      case 'compose':
        if (compose) fileVisitors.push(rule.create({ ...ctx, compose }));
        break;
      case 'devcontainer':
        if (devcontainer) fileVisitors.push(rule.create({ ...ctx, devcontainer }));
        break;
      case 'dockerignore':
        if (dockerignore !== undefined) fileVisitors.push(rule.create({ ...ctx, dockerignore }));
        break;
      case 'project':
        if (input.facts) fileVisitors.push(rule.create({ ...ctx, facts: input.facts }));
        break;
    }
  }

  if (dockerfile && dockerfileVisitors.length > 0) walkDockerfile(dockerfile, dockerfileVisitors.map((x) => x.v));
  for (const v of fileVisitors) v.done();

  // Pragmas.
  const suppressions = new Map<string, Suppressions>();
  if (input.dockerfile && dockerfile) suppressions.set(input.dockerfile.path, dockerfileSuppressions(dockerfile));
  for (const f of [input.compose, input.devcontainer, input.dockerignore]) if (f) suppressions.set(f.path, lineSuppressions(f.text));
  const kept = out.filter((d) => {
    const s = suppressions.get(d.file);
    return !s || !isSuppressed(d, s);
  });

  kept.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { diagnostics: dedupe(kept), dockerfile };
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.file}:${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${d.ruleId}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Handler = (node: never, stage: Stage | undefined) => void;

function walkDockerfile(model: DockerfileModel, visitors: readonly DockerfileVisitors[]): void {
  // One list of handlers per event, so each node only calls the rules that listen to it.
  const on = (key: keyof DockerfileVisitors): Handler[] =>
    visitors.flatMap((v) => {
      const f = v[key];
      return typeof f === 'function' ? [f.bind(v) as Handler] : [];
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
    for (const f of stageHandlers) (f as (s: Stage) => void)(stage);
    for (const node of stage.instructions) visit(node, stage);
  }
  for (const f of done) (f as () => void)();
}
