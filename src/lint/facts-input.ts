/** A short description of a project, turned into ProjectFacts by `makeFacts` (docs examples and tests). */
export interface FactsInput {
  readonly name?: string;
  /** `requires-python` (or Poetry's python constraint). */
  readonly requiresPython?: string;
  /** The lock's generator, e.g. `Poetry 1.8.3`. */
  readonly lockGenerator?: string;
  /** `hatch` and `setuptools` are PEP 621 projects built by that backend (no lock). */
  readonly manager?: 'poetry' | 'uv' | 'pdm' | 'pipenv' | 'pip-tools' | 'pip' | 'pep621' | 'hatch' | 'setuptools';
  /**
   * The project has its manager's lock (uv.lock, pdm.lock, Pipfile.lock, requirements.txt, poetry.lock).
   * Default: true for the managers that lock, false for pep621/hatch/setuptools.
   */
  readonly lock?: boolean;
  /** The tool version the project states (`[tool.uv] required-version`, `[tool.pycrane] pdm-version`); unset: pycrane's default. */
  readonly toolVersion?: string;
  /** Requirement files of a pip or pip-tools project, main first (default: a pinned requirements.txt). */
  readonly requirements?: readonly { readonly path: string; readonly pinned?: boolean; readonly hashes?: boolean }[];
  /** pip-compile's inputs (default for pip-tools: requirements.in). */
  readonly requirementInputs?: readonly string[];
  readonly scripts?: readonly string[];
  readonly isPackage?: boolean;
}
