/**
 * OCI image labels (opencontainers image-spec annotations) for `--label`. Labels set on the
 * command line are written into the image config by the exporter, after every layer is
 * built, so they never invalidate a layer's cache (docs/build.md shows the measurement).
 */
import type { GitState } from './tags.js';

export interface LabelInput {
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly version: string | undefined;
  readonly license: string | undefined;
  readonly authors: readonly string[];
  readonly git: GitState;
  /** Overrides the git remote (`[tool.pycrane.build] source`). */
  readonly source: string | undefined;
  /** RFC 3339 date-time. */
  readonly created: string;
  /** The final stage's base image, e.g. `python:3.13-slim`. */
  readonly baseName: string | undefined;
  /** `[tool.pycrane.build] labels`, added last (they win). */
  readonly extra: Readonly<Record<string, string>>;
}

const PREFIX = 'org.opencontainers.image';

export function ociLabels(input: LabelInput): Record<string, string> {
  const labels: Record<string, string> = {};
  const set = (key: string, value: string | undefined): void => {
    const trimmed = value?.replace(/\s+/g, ' ').trim();
    if (trimmed) labels[`${PREFIX}.${key}`] = trimmed;
  };
  set('title', input.title);
  set('description', input.description);
  set('version', input.version);
  set('revision', input.git.commit === undefined ? undefined : `${input.git.commit}${input.git.dirty ? '-dirty' : ''}`);
  set('source', input.source ?? input.git.remote);
  set('created', input.created);
  set('licenses', input.license);
  set('authors', input.authors.length > 0 ? input.authors.join(', ') : undefined);
  set('base.name', input.baseName);
  for (const [key, value] of Object.entries(input.extra)) labels[key] = value;
  return labels;
}

/**
 * `git@github.com:org/repo.git` and `https://user:token@host/org/repo.git` -> `https://host/org/repo`;
 * undefined for anything that is not a recognisable remote. Credentials never survive.
 */
export function normalizeRemote(remote: string | undefined): string | undefined {
  const text = remote?.trim();
  if (!text) return undefined;
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([\w./~-]+?)(?:\.git)?\/?$/.exec(text);
  if (scp && !text.includes('://')) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(text);
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(url.protocol)) return undefined;
    const path = url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
    return `https://${url.hostname}${path}`;
  } catch {
    return undefined;
  }
}

/** RFC 3339 from SOURCE_DATE_EPOCH (reproducible builds) or the clock. */
export function createdTimestamp(now: Date, sourceDateEpoch: string | undefined): string {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch.trim())) {
    return new Date(Number.parseInt(sourceDateEpoch.trim(), 10) * 1000).toISOString().replace(/\.000Z$/, 'Z');
  }
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
