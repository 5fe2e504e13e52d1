/** PEP 735 `{include-group = "..."}` resolution, shared by pyproject, uv.lock and pdm.lock readers. */

export interface GroupParts<T> {
  /** The group's own entries (requirements), in order. */
  readonly items: readonly T[];
  /** Names of the groups it includes, in order. */
  readonly includes: readonly string[];
}

/**
 * A resolver of groups: a group is its own items, then those of the groups it includes, depth first,
 * each group once (diamonds), cycles cut. `partsOf` runs once per group name (undefined: no such
 * group). Linear in the answer, iterative: 2,000 chained groups took minutes when every include
 * re-read and re-copied the chain below it, and 20,000 overflowed the stack.
 */
export function includeGroupResolver<T>(partsOf: (name: string) => GroupParts<T> | undefined): (root: string) => T[] {
  const parts = new Map<string, GroupParts<T> | undefined>();
  const partsFor = (name: string) => {
    if (!parts.has(name)) parts.set(name, partsOf(name));
    return parts.get(name);
  };
  return (root) => {
    const out: T[] = [];
    const seen = new Set<string>();
    const stack = [root];
    while (stack.length > 0) {
      const name = stack.pop() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const group = partsFor(name);
      if (!group) continue;
      for (const item of group.items) out.push(item);
      for (let i = group.includes.length - 1; i >= 0; i--) stack.push(group.includes[i] as string);
    }
    return out;
  };
}

/** The `include-group` names of a PEP 735 group's list. */
export function includedGroups(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const item of list) {
    const name = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>)['include-group'] : undefined;
    if (typeof name === 'string') out.push(name);
  }
  return out;
}
