import { isObj, serviceVolumes, valueRange } from '../compose-model.js';
import { devcontainerConfig, devDockerfileStage, devService, isComposeConfig, isRootImage, isRootUser } from '../devcontainer-model.js';
import type { PathSegment } from '../files.js';
import { defineRule } from '../rule.js';

export const devcontainerRootUser = defineRule({
  id: 'PC801',
  name: 'devcontainer-root-user',
  kind: 'devcontainer',
  category: 'devcontainer',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The dev container works as root on a bind-mounted workspace (remoteUser root, or unset on a root image).',
    why: 'Files the editor, `poetry lock` or `pip` create in a bind-mounted workspace keep the container user\'s UID. As root, they end up root-owned on the host: `git pull` and the next `poetry install` on the host fail with permission errors. Work as a non-root user whose UID matches yours (`remoteUser` plus `updateRemoteUserUID`). Rootless Docker and Podman map root to you; silence the rule there.',
    bad: {
      code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app",\n  "remoteUser": "root"\n}\n',
      files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    command: sleep infinity\n    volumes:\n      - .:/app\n' },
    },
    good: {
      code: '{\n  "dockerComposeFile": "../compose.yaml",\n  "service": "dev",\n  "workspaceFolder": "/app",\n  "remoteUser": "dev"\n}\n',
      files: { compose: 'services:\n  dev:\n    image: python:3.12-slim\n    command: sleep infinity\n    volumes:\n      - .:/app\n' },
    },
  },
  messages: {
    explicit: '{{key}} is root while the workspace is bind-mounted: files you create there become root-owned on the host. Use a non-root user (with updateRemoteUserUID).',
    implicit: 'no remoteUser or containerUser, and {{what}} runs as root: files created in the bind-mounted workspace become root-owned on the host. Set "remoteUser" to a non-root user.',
  },
  create(ctx) {
    return {
      done() {
        const dc = ctx.devcontainer;
        const cfg = devcontainerConfig(dc);
        if (!cfg) return;
        const remote = typeof cfg.remoteUser === 'string' ? cfg.remoteUser : undefined;
        const container = typeof cfg.containerUser === 'string' ? cfg.containerUser : undefined;
        if (remote !== undefined && !isRootUser(remote)) return;
        if (remote === undefined && container !== undefined && !isRootUser(container)) return;
        const explicit = remote !== undefined || container !== undefined;

        // Is the workspace a bind mount? (compose: a bind volume on the service; otherwise the default workspaceMount.)
        let bind: boolean | undefined;
        let implicit: { what: string; path: PathSegment[] } | undefined;
        if (isComposeConfig(cfg)) {
          const dev = devService(ctx, dc, cfg);
          if (!dev?.service || !dev.complete) return;
          bind = serviceVolumes(dev.service).some((v) => v.type === 'bind');
          if (explicit) implicit = undefined;
          else {
            const user = dev.service.value.user;
            if (typeof user === 'string' || typeof user === 'number') {
              if (!isRootUser(String(user))) return;
              implicit = { what: `service "${dev.name}" (user: ${String(user)})`, path: ['service'] };
            } else if (dev.build) {
              if (!dev.stage) return;
              const u = dev.stage.user?.resolved.value;
              if (u !== undefined ? !isRootUser(u) : !isRootImage(dev.stage.rootFrom.image)) return;
              implicit = { what: `the "${dev.stage.name ?? 'last'}" stage it builds`, path: ['service'] };
            } else {
              const image = typeof dev.service.value.image === 'string' ? dev.service.value.image : undefined;
              if (!isRootImage(image)) return;
              implicit = { what: `image ${image ?? ''}`, path: ['service'] };
            }
          }
        } else {
          const mount = typeof cfg.workspaceMount === 'string' ? cfg.workspaceMount : undefined;
          bind = mount === undefined || /(^|,)type=bind(,|$)/.test(mount);
          if (explicit) implicit = undefined;
          else if (typeof cfg.image === 'string') {
            if (!isRootImage(cfg.image)) return;
            implicit = { what: `image ${cfg.image}`, path: ['image'] };
          } else {
            const built = devDockerfileStage(ctx, dc, cfg);
            if (!built) return;
            const u = built.stage.user?.resolved.value;
            if (u !== undefined ? !isRootUser(u) : !isRootImage(built.stage.rootFrom.image)) return;
            implicit = { what: `the Dockerfile's "${built.stage.name ?? 'last'}" stage`, path: isObj(cfg.build) ? ['build'] : ['dockerFile'] };
          }
        }
        if (!bind) return;
        if (remote !== undefined) ctx.report({ messageId: 'explicit', range: valueRange(dc, ['remoteUser']), data: { key: 'remoteUser' } });
        else if (container !== undefined) ctx.report({ messageId: 'explicit', range: valueRange(dc, ['containerUser']), data: { key: 'containerUser' } });
        else if (implicit) ctx.report({ messageId: 'implicit', range: valueRange(dc, implicit.path), data: { what: implicit.what } });
      },
    };
  },
});
