import { describe, expect, it } from 'vitest';
import { readGitState } from './git.js';
import { fakeExec } from './testing/fake-exec.js';

const sha = '0123456789abcdef0123456789abcdef01234567';

describe('readGitState', () => {
  it('reads commit, dirtiness of the project dir and a credential-free remote', async () => {
    const fake = fakeExec()
      .on('git -C /p rev-parse --verify --quiet HEAD', { stdout: `${sha}\n` })
      .on('git -C /p status', { stdout: ' M app.py\n' })
      .on('git -C /p config --get remote.origin.url', { stdout: 'https://bot:tok@github.com/acme/hello.git\n' });
    expect(await readGitState(fake.exec, '/p', { PATH: '/usr/bin' })).toEqual({ commit: sha, dirty: true, remote: 'https://github.com/acme/hello' });
    expect(fake.lines()).toContain('git -C /p status --porcelain --untracked-files=normal -- .');
    expect(fake.calls[0]?.env).toMatchObject({ PATH: '/usr/bin', GIT_OPTIONAL_LOCKS: '0' });
  });

  it('is empty outside a work tree', async () => {
    const fake = fakeExec().on('git -C /p rev-parse', { code: 128, stderr: 'fatal: not a git repository' });
    expect(await readGitState(fake.exec, '/p', {})).toEqual({ commit: undefined, dirty: false, remote: undefined });
    expect(fake.calls).toHaveLength(1);
  });
});
