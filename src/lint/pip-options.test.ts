import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.js';
import { classifyInstall } from './analysis.js';
import { pipInstallArgs } from './commands.js';
import { pipOptionTakesValue, pipOptionWord } from './pip-options.js';

const firstCommand = (run: string) => {
  const node = parseDockerfile(`FROM python:3.12\nRUN ${run}\n`).stages[0]!.instructions.find((n) => n.kind === 'run');
  if (node?.kind !== 'run') throw new Error('no RUN');
  return node.script.commands[0]!;
};

describe('pipOptionWord', () => {
  it('spells out a unique prefix as pip (optparse) does', () => {
    expect(pipOptionWord('--no-cache')).toBe('--no-cache-dir');
    expect(pipOptionWord('--require-h')).toBe('--require-hashes');
    expect(pipOptionWord('--const')).toBe('--constraint');
    expect(pipOptionWord('--index=https://example.org/simple')).toBe('--index-url=https://example.org/simple');
  });
  it('gives aliases the name the rules use', () => {
    expect(pipOptionWord('--no-dependencies')).toBe('--no-deps');
    expect(pipOptionWord('--no-depe')).toBe('--no-deps');
    expect(pipOptionWord('--pypi-url')).toBe('--index-url');
  });
  it('leaves ambiguous and unknown names, short options and -- as written', () => {
    // pip: "ambiguous option: --no-c (--no-cache-dir, --no-clean, --no-color, --no-compile?)"
    expect(pipOptionWord('--no-c')).toBe('--no-c');
    expect(pipOptionWord('--no-dep')).toBe('--no-dep'); // --no-deps or --no-dependencies
    expect(pipOptionWord('--require')).toBe('--require'); // --require-hashes, --require-virtualenv, --requirement, ...
    expect(pipOptionWord('--frozen')).toBe('--frozen');
    expect(pipOptionWord('-r')).toBe('-r');
    expect(pipOptionWord('--')).toBe('--');
    expect(pipOptionWord('--requirements')).toBe('--requirements');
  });
  it('knows which options take a value', () => {
    expect(pipOptionTakesValue('--index-url')).toBe(true);
    expect(pipOptionTakesValue('--keyring-provider')).toBe(true);
    expect(pipOptionTakesValue('--no-cache-dir')).toBe(false);
    expect(pipOptionTakesValue('--index')).toBe(false);
  });
});

describe('pip arguments with prefixes', () => {
  it('reads them in pip commands, so installs see --no-deps, -r and option values', () => {
    const args = pipInstallArgs(firstCommand('pip install --no-depe --constr c.txt --ind https://x/simple .'))!.map((w) => w.value);
    expect(args).toEqual(['--no-deps', '--constraint', 'c.txt', '--index-url', 'https://x/simple', '.']);
    const inst = classifyInstall(firstCommand('pip install --no-depe --keyring-prov import .'))!;
    expect({ noDeps: inst.noDeps, packages: inst.packages.map((w) => w.value) }).toEqual({ noDeps: true, packages: ['.'] });
    expect(pipOptionWord('--requirem')).toBe('--requirem'); // --requirement or, since pip 26, --requirements-from-script
  });
  it('stops at --', () => {
    expect(pipInstallArgs(firstCommand('pip install -- --no-cache'))!.map((w) => w.value)).toEqual(['--', '--no-cache']);
  });
});
