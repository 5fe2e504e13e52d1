/**
 * pycrane as a library (`import { inspectProject, generateSetup, lint } from 'pycrane'`):
 * the pure core, which reads only through the FileReader it is given and never runs docker.
 * The CLI (dist/cli.js) is the same code behind commander; the engine (docker) is not exported.
 */
export { inspectProject, type InspectOptions, type ProjectFacts } from './inspect/index.js';
export type * from './inspect/model.js';
export { formatFacts } from './inspect/summary.js';
export { generateSetup, planSetup, renderFiles, type BuildPlan, type GeneratedFile, type PlanOptions } from './generate/index.js';
export { lint, lintFiles, allRules, formatStylish, formatJson, formatSarif, type LintResult } from './lint/index.js';
export { memoryReader, type FileReader } from './core/reader.js';
export { nodeReader } from './io/fs.js';
export { PycraneError, UserError, EngineUnavailableError, ExitCode } from './core/errors.js';
export type { Issue, Severity } from './core/issue.js';
export type { Fact, SourceRef } from './core/location.js';
