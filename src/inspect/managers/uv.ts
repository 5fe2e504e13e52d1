/**
 * uv: uv.lock (or `[tool.uv]` without one). uv's version comes from `[tool.uv]
 * required-version` when that names one release, else `[tool.pycrane] uv-version` or the default.
 */
import type { Issue } from '../../core/issue.js';
import { type Fact, fact } from '../../core/location.js';
import type { DependencyGroup } from '../model.js';
import { parseRequirement } from '../pyproject/pep508.js';
import { stringAt, tableAt } from '../toml/parse.js';
import { parseUvLock, uvLockFreshness } from '../uv-lock/parse.js';
import { DEFAULT_TOOL_VERSIONS } from './tool-versions.js';
import { staleLock } from './stale.js';
import type { Evidence, InspectContext, ManagerInspector, ManagerReading } from './types.js';

const LOCK = 'uv.lock';

async function detect(context: InspectContext): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  if ((await context.reader.read(LOCK)) !== undefined) evidence.push({ manager: 'uv', kind: 'lock', what: LOCK, source: { file: LOCK, line: 1 } });
  const uvTable = context.pyproject?.at.find(['tool', 'uv']);
  if (uvTable) evidence.push({ manager: 'uv', kind: 'declared', what: '[tool.uv]', source: uvTable });
  return evidence;
}

function uvVersion(context: InspectContext, issues: Issue[]): Fact<string> {
  if (context.config.uvVersion !== undefined) return fact(context.config.uvVersion, context.configRef('uv-version'));
  const required = stringAt(tableAt(context.pyproject?.doc, 'tool', 'uv'), 'required-version');
  const source = context.pyproject?.at.find(['tool', 'uv', 'required-version']);
  const exact = required === undefined ? undefined : /^\s*===?\s*(\d+\.\d+\.\d+)\s*$/.exec(required)?.[1];
  if (exact !== undefined) return fact(exact, source);
  if (required !== undefined) {
    issues.push({
      code: 'I_UV_VERSION_RANGE',
      severity: 'info',
      message: `[tool.uv] required-version "${required}" names no single release: pinning uv ${DEFAULT_TOOL_VERSIONS.uv} (set [tool.pycrane] uv-version to choose)`,
      ...(source ? { source } : {}),
    });
  }
  return fact(DEFAULT_TOOL_VERSIONS.uv, undefined);
}

/** pyproject's groups, plus `[tool.uv] dev-dependencies` (uv's group "dev" before PEP 735). */
function uvGroups(context: InspectContext): DependencyGroup[] {
  const groups = [...(context.project()?.groups ?? [])];
  const legacy = tableAt(context.pyproject?.doc, 'tool', 'uv')?.['dev-dependencies'];
  if (Array.isArray(legacy) && !groups.some((g) => g.name === 'dev')) {
    const source = context.pyproject?.at.find(['tool', 'uv', 'dev-dependencies']);
    const dependencies = legacy.flatMap((text) => {
      const req = typeof text === 'string' ? parseRequirement(text) : undefined;
      return req ? [{ name: req.name, constraint: req.constraint, optional: false, source }] : [];
    });
    groups.push({ name: 'dev', optional: false, dependencies, source });
  }
  return groups;
}

async function read(context: InspectContext): Promise<ManagerReading> {
  const issues: Issue[] = [];
  const version = uvVersion(context, issues);
  const text = await context.reader.read(LOCK);
  const packageSetting = tableAt(context.pyproject?.doc, 'tool', 'uv')?.package;
  const packageRef = context.pyproject?.at.find(['tool', 'uv', 'package']);
  if (text === undefined) {
    issues.push({
      code: 'W_NO_LOCK',
      severity: 'warning',
      message: 'no uv.lock: the dependency layer runs `uv sync` without --locked, which resolves versions on build day (run `uv lock` and commit uv.lock)',
      ...(context.pyproject?.at.find(['tool', 'uv']) ? { source: context.pyproject.at.find(['tool', 'uv']) } : {}),
    });
    return {
      files: [],
      tool: { name: 'uv', version },
      groups: uvGroups(context),
      ...(typeof packageSetting === 'boolean' ? { isPackage: fact(packageSetting, packageRef) } : {}),
      issues,
    };
  }
  const parsed = parseUvLock(text, LOCK);
  issues.push(...parsed.issues);
  let fresh: boolean | undefined;
  if (context.pyproject) {
    const verdict = uvLockFreshness(parsed, context.pyproject.doc);
    fresh = verdict.fresh;
    if (fresh === false) staleLock(context, `uv.lock does not match pyproject.toml (${verdict.reason ?? 'dependencies changed'})`, LOCK, 'uv lock', issues);
  }
  if (parsed.workspaceMembers.length > 1) {
    issues.push({
      code: 'I_UV_WORKSPACE',
      severity: 'info',
      message: `uv workspace with ${parsed.workspaceMembers.length} members (${parsed.workspaceMembers.join(', ')}): the dependency layer installs every member's dependencies, then the members themselves`,
      source: { file: LOCK, line: 1 },
    });
  }
  const isPackage =
    typeof packageSetting === 'boolean' ? fact(packageSetting, packageRef) : parsed.virtual ? fact(false, { file: LOCK, line: 1 }) : fact(true, { file: LOCK, line: 1 });
  return { files: [LOCK], tool: { name: 'uv', version }, groups: uvGroups(context), lock: { ...parsed.lock, fresh, workspaceMembers: parsed.workspaceMembers }, isPackage, issues };
}

export const uv: ManagerInspector = { id: 'uv', detect, read };
