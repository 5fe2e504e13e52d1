import type { SourceRef } from '../../core/location.js';
import type { DependencyGroup, LockFacts, RequirementsFacts } from '../model.js';
import { normalizeName, parseRequirement } from '../pyproject/pep508.js';
import { isTable, type TomlTable } from '../toml/parse.js';

/** A main (runtime) dependency: declared, required by a requirement file, or in the lock's main group. */
export interface MainDependency {
  readonly name: string;
  readonly extras: readonly string[];
  readonly source: SourceRef | undefined;
  /** Declared by the project itself (not only pulled in by another package in the lock). */
  readonly direct: boolean;
}

export type MainDependencies = ReadonlyMap<string, MainDependency>;

function extrasFromPyproject(doc: TomlTable | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const project = isTable(doc?.project) ? doc.project : undefined;
  for (const item of Array.isArray(project?.dependencies) ? project.dependencies : []) {
    const req = typeof item === 'string' ? parseRequirement(item) : undefined;
    if (req && req.extras.length > 0) out.set(req.name, [...req.extras]);
  }
  const tool = isTable(doc?.tool) ? doc.tool : undefined;
  const poetry = isTable(tool?.poetry) ? tool.poetry : undefined;
  const deps = isTable(poetry?.dependencies) ? poetry.dependencies : {};
  for (const [name, value] of Object.entries(deps)) {
    if (isTable(value) && Array.isArray(value.extras)) out.set(normalizeName(name), value.extras.filter((e): e is string => typeof e === 'string'));
  }
  return out;
}

/** The packages the runtime image will have, by PEP 503 name. */
export function mainDependencies(
  groups: readonly DependencyGroup[],
  lock: LockFacts | undefined,
  requirements: RequirementsFacts | undefined,
  pyproject: TomlTable | undefined,
): MainDependencies {
  const out = new Map<string, MainDependency>();
  const extras = extrasFromPyproject(pyproject);
  for (const group of groups) {
    if (group.name !== 'main') continue;
    for (const dep of group.dependencies) {
      if (dep.optional) continue;
      const fromText = dep.requirement ? parseRequirement(dep.requirement)?.extras : undefined;
      out.set(dep.name, { name: dep.name, extras: fromText ?? extras.get(dep.name) ?? [], source: dep.source, direct: true });
    }
  }
  for (const line of requirements?.main.requirements ?? []) {
    if (line.name === undefined) continue;
    const previous = out.get(line.name);
    out.set(line.name, { name: line.name, extras: [...new Set([...(previous?.extras ?? []), ...line.extras])], source: previous?.source ?? line.source, direct: true });
  }
  for (const pkg of lock?.packages ?? []) {
    const name = normalizeName(pkg.name);
    if (!pkg.groups.includes('main') || pkg.optional || out.has(name)) continue;
    out.set(name, { name, extras: [], source: pkg.source, direct: false });
  }
  return out;
}
