/** A ProjectFacts for engine tests: a Poetry 2 package `hello-cli` 1.4.2 on Python 3.13. */
import { fact } from '../../core/location.js';
import type { LockedPackage, ProjectFacts } from '../../inspect/model.js';

export function factsFixture(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  const packages: LockedPackage[] = [
    { name: 'click', version: '8.1.8', groups: ['main'], source: undefined },
    { name: 'hello-cow', version: '1.0.0', groups: ['main'], source: undefined },
    { name: 'pytest', version: '8.3.5', groups: ['dev'], source: undefined },
  ];
  return {
    files: ['pyproject.toml', 'poetry.lock'],
    name: fact('hello-cli', { file: 'pyproject.toml', line: 2 }),
    version: fact('1.4.2', { file: 'pyproject.toml', line: 3 }),
    description: fact('A small command-line tool'),
    license: fact('MIT'),
    authors: ['Pycrane Examples <examples@pycrane.invalid>'],
    manager: fact('poetry'),
    tool: { name: 'poetry', version: fact('2.1.2') },
    poetry: { style: 2, version: fact('2.1.2') },
    buildBackend: fact('poetry.core.masonry.api'),
    requirements: undefined,
    dynamicDependencies: false,
    pureSources: undefined,
    configFile: 'pyproject.toml',
    web: { app: undefined, celery: undefined, services: [] },
    python: {
      constraints: [fact('>=3.11,<3.14')],
      selected: fact('3.13'),
      supported: ['3.13', '3.11'],
      image: fact('python:3.13-slim'),
    },
    isPackage: fact(true),
    layout: { kind: 'src', packages: [{ include: 'hello_cli', from: 'src', source: undefined }], mainModules: [] },
    scripts: [{ name: 'hello-cli', target: 'hello_cli.cli:main', source: undefined }],
    groups: [],
    lock: {
      path: 'poetry.lock',
      generator: fact({ tool: 'poetry', version: '2.1.2' }),
      lockVersion: fact('2.1'),
      contentHash: undefined,
      fresh: true,
      packages,
    },
    indexes: [],
    config: {},
    issues: [],
    ...overrides,
  };
}
