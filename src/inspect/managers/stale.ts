import { UserError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import type { InspectContext } from './types.js';

/**
 * A lock that no longer matches its project: `init` stops (the generated build would fail
 * at its locked install, or install what the project no longer declares); `check` warns.
 */
export function staleLock(context: InspectContext, message: string, file: string, relock: string, issues: Issue[]): void {
  const source = { file, line: 1 };
  if (context.staleLock === 'error') {
    throw new UserError('E_LOCK_STALE', `${message}: the lock is stale`, { source, hint: `run ${relock}` });
  }
  issues.push({ code: 'W_LOCK_STALE', severity: 'warning', message: `${message}: the lock is stale; run ${relock}`, source });
}
