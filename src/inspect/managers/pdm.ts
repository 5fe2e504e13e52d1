/**
 * PDM: pdm.lock (or `[tool.pdm]` / a pdm build backend without one). PDM's lock does not
 * name the PDM that wrote it: the version is `[tool.pycrane] pdm-version` or the default.
 * Freshness from PDM's content_hash, reimplemented.
 */
import type { Issue } from '../../core/issue.js';
import { fact } from '../../core/location.js';
import { pdmLockFreshness } from '../pdm-lock/content-hash.js';
import { parsePdmLock } from '../pdm-lock/parse.js';
import { parseToml, tableAt } from '../toml/parse.js';
import { staleLock } from './stale.js';
import { DEFAULT_TOOL_VERSIONS } from './tool-versions.js';
import type { Evidence, InspectContext, ManagerInspector, ManagerReading } from './types.js';

const LOCK = 'pdm.lock';

async function detect(context: InspectContext): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  if ((await context.reader.read(LOCK)) !== undefined) evidence.push({ manager: 'pdm', kind: 'lock', what: LOCK, source: { file: LOCK, line: 1 } });
  const table = context.pyproject?.at.find(['tool', 'pdm']);
  const backend = context.project()?.buildBackend;
  if (table) evidence.push({ manager: 'pdm', kind: 'declared', what: '[tool.pdm]', source: table });
  else if (backend && /^pdm\./.test(backend.value) && backend.source) {
    evidence.push({ manager: 'pdm', kind: 'declared', what: `build-backend ${backend.value}`, source: backend.source });
  }
  return evidence;
}

async function read(context: InspectContext): Promise<ManagerReading> {
  const issues: Issue[] = [];
  const version =
    context.config.pdmVersion !== undefined ? fact(context.config.pdmVersion, context.configRef('pdm-version')) : fact(DEFAULT_TOOL_VERSIONS.pdm, undefined);
  const distribution = tableAt(context.pyproject?.doc, 'tool', 'pdm')?.distribution;
  const isPackage =
    typeof distribution === 'boolean'
      ? fact(distribution, context.pyproject?.at.find(['tool', 'pdm', 'distribution']))
      : fact(context.project()?.buildBackend !== undefined, context.project()?.buildBackend?.source);
  const text = await context.reader.read(LOCK);
  if (text === undefined) {
    issues.push({
      code: 'W_NO_LOCK',
      severity: 'warning',
      message: 'no pdm.lock: the dependency layer locks on build day (`pdm lock`), so versions change from build to build (run `pdm lock` and commit pdm.lock)',
      ...(context.pyproject?.at.find(['tool', 'pdm']) ? { source: context.pyproject.at.find(['tool', 'pdm']) } : {}),
    });
    return { files: [], tool: { name: 'pdm', version }, isPackage, issues };
  }
  const parsed = parsePdmLock(text, LOCK, context.pyproject ? { pyproject: context.pyproject.doc } : {});
  issues.push(...parsed.issues);
  let fresh: boolean | undefined;
  if (context.pyproject) {
    // PDM hashes integers as Python does: keep them exact.
    const verdict = pdmLockFreshness(parsed, parseToml(context.pyproject.text, 'pyproject.toml', { integersAsBigInt: true }));
    fresh = verdict.fresh;
    if (fresh === false) staleLock(context, `pdm.lock does not match pyproject.toml (${verdict.reason ?? 'content_hash differs'})`, LOCK, 'pdm lock', issues);
  }
  if (!parsed.groups.includes('default') && !parsed.groups.includes('main')) {
    issues.push({
      code: 'W_PDM_NO_DEFAULT_GROUP',
      severity: 'warning',
      message: `pdm.lock was locked without the default group (groups: ${parsed.groups.join(', ') || 'none'}): the runtime image would get no dependencies; run pdm lock`,
      source: { file: LOCK, line: 1 },
    });
  }
  return { files: [LOCK], tool: { name: 'pdm', version }, lock: { ...parsed.lock, fresh }, isPackage, issues };
}

export const pdm: ManagerInspector = { id: 'pdm', detect, read };
