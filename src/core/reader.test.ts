import { describe, expect, it } from 'vitest';
import { UserError } from './errors.js';
import { forgivingReader, isImpossiblePath, memoryReader, type FileReader } from './reader.js';

describe('memoryReader', () => {
  it('reads dotfiles and ./-prefixed paths', async () => {
    const reader = memoryReader({ '.python-version': '3.13\n', 'src/a/__init__.py': '' });
    expect(await reader.read('.python-version')).toBe('3.13\n');
    expect(await reader.read('./.python-version')).toBe('3.13\n');
    expect(await reader.list('.')).toEqual(['.python-version', 'src']);
    expect(await reader.isDirectory('./src/')).toBe(true);
  });
});

describe('forgivingReader', () => {
  const failing = (code: string): FileReader => {
    const fail = async (): Promise<never> => {
      throw Object.assign(new Error(`${code}: failed`), { code });
    };
    return { read: fail, list: fail, isDirectory: fail };
  };
  it('reads paths no file can have as absent: a NUL byte, a 5,000-character name, a 5,000-character path', async () => {
    const reader = forgivingReader(memoryReader({ 'a/b.py': 'x' }));
    expect(await reader.read('a/b.py')).toBe('x');
    for (const p of ['a\u0000b/__init__.py', `${'a'.repeat(5000)}/__init__.py`, `${'a/'.repeat(2500)}x.py`]) {
      expect(isImpossiblePath(p)).toBe(true);
      expect(await reader.read(p)).toBeUndefined();
      expect(await reader.list(p)).toEqual([]);
      expect(await reader.isDirectory(p)).toBe(false);
    }
    expect(isImpossiblePath(`${'a'.repeat(255)}/b`)).toBe(false);
  });
  it('reads a folder, a loop or a name the system refuses as absent; other failures are a UserError naming the file', async () => {
    for (const code of ['EISDIR', 'ENAMETOOLONG', 'ELOOP', 'ERR_INVALID_ARG_VALUE']) {
      expect(await forgivingReader(failing(code)).read('x/__main__.py'), code).toBeUndefined();
    }
    const denied = forgivingReader(failing('EACCES')).read('secret.toml');
    await expect(denied).rejects.toBeInstanceOf(UserError);
    await expect(denied).rejects.toThrow('cannot read secret.toml: EACCES');
  });
});
