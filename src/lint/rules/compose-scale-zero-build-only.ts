import { composeServices, isObj, keyRange } from '../compose-model.js';
import type { PathSegment } from '../files.js';
import { defineRule } from '../rule.js';

const zero = (v: unknown) => v === 0 || v === '0';

export const composeScaleZeroBuildOnly = defineRule({
  id: 'PC706',
  name: 'compose-scale-zero-build-only',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A build-only service is kept from starting with `deploy.replicas: 0` or `scale: 0`; use `profiles`.',
    why: 'Zero replicas as "build-only" behaves differently across Compose versions: some start the service anyway (docker/compose#8651), others fail with "no such service" when it is built or referenced (docker/compose#9356). `profiles: [build]` states the intent and is stable: `docker compose up` skips the service, `docker compose --profile build build` builds it. Often the simplest is no service at all: one multi-stage Dockerfile where each service sets `build.target`.',
    bad: { code: 'services:\n  builder:\n    build:\n      context: .\n      target: builder\n    deploy:\n      replicas: 0\n' },
    good: { code: 'services:\n  builder:\n    build:\n      context: .\n      target: builder\n    profiles: [build]\n' },
  },
  messages: {
    replicas: '`{{key}}: 0` to keep a build-only service from starting is fragile across Compose versions; give it `profiles: [build]` instead.',
  },
  create(ctx) {
    return {
      done() {
        for (const svc of composeServices(ctx.compose)) {
          if (Array.isArray(svc.value.profiles) && svc.value.profiles.length > 0) continue;
          const deploy = svc.value.deploy;
          let path: PathSegment[] | undefined;
          let key = '';
          if (isObj(deploy) && zero(deploy.replicas)) {
            path = [...svc.path, 'deploy', 'replicas'];
            key = 'deploy.replicas';
          } else if (zero(svc.value.scale)) {
            path = [...svc.path, 'scale'];
            key = 'scale';
          }
          if (path) ctx.report({ messageId: 'replicas', range: keyRange(ctx.compose, path), data: { key } });
        }
      },
    };
  },
});
