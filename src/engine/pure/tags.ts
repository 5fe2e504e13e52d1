/**
 * Image names and tags: PEP 440 versions made valid Docker tags, and the tag policy
 * (docs/build.md, "Tags"). Pure.
 */
import { explain } from '@renovatebot/pep440';

/** Docker's tag grammar (distribution/reference). */
export const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** One path component of a repository name. */
const REPO_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

export interface TagConversion {
  readonly tag: string;
  /** The PEP 440 normal form, when the version parsed. */
  readonly normalized: string | undefined;
  /** true for final releases (no pre/dev part, no local part). */
  readonly isFinal: boolean;
  readonly release: readonly number[];
  /** Why the conversion is lossy or the version is not PEP 440, if it is. */
  readonly warning: string | undefined;
}

function truncate(tag: string): string {
  return tag.length <= 128 ? tag : tag.slice(0, 128).replace(/(?<![.-])[.-]+$/, '');
}

/**
 * A PEP 440 version as a Docker tag. The normal form never contains `-`, so `-` is free to
 * stand for `+` (local version) and after an epoch: `1.0+local` -> `1.0-local`,
 * `1!2.0` -> `e1-2.0`, `1.0-1` -> `1.0.post1`, `v1.4.2` -> `1.4.2`.
 */
export function versionTag(version: string): TagConversion {
  const parts = explain(version.trim());
  if (!parts) {
    let tag = version.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '');
    if (tag === '') tag = 'invalid';
    return {
      tag: truncate(tag),
      normalized: undefined,
      isFinal: false,
      release: [],
      warning: `version "${version}" is not PEP 440; tagged as "${truncate(tag)}"`,
    };
  }
  const publicPart = parts.public.replace(/^\d+!/, '');
  let tag = parts.epoch > 0 ? `e${parts.epoch}-${publicPart}` : publicPart;
  if (parts.local) tag += `-${parts.local}`;
  const normalized = parts.local ? `${parts.public}+${parts.local}` : parts.public;
  const truncated = truncate(tag);
  return {
    tag: truncated,
    normalized,
    isFinal: !parts.is_prerelease && !parts.is_devrelease && !parts.local,
    release: parts.release,
    warning: truncated !== tag ? `tag for version "${version}" cut to 128 characters` : undefined,
  };
}

/** A project name as a repository name (`My_App` -> `my-app`); undefined when nothing is left. */
export function repositoryFromName(name: string): string | undefined {
  const repo = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, '-')
    // The lookbehind starts a trailing match only where its run starts: linear.
    .replace(/^[._-]+|(?<![._-])[._-]+$/g, '');
  return repo === '' ? undefined : repo;
}

/** `registry.example.com:5000/team/app`: every path component valid, optional registry host. */
export function isValidRepository(repo: string): boolean {
  const components = repo.split('/');
  const first = components[0] ?? '';
  const hasRegistry = components.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const path = hasRegistry ? components.slice(1) : components;
  return path.length > 0 && path.every((component) => REPO_COMPONENT.test(component)) && repo.length <= 255;
}

export type AutoTag = 'version' | 'version-python' | 'minor' | 'major' | 'sha';

export interface TagPolicy {
  readonly repository: string;
  readonly auto: readonly AutoTag[];
  readonly latest: boolean;
  /** Extra tags: bare (`stable`, put on the repository) or full references (`ghcr.io/x/y:1`). */
  readonly extra: readonly string[];
  readonly shaLength: number;
}

export interface GitState {
  /** Full commit id; undefined outside a git work tree or before the first commit. */
  readonly commit: string | undefined;
  /** Uncommitted changes (tracked or untracked, not ignored). */
  readonly dirty: boolean;
  /** `https://github.com/org/repo` from the `origin` remote, without credentials. */
  readonly remote: string | undefined;
}

export interface TagPlan {
  readonly tags: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * The tags of one build. Version tags (`1.4.2`, `1.4.2-py3.13`, `1.4`, `1`) and `latest` name
 * committed code only: on a dirty work tree they are withheld and the commit tag becomes
 * `sha-<12 hex>-dirty`. `minor`/`major` and `latest` go to final releases only.
 */
export function planTags(
  policy: TagPolicy,
  input: { readonly version: string | undefined; readonly python: string | undefined; readonly git: GitState },
): TagPlan {
  const warnings: string[] = [];
  const tags: string[] = [];
  const add = (tag: string): void => {
    const ref = tag.includes(':') || tag.includes('/') ? tag : `${policy.repository}:${tag}`;
    const tagPart = ref.slice(ref.lastIndexOf(':') + 1);
    if (!ref.slice(ref.lastIndexOf('/') + 1).includes(':') || !DOCKER_TAG.test(tagPart)) {
      warnings.push(`"${tag}" is not a valid image tag; skipped`);
      return;
    }
    if (!tags.includes(ref)) tags.push(ref);
  };
  const { git } = input;
  const conversion = input.version === undefined ? undefined : versionTag(input.version);
  if (conversion?.warning) warnings.push(conversion.warning);
  const versionTags = policy.auto.some((t) => t !== 'sha') || policy.latest;
  if (git.dirty && versionTags && conversion) {
    warnings.push('the work tree has uncommitted changes: version tags and `latest` are withheld (commit first)');
  }
  const clean = !git.dirty;
  for (const kind of policy.auto) {
    switch (kind) {
      case 'version':
        if (conversion && clean) add(conversion.tag);
        break;
      case 'version-python':
        if (conversion && clean && input.python) add(`${conversion.tag}-py${input.python}`);
        break;
      case 'minor':
        if (conversion?.isFinal && clean && conversion.release.length >= 2) add(conversion.release.slice(0, 2).join('.'));
        break;
      case 'major':
        if (conversion?.isFinal && clean && conversion.release.length >= 1) add(String(conversion.release[0]));
        break;
      case 'sha':
        if (git.commit) add(`sha-${git.commit.slice(0, policy.shaLength)}${git.dirty ? '-dirty' : ''}`);
        break;
    }
  }
  if (policy.latest) {
    if (!clean) warnings.push('`latest` not applied: the work tree is dirty');
    else if (conversion && !conversion.isFinal) warnings.push(`\`latest\` not applied: ${input.version} is not a final release`);
    else add('latest');
  }
  for (const extra of policy.extra) add(extra);
  if (tags.length === 0) {
    warnings.push('no version and no git commit to tag with: tagged `local`');
    add('local');
  }
  return { tags, warnings };
}
