import { fact } from '../../core/location.js';
import type { ProjectFacts } from '../../inspect/model.js';
import type { FactsInput } from '../facts-input.js';

/** ProjectFacts for tests and docs examples, from a few fields. */
export function makeFacts(input: FactsInput = {}): ProjectFacts {
  const pyproject = { file: 'pyproject.toml', line: 1 };
  const gen = input.lockGenerator ? /^(\S+)\s+(\S+)$/.exec(input.lockGenerator) : null;
  const manager = input.manager ?? 'poetry';
  return {
    files: ['pyproject.toml'],
    name: fact(input.name ?? 'demo', pyproject),
    version: fact('0.1.0', pyproject),
    description: undefined,
    license: undefined,
    authors: [],
    manager: fact(manager, pyproject),
    poetry: manager === 'poetry' ? { style: 2, version: fact(gen?.[2] ?? '2.1.2', pyproject) } : undefined,
    python: {
      constraints: input.requiresPython ? [fact(input.requiresPython, { file: 'pyproject.toml', line: 5 })] : [],
      selected: fact('3.13', pyproject),
      supported: ['3.13', '3.12', '3.11', '3.10'],
      image: fact('python:3.13-slim', pyproject),
    },
    isPackage: fact(input.isPackage ?? true, pyproject),
    layout: { kind: 'src', packages: [], mainModules: [] },
    scripts: (input.scripts ?? []).map((name) => ({ name, target: `${name.replace(/-/g, '_')}.cli:main`, source: pyproject })),
    groups: [],
    lock: gen
      ? {
          path: manager === 'uv' ? 'uv.lock' : 'poetry.lock',
          generator: fact({ tool: (gen[1] as string).toLowerCase(), version: gen[2] as string }, { file: 'poetry.lock', line: 1 }),
          lockVersion: undefined,
          contentHash: undefined,
          fresh: true,
          packages: [],
        }
      : undefined,
    indexes: [],
    config: {},
    issues: [],
  };
}
