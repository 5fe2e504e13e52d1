/**
 * BuildKit's and buildx's failures as one line a user can act on (docs/build.md, "When a build
 * or push fails"). Pure: the captured output and what was asked go in, message + hint come out.
 */
import { classifyRegistryError, errorLine, parseReference, REGISTRY_HINTS } from './registry.js';

export interface BuilderInfo {
  readonly name: string;
  /** `docker`, `docker-container`, `kubernetes`, `remote`. */
  readonly driver: string;
  readonly platforms: readonly string[];
}

export interface FailureContext {
  /** BuildKit's captured output ('' when it was drawn on the terminal). */
  readonly output: string;
  readonly code: number;
  readonly command: string;
  readonly platform: string | undefined;
  readonly push: boolean;
  readonly cacheTo: readonly string[];
  readonly tags: readonly string[];
  /** The builder's driver and platforms, when `docker buildx inspect` answered. */
  readonly builder: BuilderInfo | undefined;
  readonly builderName: string | undefined;
}

export interface Explained {
  readonly code: string;
  readonly message: string;
  readonly hint: string | undefined;
}

/** `Name: default` / `Driver: docker` / `Platforms: linux/amd64, linux/386` of `docker buildx inspect`. */
export function parseBuilderInspect(text: string): BuilderInfo | undefined {
  // The values are trimmed, so no `\s*` after the colon (it would also run on into the next line).
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1]?.trim();
  const name = field('Name');
  const driver = field('Driver');
  if (!name || !driver) return undefined;
  const platforms = [...text.matchAll(/^Platforms:(.*)$/gm)].flatMap((m) => (m[1] ?? '').split(',')).map((p) => p.trim().replace(/\*$/, '')).filter(Boolean);
  return { name, driver, platforms: [...new Set(platforms)] };
}

const CONTAINER_BUILDER =
  'Create a builder that can: `docker buildx create --name ci --driver docker-container --use` (what docker/setup-buildx-action does in GitHub Actions), then `pycrane build --builder ci ...`.';
const EMULATION = 'Install QEMU emulators (`docker run --privileged --rm tonistiigi/binfmt --install arm64`) or add a native node (`docker buildx create --append --name ci --platform linux/arm64 ssh://user@arm64-host`).';

export function explainBuildFailure(ctx: FailureContext): Explained {
  const line = errorLine(ctx.output);
  const detail = line ? `: ${line}` : '';
  const requested = (ctx.platform ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const builder = ctx.builder ? `the builder "${ctx.builder.name}" (${ctx.builder.driver} driver)` : `the builder${ctx.builderName ? ` "${ctx.builderName}"` : ''}`;

  const missing = /no builder "([^"]+)" found/.exec(ctx.output);
  if (missing) {
    return { code: 'E_BUILDER', message: `no buildx builder named "${missing[1]}" (from --builder or BUILDX_BUILDER)`, hint: '`docker buildx ls` lists the builders; `docker buildx create --name NAME ...` makes one.' };
  }
  if (/Multi-platform build is not supported for the docker driver|docker exporter does not currently support exporting manifest lists/.test(ctx.output)) {
    const load = /manifest lists/.test(ctx.output) && !ctx.push;
    return {
      code: 'E_PLATFORM',
      message: load
        ? `an image for several platforms (${requested.join(', ')}) cannot be loaded into the docker image store: push it (--push) from a builder that builds several platforms`
        : `${builder} cannot build several platforms at once (${requested.join(', ')})`,
      hint: CONTAINER_BUILDER,
    };
  }
  if (/Cache export is not supported for the docker driver/.test(ctx.output)) {
    const types = ctx.cacheTo.map((to) => /type=([a-z0-9]+)/.exec(to)?.[1] ?? 'registry').filter((t) => t !== 'inline');
    return {
      code: 'E_CACHE',
      message: `--cache-to type=${types[0] ?? 'registry'}: ${builder} exports only type=inline cache`,
      hint: `Use --cache-to type=inline (with --push) and --cache-from IMAGE, or: ${CONTAINER_BUILDER}`,
    };
  }
  const foreign = ctx.builder ? requested.filter((p) => !ctx.builder?.platforms.includes(p)) : [];
  if (/exec format error/.test(ctx.output) || foreign.length > 0) {
    const which = foreign.length > 0 ? foreign.join(', ') : requested.join(', ') || 'another platform';
    const runs = ctx.builder ? ` (it runs ${ctx.builder.platforms.join(', ') || 'no listed platform'})` : '';
    return { code: 'E_PLATFORM', message: `${builder} cannot build for ${which}${runs}${detail}`, hint: EMULATION };
  }
  if (ctx.push && /push|unauthorized|denied|HTTP response to HTTPS client|connection refused|no such host/i.test(line)) {
    const kind = classifyRegistryError(line);
    const host = parseReference(ctx.tags[0] ?? '').registry ?? 'docker.io';
    const hint = kind === 'unreachable' || kind === 'unauthorized' || kind === 'insecure' ? REGISTRY_HINTS[kind](host) : undefined;
    return { code: 'E_PUSH', message: `the push to ${host} failed${detail}`, hint };
  }
  return { code: 'E_BUILD', message: `${ctx.command} failed (exit ${ctx.code})${detail}`, hint: undefined };
}
