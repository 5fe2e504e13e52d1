import type { Issue } from '../../core/issue.js';
import type { SourceRef } from '../../core/location.js';
import { conditionMarker, propagateConditions, type MarkerEdge } from './markers.js';
import type { UvManifest, UvRequirement } from './parse.js';

/** An edge of uv.lock: `{ name, version?, source?, marker?, extra? }` in a package's dependency lists. */
export interface UvDependency {
  readonly name: string;
  /** Only written when several packages share the name (forks). */
  readonly version: string | undefined;
  readonly sourceKey: string | undefined;
  readonly marker: string | undefined;
  readonly extras: readonly string[];
}

export interface UvPackage {
  readonly index: number;
  readonly name: string;
  readonly version: string | undefined;
  readonly sourceKind: string | undefined;
  readonly sourcePath: string | undefined;
  readonly sourceKey: string;
  readonly dependencies: readonly UvDependency[];
  /** `[package.optional-dependencies]`: only the extras something asked for. */
  readonly optional: ReadonlyMap<string, readonly UvDependency[]>;
  /** `[package.dev-dependencies]`: dependency groups (and `[tool.uv] dev-dependencies` as `dev`). */
  readonly dev: ReadonlyMap<string, readonly UvDependency[]>;
  readonly ref: SourceRef | undefined;
}

export interface Membership {
  /** `main` first, then the dependency groups in the order met. */
  readonly groups: readonly string[];
  /** Only an extra of the project pulls it in. */
  readonly optional: boolean;
  /** The marker under which the main group installs it, when conditional and known. */
  readonly markers: string | undefined;
}

/**
 * Which groups install each package. uv.lock has no groups per package, so they follow
 * from the graph, walked from the project and the workspace members (whose
 * dependencies count as main: pycrane installs the whole workspace):
 * - `dependencies` of a root, with the extras its edges ask for: `main`;
 * - `[package.optional-dependencies]` of a root (the project's extras): `main`, optional;
 * - `[package.dev-dependencies]` of a root, and `[manifest.dependency-groups]` of a
 *   workspace root without `[project]`: that group's name.
 * Nodes of the walk are a package, or a package with one of its extras; an extra's node
 * adds that extra's edges. Markers come from the main walk's edges (see markers.ts).
 */
export function assignGroups(
  packages: readonly UvPackage[],
  options: { roots: readonly UvPackage[]; manifest: UvManifest; file: string },
): { groups: Map<number, Membership>; issues: Issue[] } {
  const issues: Issue[] = [];
  const byName = new Map<string, UvPackage[]>();
  for (const p of packages) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const reported = new Set<string>();

  /** The packages an edge may point at: by name, narrowed by version and source when given. */
  const targets = (dep: UvDependency, from: UvPackage | undefined): UvPackage[] => {
    const named = byName.get(dep.name) ?? [];
    const found = named.filter(
      (p) => (dep.version === undefined || p.version === dep.version) && (dep.sourceKey === undefined || p.sourceKey === dep.sourceKey),
    );
    if (found.length === 0 && !reported.has(dep.name)) {
      reported.add(dep.name);
      issues.push({
        code: 'W_UV_LOCK_DANGLING',
        severity: 'warning',
        message: `${options.file}: ${from ? from.name : 'the workspace'} depends on ${dep.name}${dep.version ? ` ${dep.version}` : ''}, which is not locked: ignored`,
        ...(from?.ref ? { source: from.ref } : {}),
      });
    }
    return found;
  };
  const node = (p: UvPackage, extra?: string) => (extra === undefined ? `${p.index}` : `${p.index}[${extra}]`);
  const packageOf = (id: string) => packages[Number.parseInt(id, 10)];
  const edgesTo = (deps: readonly UvDependency[], from: UvPackage | undefined): MarkerEdge[] =>
    deps.flatMap((dep) =>
      targets(dep, from).flatMap((t) => [node(t), ...dep.extras.map((e) => node(t, e))].map((to) => ({ to, marker: dep.marker }))),
    );
  /** Edges out of a node: the package's dependencies, or one extra's. */
  const edgesOf = (id: string): MarkerEdge[] => {
    const p = packageOf(id);
    if (!p) return [];
    // Ids are `<index>` or `<index>[<extra>]`; the extra is a user's name and can hold anything (`[`, newlines).
    const open = id.indexOf('[');
    const extra = open < 0 ? undefined : id.slice(open + 1, -1);
    return extra === undefined ? edgesTo(p.dependencies, p) : edgesTo(p.optional.get(extra) ?? [], p);
  };
  /** Packages reached by the start edges. */
  const closure = (start: readonly MarkerEdge[]): Set<number> => {
    const seen = new Set<string>();
    const queue = start.map((e) => e.to);
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const e of edgesOf(id)) queue.push(e.to);
    }
    return new Set([...seen].map((id) => Number.parseInt(id, 10)));
  };
  const requirementEdges = (reqs: readonly UvRequirement[]): MarkerEdge[] =>
    edgesTo(
      reqs.map((r) => ({ name: r.name, version: undefined, sourceKey: undefined, marker: r.marker, extras: r.extras })),
      undefined,
    );

  // Every edge once, so that a dangling one is reported even where no walk goes.
  for (const p of packages) for (const deps of [p.dependencies, ...p.optional.values(), ...p.dev.values()]) for (const dep of deps) targets(dep, p);

  // The main walk: from the roots (unconditionally) and any `[manifest] requirements`.
  const mainStart: MarkerEdge[] = [
    ...options.roots.map((r) => ({ to: node(r), marker: undefined })),
    ...requirementEdges(options.manifest.requirements),
  ];
  const START = 'start';
  const conditions = propagateConditions([START], (id) => (id === START ? mainStart : edgesOf(id)));
  const main = new Set([...conditions.keys()].filter((id) => id !== START).map((id) => Number.parseInt(id, 10)));
  const extras = closure(options.roots.flatMap((r) => [...r.optional.values()].flatMap((deps) => edgesTo(deps, r))));
  const devGroups = new Map<string, Set<number>>();
  const addGroup = (group: string, reached: Set<number>) => {
    const set = devGroups.get(group) ?? new Set<number>();
    for (const i of reached) set.add(i);
    devGroups.set(group, set);
  };
  for (const r of options.roots) for (const [group, deps] of r.dev) addGroup(group, closure(edgesTo(deps, r)));
  for (const [group, reqs] of options.manifest.dependencyGroups) addGroup(group, closure(requirementEdges(reqs)));

  const groups = new Map<number, Membership>();
  for (const p of packages) {
    const inMain = main.has(p.index);
    const inExtras = extras.has(p.index);
    const names: string[] = [];
    if (inMain || inExtras) names.push('main');
    for (const [group, set] of devGroups) if (set.has(p.index) && !names.includes(group)) names.push(group);
    const markers = inMain ? conditionMarker(conditions.get(node(p))) : undefined;
    groups.set(p.index, { groups: names, optional: !inMain && inExtras, markers });
  }
  return { groups, issues };
}
