/**
 * The registry side of `pycrane build --push`: look the tags up before building (a registry
 * that refuses, or a release tag of another commit, stops it before anything is built), then
 * confirm after the push that every tag serves the digest reported. Decisions: pure/registry.ts.
 */
import { PycraneError } from '../core/errors.js';
import type { BuildPlan, PushedTag } from './build.js';
import type { BuildOutcome, BuildRequest, ContainerEngine, ImageDetails } from './engine.js';
import { explainBuildFailure } from './pure/build-errors.js';
import {
  digestForReference,
  errorLine,
  judgeExisting,
  movedTags,
  parseMetadataDigest,
  parsePushDigest,
  parseReference,
  REGISTRY_HINTS,
  type PushPreflight,
  type RemoteLookup,
} from './pure/registry.js';

async function lookupAll(engine: ContainerEngine, tags: readonly string[], builder: string | undefined): Promise<Map<string, RemoteLookup>> {
  const answers = await Promise.all(tags.map(async (tag) => [tag, await engine.inspectRemote(tag, builder)] as const));
  return new Map(answers);
}

const hostOf = (ref: string) => parseReference(ref).registry ?? 'docker.io';

/** Throws (exit 1) when a registry cannot be reached or refuses us, or a release tag would move. */
export async function preflightPush(
  engine: ContainerEngine,
  request: BuildRequest,
  plan: Pick<BuildPlan, 'immutable' | 'git'>,
  force: boolean,
  warn: (message: string) => void,
): Promise<PushPreflight> {
  const lookups = await lookupAll(engine, request.tags, request.builder);
  const { preflight, refusal, fatal } = judgeExisting(lookups, plan.immutable, plan.git.commit, force);
  if (fatal) {
    const host = hostOf(fatal.tag);
    const what = fatal.kind === 'unreachable' ? 'cannot be reached' : 'refuses access';
    throw new PycraneError('E_REGISTRY', `registry ${host} ${what} (${fatal.message}); nothing was built or pushed`, {
      exitCode: 1,
      hint: REGISTRY_HINTS[fatal.kind === 'unreachable' ? 'unreachable' : 'unauthorized'](host),
    });
  }
  if (refusal) {
    throw new PycraneError('E_TAG_EXISTS', `${refusal}; nothing was built or pushed`, {
      exitCode: 1,
      hint: 'Release tags are immutable: bump the version (a new commit gets a new sha- tag), or pass --force to move the tag (the old image stays pullable by its digest).',
    });
  }
  for (const warning of preflight.warnings) warn(warning);
  return preflight;
}

/** A failed build or push as one clear error; for a push, says which tags did reach the registry. */
export async function explainFailure(
  engine: ContainerEngine,
  request: BuildRequest,
  outcome: BuildOutcome,
  preflight: PushPreflight | undefined,
  builderName: string | undefined,
): Promise<PycraneError> {
  const needsBuilder = outcome.via === 'buildx' && (request.platform !== undefined || request.cacheTo.length > 0 || request.output === 'push');
  const builder = needsBuilder ? await engine.builderInfo(request.builder) : undefined;
  const explained = explainBuildFailure({
    output: `${outcome.result.stderr}\n${outcome.result.stdout}`,
    code: outcome.result.code,
    command: `docker ${outcome.argv.slice(0, outcome.via === 'buildx' ? 2 : 1).join(' ')}`,
    platform: request.platform,
    push: request.output === 'push',
    cacheTo: request.cacheTo,
    tags: request.tags,
    builder,
    builderName,
  });
  let partial = '';
  if (request.output === 'push' && preflight) {
    const after = await lookupAll(engine, request.tags, request.builder);
    const reached = request.tags.filter((tag) => {
      const now = after.get(tag);
      return now?.status === 'found' && now.image.digest !== preflight.existing.get(tag)?.digest;
    });
    partial =
      reached.length > 0
        ? `; ${reached.length} of ${request.tags.length} tags reached the registry before the failure (${reached.join(', ')}), the others did not`
        : '; no tag was pushed';
  }
  return new PycraneError(explained.code, `${explained.message}${partial}`, { exitCode: 1, ...(explained.hint ? { hint: explained.hint } : {}) });
}

/** Without buildx: `docker push` per tag, its digest from the `digest: sha256:... size:` line. */
export async function pushWithDocker(engine: ContainerEngine, tags: readonly string[]): Promise<PushedTag[]> {
  const pushed: PushedTag[] = [];
  for (const tag of tags) {
    const result = await engine.push(tag);
    const digest = parsePushDigest(result.stdout);
    if (result.code !== 0 || digest === undefined) {
      const done = pushed.length > 0 ? `; pushed before the failure: ${pushed.map((p) => `${p.tag}@${p.digest}`).join(', ')}` : '; no tag was pushed';
      throw new PycraneError('E_PUSH', `docker push ${tag} failed: ${errorLine(result.stderr || result.stdout) || `exit ${result.code}`}${done}`, { exitCode: 1 });
    }
    pushed.push({ tag, digest });
  }
  return pushed;
}

/**
 * The digest: buildx's metadata (`containerimage.digest`), else the local image's RepoDigests
 * (the docker driver pushes with docker); then each tag is asked of its registry, which must
 * serve that digest. A registry that cannot be asked (an insecure one) only warns.
 */
export async function confirmPush(
  engine: ContainerEngine,
  request: BuildRequest,
  metadata: string,
  local: ImageDetails | undefined,
  preflight: PushPreflight | undefined,
  revision: string | undefined,
  warn: (message: string) => void,
): Promise<{ digest: string; pushed: PushedTag[] }> {
  const lookups = await lookupAll(engine, request.tags, request.builder);
  const fromRegistry = [...lookups.values()].flatMap((l) => (l.status === 'found' ? [l.image.digest] : []));
  const digest = parseMetadataDigest(metadata) ?? (local && request.tags[0] ? digestForReference(request.tags[0], local.repoDigests ?? []) : undefined) ?? fromRegistry[0];
  if (digest === undefined) {
    throw new PycraneError('E_PUSH', 'the push finished, but neither buildx nor the registry told its digest: not reported as pushed', { exitCode: 1 });
  }
  const pushed: PushedTag[] = [];
  const mismatches: string[] = [];
  for (const tag of request.tags) {
    const lookup = lookups.get(tag);
    if (lookup?.status === 'found') {
      if (lookup.image.digest !== digest) mismatches.push(`${tag} serves ${lookup.image.digest}, this build pushed ${digest}`);
      pushed.push({ tag, digest: lookup.image.digest });
    } else if (lookup?.status === 'missing') {
      mismatches.push(`${tag} is not in the registry after the push`);
    } else {
      warn(`could not confirm ${tag} in its registry (${lookup?.message ?? 'no answer'}): reporting ${digest} from ${parseMetadataDigest(metadata) ? 'buildx' : 'docker'}`);
      pushed.push({ tag, digest });
    }
  }
  if (mismatches.length > 0) {
    throw new PycraneError('E_PUSH', `the registry does not serve what was pushed: ${mismatches.join('; ')}`, {
      exitCode: 1,
      hint: 'Another push to the same tag may have raced this one; pull by digest to be sure what you get.',
    });
  }
  for (const moved of movedTags(preflight?.existing ?? new Map(), pushed, revision)) warn(moved);
  return { digest, pushed };
}
