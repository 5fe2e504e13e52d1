/** The git facts a build is tagged and labelled with, read through the injected ExecFn. */
import type { ExecFn } from './exec.js';
import { normalizeRemote } from './pure/labels.js';
import type { GitState } from './pure/tags.js';

export async function readGitState(exec: ExecFn, dir: string, env: Readonly<Record<string, string | undefined>>): Promise<GitState> {
  // Only the project directory counts for "dirty" (a project inside a bigger repository).
  // No lock files taken for a read-only status (GIT_OPTIONAL_LOCKS=0); no pager, no prompts.
  const gitEnv = { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' };
  const git = (args: string[]) => exec({ cmd: 'git', args: ['-C', dir, ...args], env: gitEnv, timeoutMs: 30_000 });
  const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD']);
  const commit = head.code === 0 && /^[0-9a-f]{40,64}$/.test(head.stdout.trim()) ? head.stdout.trim() : undefined;
  if (commit === undefined) return { commit: undefined, dirty: false, remote: undefined };
  const [status, remote] = await Promise.all([git(['status', '--porcelain', '--untracked-files=normal', '--', '.']), git(['config', '--get', 'remote.origin.url'])]);
  return {
    commit,
    dirty: status.code !== 0 || status.stdout.trim() !== '',
    remote: remote.code === 0 ? normalizeRemote(remote.stdout) : undefined,
  };
}
