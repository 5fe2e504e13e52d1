import type { ProjectFacts } from '../inspect/model.js';
import { type CiOptions, renderCi } from './ci/index.js';
import { renderCompose } from './compose.js';
import { renderDevcontainer } from './devcontainer.js';
import { renderDockerfile } from './dockerfile.js';
import { renderDockerignore } from './dockerignore.js';
import { headerLines, stamp } from './marker.js';
import { type BuildPlan, type PlanOptions, planSetup } from './plan.js';
import { renderEnvExample } from './web/env-example.js';
import { renderReadmeDocker } from './web/readme-docker.js';

export { planSetup, type BuildPlan, type PlanOptions } from './plan.js';
export { ownership, type Ownership } from './marker.js';
export { gitignoreWithEnv } from './web/env-example.js';
export { CI_PATHS, CI_SYSTEMS, DEFAULT_BRANCH, type CiOptions, type CiSystem } from './ci/index.js';

export interface GeneratedFile {
  /** Relative to the project root, with `/`. */
  readonly path: string;
  readonly contents: string;
}

export const GENERATED_PATHS = ['Dockerfile', 'compose.yaml', '.devcontainer/devcontainer.json', '.dockerignore', '.env.example', 'README.Docker.md'] as const;

/** What to render besides the four files: a CI pipeline, when asked for (`init --ci`). */
export interface RenderOptions {
  readonly ci?: CiOptions;
}

/**
 * Renders the four files of a plan, each stamped with its digest (see marker.ts); for a web
 * app or Celery worker also `.env.example` and README.Docker.md; after them the CI file when
 * `options.ci` asks for one.
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
    { path: '.dockerignore', contents: stamp(renderDockerignore(hash, plan.web ? ['README.Docker.md'] : []), '#', hash.length) },
  ];
  if (plan.web) {
    const markdown = headerLines('<!--', plan.sources, plan.configFile);
    files.push(
      { path: '.env.example', contents: stamp(renderEnvExample(plan.web, hash), '#', hash.length) },
      { path: 'README.Docker.md', contents: stamp(renderReadmeDocker(plan, markdown), '<!--', markdown.length) },
    );
  }
  if (options.ci) files.push(renderCi(plan, options.ci));
  return files;
}

export function generateSetup(facts: ProjectFacts, options: PlanOptions, render: RenderOptions = {}): { plan: BuildPlan; files: GeneratedFile[] } {
  const plan = planSetup(facts, options);
  return { plan, files: renderFiles(plan, render) };
}
