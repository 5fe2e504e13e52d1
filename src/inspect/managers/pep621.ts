/**
 * PEP 621 builds with no lock (setuptools, hatchling, flit, pdm-backend, poetry-core, and
 * setup.py/setup.cfg alone): pip installs the dependencies `[project]` declares and then the
 * project. Nothing is locked; `[tool.pycrane] constraints` names a pip constraints file (-c).
 */
import type { Issue } from '../../core/issue.js';
import type { Evidence, InspectContext, ManagerInspector, ManagerReading } from './types.js';

async function detect(context: InspectContext): Promise<Evidence[]> {
  const evidence: Evidence[] = [];
  const project = context.pyproject?.at.find(['project']);
  if (project) evidence.push({ manager: 'pep621', kind: 'project', what: '[project]', source: project });
  for (const file of ['setup.cfg', 'setup.py']) {
    if ((await context.reader.read(file)) !== undefined) evidence.push({ manager: 'pep621', kind: 'project', what: file, source: { file, line: 1 } });
  }
  if (evidence.length === 0 && context.pyproject?.at.find(['build-system'])) {
    evidence.push({ manager: 'pep621', kind: 'project', what: '[build-system]', source: context.pyproject.at.find(['build-system']) ?? { file: 'pyproject.toml', line: 1 } });
  }
  return evidence;
}

async function read(context: InspectContext): Promise<ManagerReading> {
  const issues: Issue[] = [];
  const constraints = context.config.constraints;
  if (constraints !== undefined) {
    if ((await context.reader.read(constraints)) === undefined) {
      const source = context.configRef('constraints');
      issues.push({ code: 'E_CONSTRAINTS_MISSING', severity: 'error', message: `[tool.pycrane] constraints names ${constraints}, which does not exist`, ...(source ? { source } : {}) });
    }
  }
  issues.push({
    code: 'W_NO_LOCK',
    severity: 'warning',
    message:
      constraints !== undefined
        ? `no lock: pip installs what [project] declares, within the pins of ${constraints}`
        : 'no lock: pip installs what [project] declares, resolving versions on build day (pin them with a lock manager, or name a pip constraints file in [tool.pycrane] constraints)',
    ...(context.pyproject?.at.find(['project']) ? { source: context.pyproject.at.find(['project']) } : {}),
  });
  return { files: constraints !== undefined ? [constraints] : [], issues };
}

export const pep621: ManagerInspector = { id: 'pep621', detect, read };
