/**
 * Pipfile and Pipfile.lock: readPipfile (pipfile.ts), parsePipfileLock (lock.ts), the
 * lock's `_meta.hash` (hash.ts), and whether a lock still matches its Pipfile.
 */
import { UserError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { parseToml } from '../toml/parse.js';
import { pipenvHashesCanonicalNames, pipfileHash, PYPI_DEFAULT_SOURCE } from './hash.js';
import type { PipfileLockResult } from './lock.js';

export { pipenvHashesCanonicalNames, pipfileHash, PYPI_DEFAULT_SOURCE, type PipfileHashOptions } from './hash.js';
export { parsePipfileLock, type PipfileLockResult } from './lock.js';
export { readPipfile, type PipfileFacts, type PipfileScript } from './pipfile.js';

export interface PipfileLockFreshness {
  /**
   * Whether the lock's hash matches the Pipfile: for `pipenvVersion` when given, else for
   * any pipenv (see `acceptedBy`); undefined when it cannot be told (no hash, Pipfile not hashable).
   */
  readonly fresh: boolean | undefined;
  /** Which pipenv releases accept the lock: they differ in hashing package names (see hash.ts). */
  readonly acceptedBy: 'all' | 'pipenv<2026.4' | 'pipenv>=2026.4' | 'none' | undefined;
  /** The hash the given pipenv (default: canonical names) would write now. */
  readonly expected: string | undefined;
  readonly issues: readonly Issue[];
}

/**
 * Compares Pipfile.lock's `_meta.hash` with the Pipfile as pipenv does (`pipenv verify`,
 * `pipenv install --deploy`). A Pipfile without `[[source]]` is hashed with the sources the
 * lock recorded: the index pip was configured with where the lock was written.
 */
export function pipfileLockFreshness(pipfileText: string, lock: PipfileLockResult, options: { pipenvVersion?: string } = {}): PipfileLockFreshness {
  const issues: Issue[] = [];
  const hashSource = lock.hash?.source ?? { file: lock.lock.path, line: 1 };
  const hasSource = hasSourceTable(pipfileText);
  const recorded = lock.rawSources.length > 0 ? lock.rawSources : [PYPI_DEFAULT_SOURCE];
  const hashWith = (names: 'canonical' | 'as-written') => pipfileHash(pipfileText, { names, defaultSources: recorded });
  const canonical = hashWith('canonical');
  const asWritten = hashWith('as-written');
  const wants = options.pipenvVersion === undefined ? 'canonical' : pipenvHashesCanonicalNames(options.pipenvVersion) === false ? 'as-written' : 'canonical';
  const expected = wants === 'canonical' ? canonical : asWritten;
  if (lock.hash === undefined || (canonical === undefined && asWritten === undefined)) return { fresh: undefined, acceptedBy: undefined, expected, issues };

  const byCanonical = canonical === lock.hash.value;
  const byAsWritten = asWritten === lock.hash.value;
  const acceptedBy = byCanonical && byAsWritten ? 'all' : byCanonical ? 'pipenv>=2026.4' : byAsWritten ? 'pipenv<2026.4' : 'none';
  const fresh = options.pipenvVersion === undefined ? acceptedBy !== 'none' : expected === lock.hash.value;

  if (acceptedBy === 'pipenv<2026.4' || acceptedBy === 'pipenv>=2026.4') {
    const older = acceptedBy === 'pipenv<2026.4';
    issues.push({
      code: 'W_PIPFILE_LOCK_NAME_HASH',
      severity: 'warning',
      message: `${lock.lock.path} was hashed with package names ${older ? 'as written (pipenv < 2026.4)' : 'PEP 503-normalised (pipenv >= 2026.4)'}; ${older ? 'pipenv 2026.4 and later call' : 'older pipenv calls'} it out of date: write the Pipfile's package names normalised (\`Flask_Login\` -> \`flask-login\`) and run \`pipenv lock\``,
      source: hashSource,
    });
  }
  const recordedPypi = recorded.length === 1 && recorded[0]?.url === PYPI_DEFAULT_SOURCE.url && recorded[0]?.name === PYPI_DEFAULT_SOURCE.name;
  if (!hasSource && !recordedPypi && acceptedBy !== 'none') {
    issues.push({
      code: 'I_PIPFILE_LOCK_PIP_INDEX',
      severity: 'info',
      message: `the Pipfile has no [[source]], so pipenv hashed the index pip was configured with where the lock was written (${recorded.map((s) => String(s.url)).join(', ')}): a pipenv with another pip configuration calls the lock out of date; name the index in [[source]]`,
      source: hashSource,
    });
  }
  return { fresh, acceptedBy, expected, issues };
}

function hasSourceTable(pipfileText: string): boolean {
  try {
    return parseToml(pipfileText, 'Pipfile').source !== undefined;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}
