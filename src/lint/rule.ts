import type { SourceRef } from '../core/location.js';
import type {
  CopyNode,
  DockerfileModel,
  ExecNode,
  FromNode,
  InstructionNode,
  KeyValueNode,
  RunNode,
  Stage,
  UserNode,
  WorkdirNode,
} from '../dockerfile/model.js';
import type { ProjectFacts } from '../inspect/model.js';
import type { IgnoreFile, TreeFile } from './files.js';
import type { FactsInput } from './facts-input.js';
import type { BaseImageConfig, Category, Range, Severity } from './types.js';

/** One example in a rule's docs; the meta-test lints it: `bad` must trigger the rule, `good` must not. */
export interface DocExample {
  /** The file of the rule's kind (a Dockerfile for Dockerfile rules, compose.yaml for compose rules, ...). */
  readonly code: string;
  /** Other files linted with it (e.g. the Dockerfile next to a compose file). */
  readonly files?: {
    readonly dockerfile?: string;
    readonly compose?: string;
    readonly devcontainer?: string;
    readonly dockerignore?: string | null;
  };
  /** Project facts the example assumes (requires-python, lock generator, ...). */
  readonly facts?: FactsInput;
  /** inspect failed with this message (project rules). */
  readonly projectError?: string;
}

export interface RuleDocs {
  /** One sentence, shown by `pycrane rules`. */
  readonly summary: string;
  /** Why it matters: the failure a user will meet. */
  readonly why: string;
  readonly bad: DocExample;
  readonly good: DocExample;
}

export interface ReportDescriptor<M extends string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** 0-based range in `file`. */
  readonly range?: Range;
  /** A 1-based location from ProjectFacts (project rules); used when there is no range. */
  readonly ref?: SourceRef;
  /** Defaults to the file of the rule's kind. */
  readonly file?: string;
}

export interface RuleContext<M extends string> {
  readonly facts: ProjectFacts | undefined;
  readonly dockerfile: DockerfileModel | undefined;
  readonly compose: TreeFile | undefined;
  readonly devcontainer: TreeFile | undefined;
  /** null: no .dockerignore next to the Dockerfile; undefined: not checked. */
  readonly dockerignore: IgnoreFile | null | undefined;
  /** File names of the inputs, for reports on another file than the rule's own. */
  /** Today (LintInput.now), for date-based rules. */
  readonly now: Date;
  /** Base images' configs from the engine (`check --engine`), by image reference; undefined without it. */
  readonly baseImages: Readonly<Record<string, BaseImageConfig>> | undefined;
  readonly paths: { readonly dockerfile?: string; readonly compose?: string; readonly devcontainer?: string; readonly dockerignore?: string; readonly project?: string };
  report(descriptor: ReportDescriptor<M>): void;
}

export interface DockerfileContext<M extends string> extends RuleContext<M> {
  readonly dockerfile: DockerfileModel;
}
export interface ComposeContext<M extends string> extends RuleContext<M> {
  readonly compose: TreeFile;
}
export interface DevcontainerContext<M extends string> extends RuleContext<M> {
  readonly devcontainer: TreeFile;
}
export interface DockerignoreContext<M extends string> extends RuleContext<M> {
  readonly dockerignore: IgnoreFile | null;
}
export interface ProjectContext<M extends string> extends RuleContext<M> {
  readonly facts: ProjectFacts;
}

/** Called once per node in file order; `stage` before its instructions; `done` after everything. */
export interface DockerfileVisitors {
  stage?(stage: Stage): void;
  FROM?(node: FromNode, stage: Stage): void;
  RUN?(node: RunNode, stage: Stage): void;
  COPY?(node: CopyNode, stage: Stage): void;
  ADD?(node: CopyNode, stage: Stage): void;
  ENV?(node: KeyValueNode, stage: Stage): void;
  /** `stage` is undefined for global ARGs (before the first FROM). */
  ARG?(node: KeyValueNode, stage: Stage | undefined): void;
  LABEL?(node: KeyValueNode, stage: Stage): void;
  USER?(node: UserNode, stage: Stage): void;
  WORKDIR?(node: WorkdirNode, stage: Stage): void;
  CMD?(node: ExecNode, stage: Stage): void;
  ENTRYPOINT?(node: ExecNode, stage: Stage): void;
  HEALTHCHECK?(node: ExecNode, stage: Stage): void;
  instruction?(node: InstructionNode, stage: Stage | undefined): void;
  done?(): void;
}

/** Compose, devcontainer, dockerignore and project rules look at their whole file at once. */
export interface FileVisitors {
  done(): void;
}

interface RuleBase<M extends string> {
  /** `PC` + family digit + two digits; stable forever, never reused. */
  readonly id: string;
  /** kebab-case, equal to the rule's file name and its docs page `docs/rules/<name>.md`. */
  readonly name: string;
  readonly category: Category;
  readonly defaultSeverity: Severity;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<M, string>>;
}

export interface DockerfileRule<M extends string = string> extends RuleBase<M> {
  readonly kind: 'dockerfile';
  create(ctx: DockerfileContext<M>): DockerfileVisitors;
}
export interface ComposeRule<M extends string = string> extends RuleBase<M> {
  readonly kind: 'compose';
  create(ctx: ComposeContext<M>): FileVisitors;
}
export interface DevcontainerRule<M extends string = string> extends RuleBase<M> {
  readonly kind: 'devcontainer';
  create(ctx: DevcontainerContext<M>): FileVisitors;
}
export interface DockerignoreRule<M extends string = string> extends RuleBase<M> {
  readonly kind: 'dockerignore';
  create(ctx: DockerignoreContext<M>): FileVisitors;
}
export interface ProjectRule<M extends string = string> extends RuleBase<M> {
  readonly kind: 'project';
  create(ctx: ProjectContext<M>): FileVisitors;
}

export type Rule = DockerfileRule | ComposeRule | DevcontainerRule | DockerignoreRule | ProjectRule;

export function defineRule<M extends string>(rule: DockerfileRule<M>): DockerfileRule<M>;
export function defineRule<M extends string>(rule: ComposeRule<M>): ComposeRule<M>;
export function defineRule<M extends string>(rule: DevcontainerRule<M>): DevcontainerRule<M>;
export function defineRule<M extends string>(rule: DockerignoreRule<M>): DockerignoreRule<M>;
export function defineRule<M extends string>(rule: ProjectRule<M>): ProjectRule<M>;
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** `{{name}}` placeholders filled from data. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => (data && key in data ? String(data[key]) : `{{${key}}}`));
}
