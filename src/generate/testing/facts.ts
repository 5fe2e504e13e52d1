import { fact } from '../../core/location.js';
import type { ProjectFacts } from '../../inspect/model.js';

/** A Poetry 2 package with a console script, to vary field by field in plan tests. */
export function poetryFacts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  const at = (line: number) => ({ file: 'pyproject.toml', line });
  return {
    files: ['pyproject.toml', 'poetry.lock'],
    name: fact('Hello_CLI', at(2)),
    version: fact('1.4.2', at(3)),
    description: undefined,
    license: undefined,
    authors: [],
    manager: fact('poetry', at(20)),
    tool: { name: 'poetry', version: fact('2.1.2', { file: 'poetry.lock', line: 1 }) },
    poetry: { style: 2, version: fact('2.1.2', { file: 'poetry.lock', line: 1 }) },
    buildBackend: fact('poetry.core.masonry.api', at(30)),
    requirements: undefined,
    dynamicDependencies: false,
    pureSources: undefined,
    web: { app: undefined, celery: undefined, services: [] },
    configFile: 'pyproject.toml',
    python: {
      constraints: [fact('>=3.11,<3.14', at(7))],
      selected: fact('3.13', at(7)),
      supported: ['3.14', '3.13', '3.12', '3.11'],
      image: fact('python:3.13-slim', at(7)),
    },
    isPackage: fact(true, undefined),
    layout: { kind: 'src', packages: [{ include: 'hello_cli', from: 'src', source: at(21) }], mainModules: [] },
    scripts: [{ name: 'hello-cli', target: 'hello_cli.cli:main', source: at(15) }],
    groups: [
      { name: 'main', optional: false, dependencies: [], source: at(8) },
      { name: 'dev', optional: false, dependencies: [], source: at(23) },
    ],
    lock: {
      path: 'poetry.lock',
      generator: fact({ tool: 'poetry', version: '2.1.2' }, { file: 'poetry.lock', line: 1 }),
      lockVersion: fact('2.1', undefined),
      contentHash: undefined,
      fresh: true,
      packages: [],
    },
    indexes: [],
    config: {},
    issues: [],
    ...overrides,
  };
}
