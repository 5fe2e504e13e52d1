/**
 * CI pipelines for a plan: one unit per CI system, each rendering one file that carries
 * pycrane's digest header, so `init` owns it like the other generated files (updates it while
 * untouched, leaves a hand-edited one alone without --force, `init --check` reports drift).
 */
import { headerLines, stamp } from '../marker.js';
import type { BuildPlan } from '../plan.js';
import { renderGithub } from './github.js';
import { renderGitlab } from './gitlab.js';
import { CI_PATHS, type CiOptions } from './shared.js';

export { CI_PATHS, CI_SYSTEMS, DEFAULT_BRANCH, type CiOptions, type CiSystem } from './shared.js';
export { ACTIONS, type ActionPin } from './pins.js';

/** The CI file of one system, stamped with its digest after the header. */
export function renderCi(plan: BuildPlan, options: CiOptions): { readonly path: string; readonly contents: string } {
  const header = headerLines('#', plan.sources, plan.configFile);
  const text = options.system === 'github' ? renderGithub(plan, options, header) : renderGitlab(plan, options, header);
  return { path: CI_PATHS[options.system], contents: stamp(text, '#', header.length) };
}
