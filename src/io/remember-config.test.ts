import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { memoryReader } from '../core/reader.js';
import { inspectProject } from '../inspect/index.js';
import { nodeReader } from './fs.js';
import { editConfigText, readerWith, rememberConfig } from './remember-config.js';
import { applyWrites } from './write-files.js';

const PYPROJECT = ['[project]', 'name = "demo"', 'version = "1.0"', 'requires-python = ">=3.11"', '', '[tool.pycrane] # pycrane', 'manager = "pep621"', ''].join('\n');

describe('editConfigText', () => {
  it('sets the keys in [tool.pycrane] and leaves the rest as it was', () => {
    const out = editConfigText('pyproject.toml', PYPROJECT, [{ key: 'port', value: 9000 }]);
    expect(out).toBe(PYPROJECT.replace('manager = "pep621"\n', 'manager = "pep621"\nport = 9000\n'));
  });

  it('refuses, naming the keys to set by hand, a table defined with dotted keys', () => {
    const text = '[tool]\npycrane.manager = "pep621"\n';
    expect(() => editConfigText('pyproject.toml', text, [{ key: 'port', value: 9000 }])).toThrowError(
      expect.objectContaining({ code: 'E_CONFIG_EDIT', hint: 'set them yourself in [tool.pycrane] of pyproject.toml: port = 9000' }) as Error,
    );
  });

  it('refuses a file that is not TOML', () => {
    expect(() => editConfigText('pycrane.toml', 'port = = 1', [{ key: 'port', value: 1 }])).toThrow(UserError);
  });
});

describe('rememberConfig', () => {
  it('updates pyproject.toml as the user\'s file, or creates pycrane.toml for a project without one', async () => {
    const edit = await rememberConfig(memoryReader({ 'pyproject.toml': PYPROJECT }), 'pyproject.toml', [{ key: 'services', value: [] }]);
    expect(edit?.action).toMatchObject({ kind: 'update', owner: 'user', previous: PYPROJECT, file: { path: 'pyproject.toml' } });
    const created = await rememberConfig(memoryReader({ 'requirements.txt': 'flask\n' }), 'pyproject.toml', [{ key: 'port', value: 5000 }]);
    expect(created?.action).toEqual({ kind: 'create', file: { path: 'pycrane.toml', contents: 'port = 5000\n' } });
    expect(await rememberConfig(memoryReader({}), 'pyproject.toml', [])).toBeUndefined();
  });

  it('gives a reader that inspects the project as it will be: the answers are config facts with their new line', async () => {
    const reader = memoryReader({ 'pyproject.toml': PYPROJECT });
    const edit = await rememberConfig(reader, 'pyproject.toml', [{ key: 'python', value: '3.12' }]);
    const facts = await inspectProject(readerWith(reader, edit));
    expect(facts.python.selected).toEqual({ value: '3.12', source: { file: 'pyproject.toml', line: 8, column: 1 } });
    const fresh = await rememberConfig(memoryReader({ 'requirements.txt': 'click\n' }), 'pyproject.toml', [{ key: 'python', value: '3.12' }]);
    const overlay = readerWith(memoryReader({ 'requirements.txt': 'click\n' }), fresh);
    expect(await overlay.list('.')).toEqual(['pycrane.toml', 'requirements.txt']);
    expect((await inspectProject(overlay)).configFile).toBe('pycrane.toml');
  });

  it('is written by applyWrites with the other files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pycrane-remember-'));
    try {
      await writeFile(path.join(dir, 'pyproject.toml'), PYPROJECT);
      const edit = await rememberConfig(nodeReader(dir), 'pyproject.toml', [{ key: 'health-path', value: '/up' }]);
      await applyWrites(dir, [edit!.action, { kind: 'create', file: { path: 'x.txt', contents: 'x' } }]);
      expect(await readFile(path.join(dir, 'pyproject.toml'), 'utf8')).toBe(`${PYPROJECT}health-path = "/up"\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
