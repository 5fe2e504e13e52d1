/** PEP 503 normalisation: `Flask_Login` -> `flask-login`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export interface Requirement {
  readonly name: string;
  readonly extras: readonly string[];
  /** `>=8.1,<9` (parentheses removed), or undefined for none. */
  readonly constraint: string | undefined;
  readonly url: string | undefined;
  readonly markers: string | undefined;
}

const REQUIREMENT =
  /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(?:@\s*(\S+)\s*|\(([^)]*)\)|([^;]*?))\s*(?:;\s*(.*?))?\s*$/;

/** A PEP 508 requirement string (`click (>=8.1,<9)`, `rich[jupyter]>=13 ; python_version < "3.12"`). */
export function parseRequirement(text: string): Requirement | undefined {
  const m = REQUIREMENT.exec(text);
  if (!m) return undefined;
  const spec = (m[4] ?? m[5] ?? '').trim();
  return {
    name: normalizeName(m[1] ?? ''),
    extras: (m[2] ?? '')
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean),
    constraint: spec === '' ? undefined : spec,
    url: m[3],
    markers: m[6]?.trim() || undefined,
  };
}
