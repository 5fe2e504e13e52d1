/**
 * Which manager manages the project. `[tool.pycrane] manager` decides when set. Otherwise
 * every unit reports its evidence and the strongest kind wins (EVIDENCE_ORDER): a lock file
 * over a pinned requirements file, over a tool's table without a lock, over an unpinned
 * requirements file, over a bare `[project]` / setup.py. Among managers with evidence of the
 * same kind, the one whose own table the project also declares wins (two locks: poetry.lock
 * and uv.lock with `[tool.uv]` means uv); failing that, MANAGERS' order, with a warning.
 */
import { UserError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { type Fact, fact } from '../../core/location.js';
import type { PackageManager } from '../model.js';
import { MANAGERS } from './index.js';
import { EVIDENCE_ORDER, type Evidence, type InspectContext } from './types.js';

export interface Detected {
  readonly manager: Fact<PackageManager>;
  readonly evidence: readonly Evidence[];
  readonly issues: readonly Issue[];
}

function list(evidence: readonly Evidence[]): string {
  return evidence.map((e) => `${e.what} (${e.manager})`).join(', ');
}

export async function detectManager(context: InspectContext, root: string): Promise<Detected> {
  const evidence = (await Promise.all(MANAGERS.map((m) => m.detect(context)))).flat();
  const issues: Issue[] = [];
  const configured = context.config.manager;
  if (configured !== undefined) {
    return { manager: fact(configured, context.configRef('manager')), evidence, issues };
  }
  const kind = EVIDENCE_ORDER.find((k) => evidence.some((e) => e.kind === k));
  if (kind === undefined) {
    throw new UserError('E_NO_PROJECT', `no Python project in ${root}: no pyproject.toml, setup.py, setup.cfg, Pipfile or requirements file`, {
      hint: 'run pycrane in the project folder or pass it as DIR; a project without any of these needs at least a requirements.txt',
    });
  }
  const strongest = evidence.filter((e) => e.kind === kind);
  let candidates = [...new Set(strongest.map((e) => e.manager))];
  // A compiled requirements file is pip-tools' lock: pip's reading of it is the same file.
  if (candidates.includes('pip-tools')) candidates = candidates.filter((m) => m !== 'pip');
  if (candidates.length > 1) {
    const declared = candidates.filter((m) => evidence.some((e) => e.manager === m && e.kind === 'declared'));
    if (declared.length === 1) candidates = declared;
  }
  const [chosen, ...rest] = candidates.sort((a, b) => MANAGERS.findIndex((m) => m.id === a) - MANAGERS.findIndex((m) => m.id === b));
  if (chosen === undefined) throw new Error('unreachable: evidence without a manager');
  const reason = strongest.find((e) => e.manager === chosen) ?? strongest[0];
  if (rest.length > 0) {
    issues.push({
      code: 'W_MANAGER_AMBIGUOUS',
      severity: 'warning',
      message: `found ${list(strongest)}: using ${chosen}; set [tool.pycrane] manager = "${rest[0] ?? ''}" (or another) to choose`,
      ...(reason ? { source: reason.source } : {}),
    });
  }
  const ignored = evidence.filter((e) => e.manager !== chosen && e.kind !== 'project' && !(chosen === 'pip-tools' && e.manager === 'pip'));
  if (ignored.length > 0 && rest.length === 0) {
    issues.push({
      code: 'I_MANAGER_EVIDENCE_IGNORED',
      severity: 'info',
      message: `using ${chosen} (${reason?.what ?? ''}); also found ${list(ignored)}, not used (set [tool.pycrane] manager to choose)`,
      ...(ignored[0] ? { source: ignored[0].source } : {}),
    });
  }
  return { manager: fact(chosen, reason?.source), evidence, issues };
}
