import type { ProjectFacts } from '../inspect/model.js';
import { type CiOptions, renderCi } from './ci/index.js';
import { renderCompose } from './compose.js';
import { renderDevcontainer } from './devcontainer.js';
import { renderDockerfile } from './dockerfile.js';
import { renderDockerignore } from './dockerignore.js';
import { headerLines, stamp } from './marker.js';
import { type BuildPlan, type PlanOptions, planSetup } from './plan.js';

export { planSetup, type BuildPlan, type PlanOptions } from './plan.js';
export { ownership, type Ownership } from './marker.js';
export { CI_PATHS, CI_SYSTEMS, DEFAULT_BRANCH, type CiOptions, type CiSystem } from './ci/index.js';

export interface GeneratedFile {
  /** Relative to the project root, with `/`. */
  readonly path: string;
  readonly contents: string;
}

export const GENERATED_PATHS = ['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore'] as const;

/** What to render besides the four files: a CI pipeline, when asked for (`init --ci`). */
export interface RenderOptions {
  readonly ci?: CiOptions;
}

/**
 * Renders the four files of a plan, each stamped with its digest (see marker.ts), and after
 * them the CI file when `options.ci` asks for one.
 */
export function renderFiles(plan: BuildPlan, options: RenderOptions = {}): GeneratedFile[] {
  const hash = headerLines('#', plan.sources, plan.configFile);
  const slash = headerLines('//', plan.sources, plan.configFile);
  // The syntax directive must stay on line 1; the header follows it.
  const dockerfile = ['# syntax=docker/dockerfile:1', ...hash, '', renderDockerfile(plan)].join('\n');
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', contents: stamp(dockerfile, '#', 1 + hash.length) },
    { path: 'compose.yaml', contents: stamp(renderCompose(plan, hash), '#', hash.length) },
    { path: '.devcontainer/devcontainer.json', contents: stamp(renderDevcontainer(plan, slash), '//', slash.length) },
    { path: '.dockerignore', contents: stamp(renderDockerignore(hash), '#', hash.length) },
  ];
  if (options.ci) files.push(renderCi(plan, options.ci));
  return files;
}

export function generateSetup(facts: ProjectFacts, options: PlanOptions, render: RenderOptions = {}): { plan: BuildPlan; files: GeneratedFile[] } {
  const plan = planSetup(facts, options);
  return { plan, files: renderFiles(plan, render) };
}
