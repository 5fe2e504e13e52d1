/**
 * pipenv: Pipfile and Pipfile.lock. Pipenv projects are usually applications: the code is
 * copied, not installed, unless a pyproject.toml or setup.py makes it a package with scripts.
 * Freshness from the lock's `_meta.hash`, reimplemented.
 */
import type { Issue } from '../../core/issue.js';
import { fact } from '../../core/location.js';
import { parsePipfileLock, pipfileLockFreshness, readPipfile } from '../pipfile/parse.js';
import { staleLock } from './stale.js';
import { DEFAULT_TOOL_VERSIONS } from './tool-versions.js';
import type { Evidence, InspectContext, ManagerInspector, ManagerReading } from './types.js';
import type { PinInput } from '../python/select.js';

const PIPFILE = 'Pipfile';
const LOCK = 'Pipfile.lock';

async function detect(context: InspectContext): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  if ((await context.reader.read(LOCK)) !== undefined) evidence.push({ manager: 'pipenv', kind: 'lock', what: LOCK, source: { file: LOCK, line: 1 } });
  if ((await context.reader.read(PIPFILE)) !== undefined) evidence.push({ manager: 'pipenv', kind: 'declared', what: PIPFILE, source: { file: PIPFILE, line: 1 } });
  return evidence;
}

async function read(context: InspectContext): Promise<ManagerReading> {
  const issues: Issue[] = [];
  const version =
    context.config.pipenvVersion !== undefined
      ? fact(context.config.pipenvVersion, context.configRef('pipenv-version'))
      : fact(DEFAULT_TOOL_VERSIONS.pipenv, undefined);
  const pipfileText = await context.reader.read(PIPFILE);
  const lockText = await context.reader.read(LOCK);
  const files: string[] = [];
  const pipfile = pipfileText === undefined ? undefined : readPipfile(pipfileText, PIPFILE);
  if (pipfile) {
    files.push(PIPFILE);
    issues.push(...pipfile.issues);
  }
  const pins: PinInput[] = [];
  const pinFact = pipfile?.pythonFullVersion ?? pipfile?.pythonVersion;
  if (pinFact) {
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(pinFact.value);
    if (m) pins.push({ minor: `${m[1]}.${m[2]}`, exact: m[3] === undefined ? undefined : `${m[1]}.${m[2]}.${m[3]}`, raw: pinFact.value, label: 'Pipfile [requires]', source: pinFact.source });
  }
  if (lockText === undefined) {
    issues.push({
      code: 'W_NO_LOCK',
      severity: 'warning',
      message: 'no Pipfile.lock: the dependency layer locks on build day (`pipenv lock`), so versions change from build to build (run `pipenv lock` and commit Pipfile.lock)',
      source: { file: PIPFILE, line: 1 },
    });
    return { files, tool: { name: 'pipenv', version }, ...(pipfile ? { groups: pipfile.groups, indexes: pipfile.sources } : {}), pythonPins: pins, issues };
  }
  files.push(LOCK);
  const lock = parsePipfileLock(lockText, LOCK);
  issues.push(...lock.issues);
  let fresh: boolean | undefined;
  if (pipfileText !== undefined && lock.hash) {
    const verdict = pipfileLockFreshness(pipfileText, lock, { pipenvVersion: version.value });
    issues.push(...verdict.issues);
    fresh = verdict.fresh;
    if (fresh === false) staleLock(context, `Pipfile.lock _meta.hash does not match Pipfile for pipenv ${version.value}`, LOCK, 'pipenv lock', issues);
  } else if (pipfileText === undefined) {
    issues.push({ code: 'W_PIPFILE_MISSING', severity: 'warning', message: 'Pipfile.lock without a Pipfile: freshness unknown, and `pipenv` cannot re-lock in dev', source: { file: LOCK, line: 1 } });
  }
  if (!pins.length && (lock.requires.pythonFullVersion ?? lock.requires.pythonVersion)) {
    const raw = lock.requires.pythonFullVersion ?? lock.requires.pythonVersion ?? '';
    const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(raw);
    if (m) pins.push({ minor: `${m[1]}.${m[2]}`, exact: m[3] === undefined ? undefined : raw, raw, label: 'Pipfile.lock _meta.requires', source: { file: LOCK, line: 1 } });
  }
  return {
    files,
    tool: { name: 'pipenv', version },
    lock: { ...lock.lock, fresh },
    ...(pipfile ? { groups: pipfile.groups } : {}),
    indexes: pipfile?.sources ?? lock.sources,
    pythonPins: pins,
    issues,
  };
}

export const pipenv: ManagerInspector = { id: 'pipenv', detect, read };
