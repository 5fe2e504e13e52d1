/**
 * Image references, registry answers and push decisions (docs/build.md, "Push"). Pure: the
 * docker CLI's output comes in as text, decisions go out as values.
 */

const DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface ImageReference {
  /** The registry host (`127.0.0.1:5000`, `ghcr.io`); undefined for Docker Hub short names. */
  readonly registry: string | undefined;
  /** Repository without the tag or digest, as written (`127.0.0.1:5000/team/app`). */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** Splits `host:port/path/name:tag@sha256:...` (the grammar of distribution/reference, loosely). */
export function parseReference(ref: string): ImageReference {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const named = at >= 0 ? ref.slice(0, at) : ref;
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  const repository = colon > slash ? named.slice(0, colon) : named;
  const first = repository.split('/')[0] ?? '';
  const hasHost = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return { registry: hasHost ? first : undefined, repository, tag, digest };
}

/** The name docker prints in RepoDigests: `python` for `docker.io/library/python`. */
export function familiarRepository(repository: string): string {
  return repository.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
}

/**
 * The digest an image carries for a reference: the one named (`@sha256:...`) when the image
 * has it, else the RepoDigests entry of the reference's repository. undefined when the image
 * was never pushed or pulled under that repository.
 */
export function digestForReference(ref: string, repoDigests: readonly string[]): string | undefined {
  const parsed = parseReference(ref);
  const repository = familiarRepository(parsed.repository);
  const own = repoDigests.filter((entry) => familiarRepository(entry.slice(0, entry.lastIndexOf('@'))) === repository).map((entry) => entry.slice(entry.lastIndexOf('@') + 1));
  if (parsed.digest !== undefined) return own.includes(parsed.digest) ? parsed.digest : undefined;
  return own[0];
}

/** `digest: sha256:... size: 735` lines of `docker push` (one per pushed tag). */
export function parsePushDigest(output: string): string | undefined {
  const match = /digest: (sha256:[0-9a-f]{64}) size: \d+/.exec(output);
  return match?.[1];
}

/** `containerimage.digest` of buildx's `--metadata-file`: the manifest (or index) pushed. */
export function parseMetadataDigest(text: string): string | undefined {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const digest = data['containerimage.digest'];
    return typeof digest === 'string' && DIGEST.test(digest) ? digest : undefined;
  } catch {
    return undefined;
  }
}

export type RegistryErrorKind = 'not-found' | 'unreachable' | 'unauthorized' | 'insecure' | 'other';

/** The last `ERROR:` line of buildx (or docker's last line), without gRPC's wrapping. */
export function errorLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = [...lines].reverse().find((line) => /^(ERROR|Error response from daemon|error):?/i.test(line)) ?? lines.at(-1) ?? '';
  return error
    .replace(/^(ERROR|Error response from daemon|error):\s*/i, '')
    .replace(/rpc error: code = \w+ desc = /g, '')
    .replace(/failed to solve with frontend dockerfile\.v0: /g, '')
    .replace(/failed to create LLB definition: /g, '')
    .trim();
}

export function classifyRegistryError(text: string): RegistryErrorKind {
  if (/connection refused|no such host|i\/o timeout|network is unreachable|no route to host|TLS handshake timeout|dial tcp/i.test(text)) return 'unreachable';
  if (/server gave HTTP response to HTTPS client|x509:|certificate signed by unknown authority/i.test(text)) return 'insecure';
  if (/unauthorized|authentication required|denied|forbidden|\b40[13]\b/i.test(text)) return 'unauthorized';
  if (/not found|manifest unknown|name unknown|\b404\b/i.test(text)) return 'not-found';
  return 'other';
}

export const REGISTRY_HINTS: Readonly<Record<Exclude<RegistryErrorKind, 'not-found' | 'other'>, (host: string) => string>> = {
  unreachable: (host) => `Check the registry's address and that it is up (\`curl -sI https://${host}/v2/\`); nothing was built or pushed.`,
  unauthorized: (host) => `Log in first: \`docker login ${host}\` (in CI: a token with write access to the package).`,
  insecure: (host) =>
    `${host} speaks plain HTTP or has an untrusted certificate: add it to "insecure-registries" in /etc/docker/daemon.json (and to buildkitd.toml for a docker-container builder), or give it a certificate; dockerd trusts only 127.0.0.0/8 over HTTP.`,
};

export interface RemoteImage {
  readonly digest: string;
  /** `org.opencontainers.image.revision` of the remote image's config, if it has one. */
  readonly revision: string | undefined;
}

