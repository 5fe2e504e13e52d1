import type { Expanded, Scope } from './expand.js';
import type { ShellScript, Word } from './shell.js';
import type { LineIndex, Range } from './text.js';

export interface Directive {
  readonly name: string;
  readonly value: string;
  readonly range: Range;
}

export interface Comment {
  /** The text after `#`, trimmed. */
  readonly text: string;
  readonly range: Range;
}

/** `--name=value`; for `--mount=type=cache,target=/x` the options are `{ type: 'cache', target: '/x' }`. */
export interface Flag {
  readonly name: string;
  readonly value: string | undefined;
  readonly range: Range;
  readonly options: Readonly<Record<string, string>>;
}

export interface Mount {
  /** `bind` when not given, as BuildKit does. */
  readonly type: string;
  /** `target`, `dst` or `destination`, variables expanded. */
  readonly target: string | undefined;
  readonly id: string | undefined;
  readonly from: string | undefined;
  readonly source: string | undefined;
  readonly options: Readonly<Record<string, string>>;
  readonly range: Range;
}

interface NodeBase {
  /** Upper-case keyword as written (`RUN`, `COPY`, ...). */
  readonly keyword: string;
  readonly range: Range;
  readonly keywordRange: Range;
  /** Range of everything after the keyword (flags included), or the keyword's range when empty. */
  readonly argsRange: Range;
  /** Stage index, or -1 for instructions before the first FROM. */
  readonly stageIndex: number;
  /** Variables visible to this instruction (before it runs). */
  readonly scope: Scope;
  /** The working directory this instruction runs in (absolute; `/` unless set). */
  readonly workdir: string;
  /** The instruction's source text. */
  readonly text: string;
  readonly flags: readonly Flag[];
}

export interface FromNode extends NodeBase {
  readonly kind: 'from';
  /** The image as written (`python:${V}-slim`). */
  readonly imageRaw: string | undefined;
  /** The image with global ARGs substituted. */
  readonly image: string | undefined;
  readonly imageComplete: boolean;
  /** `python` out of `docker.io/library/python:3.12-slim` (registry and path kept: `ghcr.io/x/y`). */
  readonly imageName: string | undefined;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  readonly imageRange: Range | undefined;
  readonly tagRange: Range | undefined;
  readonly digestRange: Range | undefined;
  readonly stageName: string | undefined;
  readonly stageNameRange: Range | undefined;
  readonly platform: string | undefined;
}

export interface RunNode extends NodeBase {
  readonly kind: 'run';
  readonly form: 'shell' | 'exec';
  readonly mounts: readonly Mount[];
  /** The commands run, heredoc scripts and `sh -c` strings included. */
  readonly script: ShellScript;
  readonly heredoc: boolean;
}

export type CopySource =
  | { readonly kind: 'stage'; readonly index: number }
  | { readonly kind: 'image'; readonly image: string }
  /** Names a stage defined later, itself, a stage index out of range, or a bare unknown name. */
  | { readonly kind: 'unknown'; readonly reason: 'later-stage' | 'self' | 'index' | 'unknown-name' };

export interface CopyNode extends NodeBase {
  readonly kind: 'copy';
  readonly keyword: 'COPY' | 'ADD';
  /** `--from` value with variables expanded. */
  readonly from: string | undefined;
  readonly fromRange: Range | undefined;
  readonly fromRef: CopySource | undefined;
  readonly chown: string | undefined;
  readonly chmod: string | undefined;
  readonly checksum: string | undefined;
  readonly sources: readonly Word[];
  readonly dest: Word | undefined;
  /** Absolute destination (WORKDIR applied, variables expanded); a trailing `/` is kept. */
  readonly destPath: string | undefined;
  readonly heredoc: boolean;
}

/** CMD, ENTRYPOINT, and the CMD of a HEALTHCHECK. */
export interface ExecNode extends NodeBase {
  readonly kind: 'exec';
  readonly form: 'shell' | 'exec';
  /** Exec form: the JSON strings. Shell form: the words as the shell splits them. */
  readonly argv: readonly Word[];
  readonly script: ShellScript;
  /** HEALTHCHECK NONE. */
  readonly none: boolean;
}

export interface KeyValue {
  readonly name: string;
  /** The value as written (quotes removed), or undefined for `ARG NAME`. */
  readonly value: string | undefined;
  /** The value with variables substituted (for ARG without a value: the global default, if any). */
  readonly resolved: Expanded | undefined;
  readonly nameRange: Range;
  readonly valueRange: Range | undefined;
  readonly range: Range;
}

export interface KeyValueNode extends NodeBase {
  readonly kind: 'kv';
  readonly keyword: 'ENV' | 'ARG' | 'LABEL';
  /** One per name: `ARG A=1 B=2` and `ARG A B=2` declare two each (ENV's legacy `ENV NAME value` is one). */
  readonly pairs: readonly KeyValue[];
}

export interface UserNode extends NodeBase {
  readonly kind: 'user';
  readonly user: string;
  readonly resolved: Expanded;
}

export interface WorkdirNode extends NodeBase {
  readonly kind: 'workdir';
  readonly path: string;
  /** Absolute, variables expanded. */
  readonly resolved: string;
}

export interface OtherNode extends NodeBase {
  readonly kind: 'other';
}

export type InstructionNode = FromNode | RunNode | CopyNode | ExecNode | KeyValueNode | UserNode | WorkdirNode | OtherNode;

export interface Stage {
  readonly index: number;
  /** `AS name`, lower-cased as BuildKit compares it. */
  readonly name: string | undefined;
  readonly from: FromNode;
  /** `FROM <earlier stage>`: that stage's index. */
  readonly baseStage: number | undefined;
  /** The FROM first, then every instruction of the stage. */
  readonly instructions: readonly InstructionNode[];
  readonly range: Range;
  /** A development/test target by its name (`dev`, `test`, `debug`, `ci`, ...). */
  readonly isDev: boolean;
  /** The external image at the root of the FROM chain (`FROM builder` follows builder). */
  readonly rootFrom: FromNode;
  /** Variables after the last instruction. */
  readonly finalScope: Scope;
  readonly finalWorkdir: string;
  /** The effective USER (inherited through `FROM <stage>`), undefined when never set (the image's, usually root). */
  readonly user: UserNode | undefined;
  readonly cmd: ExecNode | undefined;
  readonly entrypoint: ExecNode | undefined;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly range: Range;
}

export interface DockerfileModel {
  readonly text: string;
  readonly index: LineIndex;
  readonly escapeChar: string;
  readonly directives: readonly Directive[];
  readonly comments: readonly Comment[];
  /** ARGs before the first FROM. */
  readonly globalArgs: readonly KeyValueNode[];
  /** Scope of the global ARGs (what a FROM line sees). */
  readonly globalScope: Scope;
  /** Instructions before the first FROM (ARGs, or mistakes). */
  readonly preamble: readonly InstructionNode[];
  readonly stages: readonly Stage[];
  /** The stage that ships: the last stage that no other stage builds on or copies from and that is not a dev target. */
  readonly runtimeStage: number | undefined;
  /** What the Docker builder would reject (unknown instruction, no FROM, duplicate stage names, ...). */
  readonly problems: readonly SyntaxProblem[];
  /** Stage by name (case-insensitive) or index. */
  stage(ref: string | number): Stage | undefined;
  /** Every instruction in file order. */
  readonly instructions: readonly InstructionNode[];
}
