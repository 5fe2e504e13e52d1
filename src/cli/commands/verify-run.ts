import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, UserError } from '../../core/errors.js';
import { planBuild } from '../../engine/build.js';
import { nodeExec } from '../../engine/exec.js';
import { parseVerifyConfig, splitCommandLine, type VerifyConfig } from '../../engine/pure/config.js';
import { baseImageOf } from '../../engine/pure/dockerfile-from.js';
import { expectedFromLock } from '../../engine/pure/lock-conditions.js';
import { parseSize } from '../../engine/pure/size.js';
import type { ExpectedPackage } from '../../engine/pure/verify-eval.js';
import { formatVerifyReport } from '../../engine/pure/verify-format.js';
import { verifyImage } from '../../engine/verify.js';
import type { ProjectFacts } from '../../inspect/index.js';
import type { CliContext } from '../context.js';
import { buildOptionsFrom, dockerEngine, loadProject, runBuild, type LoadedProject } from './build-run.js';
import type { VerifyCliOptions } from './verify.js';

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}

/** Locked packages of the `main` group: what the runtime image must hold (see expectedFromLock). */
export function lockedMain(ctx: CliContext, facts: ProjectFacts): ExpectedPackage[] | undefined {
  if (!facts.lock) return undefined;
  const { expected, optional } = expectedFromLock(facts.lock.packages);
  if (optional.length > 0) ctx.stderr.write(`pycrane: not expected in the image (optional, extras only): ${optional.join(', ')}\n`);
  return expected;
}

function verifyConfig(facts: ProjectFacts | undefined, options: VerifyCliOptions): VerifyConfig {
  const { config, errors } = parseVerifyConfig(facts?.config.verify);
  if (errors.length > 0) throw new UserError('E_CONFIG', errors.join('; '), facts?.config.source ? { source: facts.config.source } : {});
  let maxSize = config.maxSize;
  if (options.maxSize !== undefined) {
    maxSize = parseSize(options.maxSize);
    if (maxSize === undefined) throw new UserError('E_USAGE', `--max-size "${options.maxSize}" is not a size (e.g. 250MB, 1GiB)`);
  }
  const probe = options.probe === undefined ? config.probe : splitCommandLine(options.probe);
  return { ...config, maxSize, probe, init: Boolean(options.init) || config.init };
}

/** The app image of a project: an existing image with its computed tag (clean tree), else a fresh build. */
async function projectImage(ctx: CliContext, project: LoadedProject, dir: string | undefined, options: VerifyCliOptions): Promise<string> {
  const engine = dockerEngine(ctx);
  await engine.info();
  if (!options.build) {
    const { options: buildOptions } = buildOptionsFrom(ctx, options.repository === undefined ? {} : { repository: options.repository });
    const plan = await planBuild({ exec: nodeExec, env: ctx.env, now: () => new Date() }, project.root, project.facts, project.dockerfileText, project.dockerfilePath, buildOptions, '/dev/null');
    if (!plan.git.dirty && plan.git.commit !== undefined) {
      for (const tag of plan.request.tags) {
        if (await engine.inspectImage(tag)) {
          ctx.stderr.write(`pycrane: verifying ${tag} (built from this commit; --build rebuilds it)\n`);
          return tag;
        }
      }
    }
  }
  ctx.stderr.write('pycrane: building the app image first\n');
  const result = await runBuild(ctx, dir, {
    ...(options.network === undefined ? {} : { network: options.network }),
    ...(options.repository === undefined ? {} : { repository: options.repository }),
  });
  return result.tags[0] ?? result.imageId;
}

export async function run(ctx: CliContext, target: string | undefined, options: VerifyCliOptions): Promise<number> {
  const asDir = target === undefined || (await isDirectory(path.resolve(ctx.cwd, target)));
  let project: LoadedProject | undefined;
  let image: string;
  if (asDir) {
    project = await loadProject(ctx, target, undefined, 'warn');
    image = parseVerifyConfig(project.facts.config.verify).config.image ?? (await projectImage(ctx, project, target, options));
  } else {
    image = target;
    if (options.project !== undefined) project = await loadProject(ctx, options.project, undefined, 'warn', 'optional');
  }
  const config = verifyConfig(project?.facts, options);
  const report = await verifyImage(dockerEngine(ctx), {
    image,
    expected: project ? lockedMain(ctx, project.facts) : undefined,
    dockerfileBase: project?.dockerfileText ? (baseImageOf(project.dockerfileText, 'app') ?? baseImageOf(project.dockerfileText)) : undefined,
    config,
    pull: options.pull && !asDir ? 'always' : 'missing',
  });
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    ctx.stdout.write(formatVerifyReport(report, ctx.color));
  }
  return report.verdict === 'pass' ? ExitCode.ok : ExitCode.findings;
}

