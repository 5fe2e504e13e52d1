import type { Issue } from '../../core/issue.js';
import type { Fact, SourceRef } from '../../core/location.js';
import type { FileReader } from '../../core/reader.js';
import type {
  DependencyGroup,
  LockFacts,
  PackageIndex,
  PackageManager,
  PoetryFacts,
  PycraneConfig,
  RequirementsFacts,
  ToolFacts,
} from '../model.js';
import type { PyprojectFacts } from '../pyproject/project.js';
import type { PinInput } from '../python/select.js';
import type { TomlLocator } from '../toml/locate.js';
import type { TomlTable } from '../toml/parse.js';

export interface PyprojectSource {
  readonly text: string;
  readonly doc: TomlTable;
  readonly at: TomlLocator;
}

/** What every manager unit may look at: read once by inspect/index.ts. */
export interface InspectContext {
  readonly reader: FileReader;
  readonly pyproject: PyprojectSource | undefined;
  readonly config: PycraneConfig;
  /** Where a `[tool.pycrane]` (or pycrane.toml) key is. */
  configRef(key: string): SourceRef | undefined;
  /** pyproject.toml as the installing tool reads it (Poetry 1 ignores [project]); undefined without one. */
  project(options?: { readonly poetryVersion?: string }): PyprojectFacts | undefined;
  /** `staleLock` of InspectOptions: a stale lock is an error (init) or a warning (check). */
  readonly staleLock: 'error' | 'warn';
}

/**
 * Why a manager would manage the project. Strength orders the kinds of evidence: a lock
 * file beats a pinned requirements file, which beats a tool's table without a lock, which
 * beats an unpinned requirements file, which beats a bare `[project]` or setup.py.
 */
export type EvidenceKind = 'lock' | 'pinned-requirements' | 'declared' | 'requirements' | 'project';
export const EVIDENCE_ORDER: readonly EvidenceKind[] = ['lock', 'pinned-requirements', 'declared', 'requirements', 'project'];

export interface Evidence {
  readonly manager: PackageManager;
  readonly kind: EvidenceKind;
  /** `poetry.lock`, `[tool.uv]`, `requirements.txt (compiled by pip-compile 7.4.1)`. */
  readonly what: string;
  readonly source: SourceRef;
}

/** What a manager unit read: the facts that differ between managers. */
export interface ManagerReading {
  readonly files: readonly string[];
  readonly tool?: ToolFacts;
  readonly poetry?: PoetryFacts;
  readonly lock?: LockFacts;
  readonly requirements?: RequirementsFacts;
  /** Replaces the groups read from pyproject.toml (Pipfile, requirement files). */
  readonly groups?: readonly DependencyGroup[];
  readonly indexes?: readonly PackageIndex[];
  /** Python pins the manager's files make (Pipfile `[requires]`), weaker than `.python-version`. */
  readonly pythonPins?: readonly PinInput[];
  /** The project itself is (true) or is not (false) installed; undefined: decided from the layout. */
  readonly isPackage?: Fact<boolean>;
  /** The main dependencies cannot be read without the code. */
  readonly dynamicDependencies?: boolean;
  readonly issues: readonly Issue[];
}

/** A package manager's unit in inspect: finds its evidence, then reads its files. */
export interface ManagerInspector {
  readonly id: PackageManager;
  detect(context: InspectContext): Promise<readonly Evidence[]>;
  read(context: InspectContext): Promise<ManagerReading>;
}
