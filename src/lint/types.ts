import type { Severity } from '../core/issue.js';
import type { Range } from '../dockerfile/text.js';
import type { ProjectFacts } from '../inspect/model.js';

export type { Severity } from '../core/issue.js';
export type { Range, Position } from '../dockerfile/text.js';

/** Rule families; the id's hundreds digit is the family (PC1xx correctness ... PC8xx devcontainer). */
export type Category = 'correctness' | 'security' | 'size' | 'speed' | 'flexibility' | 'stability' | 'compose' | 'devcontainer';

export const CATEGORY_DIGIT: Readonly<Record<Category, number>> = {
  correctness: 1,
  security: 2,
  size: 3,
  speed: 4,
  flexibility: 5,
  stability: 6,
  compose: 7,
  devcontainer: 8,
};

/** Which input a rule reads: the file it reports on by default. */
export type RuleKind = 'dockerfile' | 'compose' | 'devcontainer' | 'dockerignore' | 'project';

export interface TextFile {
  /** As shown to the user (relative to the checked directory when there is one). */
  readonly path: string;
  readonly text: string;
}

/** What `check` lints together. Missing members are not linted; `dockerignore: null` means "looked, not there". */
export interface LintInput {
  readonly dockerfile?: TextFile;
  readonly compose?: TextFile;
  readonly devcontainer?: TextFile;
  readonly dockerignore?: TextFile | null;
  readonly facts?: ProjectFacts;
  /** inspect failed with a user error: reported as PC190 instead of aborting the lint. */
  readonly projectError?: { readonly message: string; readonly file: string; readonly line?: number };
  /** Today, for date-based rules (EOL Python); defaults to the current date. */
  readonly now?: Date;
  /** Base images' configs read from the engine (`check --engine`), by the image as FROM names it (ARGs substituted). */
  readonly baseImages?: Readonly<Record<string, BaseImageConfig>>;
}

/** What `docker image inspect` says of a base image: the user it runs as and what it starts. */
export interface BaseImageConfig {
  /** `Config.User`; '' when the image sets none (root). */
  readonly user: string;
  readonly entrypoint: readonly string[] | undefined;
  readonly cmd: readonly string[] | undefined;
}

export interface Diagnostic {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly file: string;
  /** 0-based; reporters print 1-based lines and columns. */
  readonly range: Range;
}
