import { composeServices, isObj, keyRange, serviceBuild, truthy } from '../compose-model.js';
import { defineRule } from '../rule.js';

function inlineCacheArg(args: unknown): boolean {
  if (isObj(args)) return truthy(args.BUILDKIT_INLINE_CACHE);
  if (Array.isArray(args)) return args.some((a) => typeof a === 'string' && /^BUILDKIT_INLINE_CACHE=(1|true)$/i.test(a));
  return false;
}

export const composeCacheFromWithoutExport = defineRule({
  id: 'PC704',
  name: 'compose-cache-from-without-export',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: '`cache_from` is used but nothing exports a build cache (`cache_to` or `BUILDKIT_INLINE_CACHE`).',
    why: 'With BuildKit, an image can seed the cache only if it was built with its cache metadata exported: `BUILDKIT_INLINE_CACHE=1` (inline cache, final stage only) or `cache_to` (e.g. `type=registry,ref=...,mode=max`, which also covers the intermediate stages of a multi-stage build). A plain image in `cache_from` is pulled and then every layer is rebuilt anyway. If CI exports the cache elsewhere, silence this rule for the file.',
    bad: { code: 'services:\n  app:\n    image: ghcr.io/acme/app:latest\n    build:\n      context: .\n      cache_from:\n        - ghcr.io/acme/app:latest\n' },
    good: {
      code: 'services:\n  app:\n    image: ghcr.io/acme/app:latest\n    build:\n      context: .\n      cache_from:\n        - type=registry,ref=ghcr.io/acme/app:buildcache\n      cache_to:\n        - type=registry,ref=ghcr.io/acme/app:buildcache,mode=max\n',
    },
  },
  messages: {
    noExport: '`cache_from` without any cache export in this file: build with `cache_to` (or the build arg BUILDKIT_INLINE_CACHE=1), otherwise the cache image is pulled and every layer is rebuilt anyway.',
  },
  create(ctx) {
    return {
      done() {
        const services = composeServices(ctx.compose).map((svc) => ({ svc, build: serviceBuild(ctx.compose, svc) }));
        const exports = services.some(({ build }) => {
          const b = build?.value;
          if (!b) return false;
          const to = b.cache_to;
          return (Array.isArray(to) ? to.length > 0 : to !== undefined && to !== null) || inlineCacheArg(b.args);
        });
        if (exports) return;
        // `ARG BUILDKIT_INLINE_CACHE=1` in the Dockerfile has the same effect.
        if (ctx.dockerfile?.instructions.some((n) => n.kind === 'kv' && n.keyword === 'ARG' && n.pairs.some((p) => p.name === 'BUILDKIT_INLINE_CACHE' && truthy(p.value)))) return;
        for (const { build } of services) {
          const from = build?.value?.cache_from;
          if (!Array.isArray(from) || from.length === 0) continue;
          ctx.report({ messageId: 'noExport', range: keyRange(ctx.compose, [...build!.path, 'cache_from']) });
        }
      },
    };
  },
});