/** The JSON of `docker buildx imagetools inspect --format '{{json .}}'` (one image or an index). */
export function parseRemoteImage(text: string): RemoteImage | undefined {
  let data: { manifest?: { digest?: unknown }; image?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return undefined;
  }
  const digest = data.manifest?.digest;
  if (typeof digest !== 'string' || !DIGEST.test(digest)) return undefined;
  const labelsOf = (image: unknown): Record<string, unknown> | undefined => {
    const config = (image as { config?: { Labels?: unknown } } | undefined)?.config;
    return config?.Labels && typeof config.Labels === 'object' ? (config.Labels as Record<string, unknown>) : undefined;
  };
  // An index: `image` maps each platform to its config; their labels are the same build's.
  const image = data.image as Record<string, unknown> | undefined;
  const labels = labelsOf(image) ?? (image ? Object.values(image).map(labelsOf).find(Boolean) : undefined);
  const revision = labels?.['org.opencontainers.image.revision'];
  return { digest, revision: typeof revision === 'string' ? revision : undefined };
}

export type RemoteLookup =
  | { readonly status: 'found'; readonly image: RemoteImage }
  | { readonly status: 'missing' }
  | { readonly status: 'error'; readonly kind: RegistryErrorKind; readonly message: string };

/** What the registry said before the push, per tag: decides refusals and warnings. */
export interface PushPreflight {
  /** Tags that exist now, with what they point at. */
  readonly existing: ReadonlyMap<string, RemoteImage>;
  readonly warnings: readonly string[];
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

/**
 * Release tags (version, version-python, sha) are immutable: one that already names an image of
 * another commit is refused before anything is built, unless `force`. Moving tags (latest, X.Y,
 * extra tags) may move. Throws nothing: returns the refusal as a message.
 */
export function judgeExisting(
  lookups: ReadonlyMap<string, RemoteLookup>,
  immutable: readonly string[],
  revision: string | undefined,
  force: boolean,
): { preflight: PushPreflight; refusal: string | undefined; fatal: { kind: RegistryErrorKind; tag: string; message: string } | undefined } {
  const existing = new Map<string, RemoteImage>();
  const warnings: string[] = [];
  const conflicts: string[] = [];
  let fatal: { kind: RegistryErrorKind; tag: string; message: string } | undefined;
  for (const [tag, lookup] of lookups) {
    if (lookup.status === 'found') {
      existing.set(tag, lookup.image);
      const other = lookup.image.revision === undefined || revision === undefined || lookup.image.revision !== revision;
      if (immutable.includes(tag) && other) {
        const from = lookup.image.revision ? `built from ${lookup.image.revision.slice(0, 12)}` : 'without a revision label';
        if (force) warnings.push(`--force: moving release tag ${tag} away from ${lookup.image.digest} (${from})`);
        else conflicts.push(`${tag} already exists as ${lookup.image.digest} (${from}${revision ? `; this build: ${revision.slice(0, 12)}` : ''})`);
      }
    } else if (lookup.status === 'error') {
      if ((lookup.kind === 'unreachable' || lookup.kind === 'unauthorized') && fatal === undefined) fatal = { kind: lookup.kind, tag, message: lookup.message };
      else if (lookup.kind !== 'unreachable' && lookup.kind !== 'unauthorized') warnings.push(`could not look up ${tag} in its registry (${lookup.message}): not checked for an existing image`);
    }
  }
  const refusal =
    conflicts.length === 0
      ? undefined
      : `refusing to move a release tag: ${conflicts[0]}${conflicts.length > 1 ? ` (and ${conflicts.length - 1} more tag${conflicts.length > 2 ? 's' : ''})` : ''}`;
  return { preflight: { existing, warnings }, refusal, fatal };
}

/** After a push: every tag the registry moved, with both digests. */
export function movedTags(existing: ReadonlyMap<string, RemoteImage>, pushed: readonly { tag: string; digest: string }[], revision: string | undefined): string[] {
  const out: string[] = [];
  for (const { tag, digest } of pushed) {
    const before = existing.get(tag);
    if (!before || before.digest === digest) continue;
    const same = revision !== undefined && before.revision === revision;
    out.push(`${tag} moved from ${before.digest} to ${digest}${same ? ' (rebuilt from the same commit: a new created time makes a new digest)' : ''}`);
  }
  return out;
}

export { short as shortDigest };
