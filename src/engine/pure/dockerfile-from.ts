/**
 * The base image of a Dockerfile's target stage (the last stage by default), following
 * `FROM <stage>` chains and global `ARG` defaults. A small line scanner: enough to name the
 * base for the size report and the `org.opencontainers.image.base.name` label. Pure.
 */

interface Stage {
  readonly image: string;
  readonly name: string | undefined;
}

function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (current === '' && line.startsWith('#')) continue;
    if (/\\\s*$/.test(raw)) {
      current += `${raw.replace(/\\\s*$/, '')} `;
      continue;
    }
    lines.push(current + raw);
    current = '';
  }
  if (current) lines.push(current);
  return lines;
}

function substitute(value: string, args: ReadonlyMap<string, string>): string {
  const expand = (_m: string, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => args.get(braced ?? bare ?? '') ?? fallback ?? '';
  // `${NAME:-...}` needs a `}`: after the last one only `$NAME` can match. Without the cut, every
  // `${A:-` of a long tail without `}` would scan the whole tail (quadratic).
  const end = value.lastIndexOf('}') + 1;
  const head = value.slice(0, end).replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, expand);
  return head + value.slice(end).replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (m: string, bare: string) => expand(m, undefined, undefined, bare));
}

export function parseStages(text: string): Stage[] {
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logicalLines(text)) {
    // The keyword and one whitespace; the rest is sliced off (a `\s+(.*)$` tail is quadratic on long runs of spaces).
    const match = /^\s*(\w+)\s/.exec(line);
    if (!match) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const rest = line.slice(match[0].length).trim();
    if (keyword === 'ARG' && stages.length === 0) {
      const arg = /^([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/.exec(rest);
      if (arg?.[1] && arg[2] !== undefined) globalArgs.set(arg[1], arg[2].replace(/^["']|["']$/g, ''));
    } else if (keyword === 'FROM') {
      const words = rest.split(/\s+/).filter((word) => !word.startsWith('--'));
      const image = substitute(words[0] ?? '', globalArgs);
      const asIndex = words.findIndex((word) => word.toUpperCase() === 'AS');
      const name = asIndex >= 0 ? words[asIndex + 1]?.toLowerCase() : undefined;
      stages.push({ image, name });
    }
  }
  return stages;
}

/** The external image the target stage (default: the last) is built on, or undefined. */
export function baseImageOf(text: string, target?: string): string | undefined {
  const stages = parseStages(text);
  let stage = target === undefined ? stages[stages.length - 1] : stages.find((s) => s.name === target.toLowerCase());
  const seen = new Set<Stage>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    const image = stage.image.toLowerCase();
    const index = stages.indexOf(stage);
    const parent = stages.slice(0, index).find((s) => s.name === image);
    if (!parent) return stage.image === '' || stage.image === 'scratch' ? undefined : stage.image;
    stage = parent;
  }
  return undefined;
}

/** Stage names, in order (for `--target` validation). */
export function stageNames(text: string): string[] {
  return parseStages(text).flatMap((stage) => (stage.name ? [stage.name] : []));
}
