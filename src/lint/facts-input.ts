/** A short description of a project, turned into ProjectFacts by `makeFacts` (docs examples and tests). */
export interface FactsInput {
  readonly name?: string;
  /** `requires-python` (or Poetry's python constraint). */
  readonly requiresPython?: string;
  /** The lock's generator, e.g. `Poetry 1.8.3`. */
  readonly lockGenerator?: string;
  readonly manager?: 'poetry' | 'uv' | 'pdm' | 'pip' | 'hatch' | 'setuptools';
  readonly scripts?: readonly string[];
  readonly isPackage?: boolean;
}
