import type { DockerfileModel, Stage } from '../dockerfile/model.js';
import {
  composeServices,
  dirname,
  isObj,
  joinPath,
  modelForBuild,
  normalizePath,
  serviceBuild,
  targetStage,
  type ComposeService,
  type Obj,
  type ServiceBuild,
} from './compose-model.js';
import type { TreeFile } from './files.js';
import type { RuleContext } from './rule.js';

/** Helpers over devcontainer.json shared by the PC8xx rules. */

export function devcontainerConfig(dc: TreeFile): Obj | undefined {
  return isObj(dc.value) ? dc.value : undefined;
}

export function isComposeConfig(cfg: Obj): boolean {
  return cfg.dockerComposeFile !== undefined;
}

/** `dockerComposeFile` entries, resolved against the folder of devcontainer.json. */
export function composeFilesOf(dc: TreeFile, cfg: Obj): string[] | undefined {
  const v = cfg.dockerComposeFile;
  const list = typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  if (!list) return undefined;
  return list.map((f) => (f.includes('$') ? f : joinPath(dirname(dc.path), f)));
}

export interface DevService {
  readonly compose: TreeFile;
  /** Every file of `dockerComposeFile` is the compose file being checked (no override file we cannot see). */
  readonly complete: boolean;
  readonly name: string;
  /** undefined: the checked compose file has no such service. */
  readonly service: ComposeService | undefined;
  readonly build: ServiceBuild | undefined;
  readonly model: DockerfileModel | undefined;
  readonly stage: Stage | undefined;
}

/** The compose service a compose-based devcontainer.json uses, when its compose file is the one being checked. */
export function devService(ctx: RuleContext<string>, dc: TreeFile, cfg: Obj): DevService | undefined {
  const compose = ctx.compose;
  if (!compose || ctx.paths.compose === undefined || typeof cfg.service !== 'string') return undefined;
  const files = composeFilesOf(dc, cfg);
  if (!files || files.length === 0) return undefined;
  const ours = normalizePath(ctx.paths.compose);
  const matches = files.filter((f) => f === ours);
  if (matches.length === 0) return undefined;
  const service = composeServices(compose).find((s) => s.name === cfg.service);
  const build = service && service.value.build !== undefined ? serviceBuild(compose, service) : undefined;
  const model = modelForBuild(build, ctx.dockerfile, ctx.paths.dockerfile);
  const stage = model ? targetStage(model, build?.target) : undefined;
  return { compose, complete: matches.length === files.length, name: cfg.service, service, build, model, stage };
}

/** The Dockerfile stage a Dockerfile-based devcontainer.json builds, when it is the Dockerfile being checked. */
export function devDockerfileStage(ctx: RuleContext<string>, dc: TreeFile, cfg: Obj): { model: DockerfileModel; stage: Stage } | undefined {
  const build = isObj(cfg.build) ? cfg.build : undefined;
  const file = typeof build?.dockerfile === 'string' ? build.dockerfile : typeof cfg.dockerFile === 'string' ? cfg.dockerFile : undefined;
  if (!file || !ctx.dockerfile || ctx.paths.dockerfile === undefined) return undefined;
  if (joinPath(dirname(dc.path), file) !== normalizePath(ctx.paths.dockerfile)) return undefined;
  const stage = targetStage(ctx.dockerfile, typeof build?.target === 'string' ? build.target : undefined);
  return stage ? { model: ctx.dockerfile, stage } : undefined;
}

export function isRootUser(u: string): boolean {
  return /^(root|0)(:.*)?$/.test(u.trim());
}

/** Images whose default user is root and that carry no devcontainer metadata choosing another user. */
export function isRootImage(image: string | undefined): boolean {
  if (!image) return false;
  if (/^mcr\.microsoft\.com\/(vscode\/)?devcontainers\//.test(image)) return false;
  return /^(docker\.io\/)?(library\/)?(python|debian|ubuntu|buildpack-deps|alpine|fedora|centos|rockylinux|almalinux|amazonlinux)(:|@|$)/.test(image);
}
