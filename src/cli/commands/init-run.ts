import path from 'node:path';
import pc from 'picocolors';
import { ExitCode, UserError } from '../../core/errors.js';
import { formatRef } from '../../core/location.js';
import { type BuildPlan, CI_PATHS, type CiOptions, DEFAULT_BRANCH, generateSetup, gitignoreWithEnv } from '../../generate/index.js';
import { inspectProject } from '../../inspect/index.js';
import type { ProjectFacts, PycraneConfig } from '../../inspect/model.js';
import { nodeReader } from '../../io/fs.js';
import { type ConfigEdit, readerWith } from '../../io/remember-config.js';
import { type ApplyOptions, type WriteAction, applyWrites, diffActions, planWrites } from '../../io/write-files.js';
import type { CliContext } from '../context.js';
import { withSignalsHeld } from '../interrupt.js';
import { askAndRemember, CANCELLED, confirmWrite } from '../prompts/index.js';
import { VERSION } from '../version.js';
import type { InitOptions } from './init.js';

function installLine(plan: BuildPlan): string {
  const m = plan.manager;
  const deps = m.installDependencies ? `dependencies from ${m.dependencyFiles.join(' + ')}` : 'dependencies together with the project (they need its code)';
  const project = m.installProject ? 'then the project, non-editable' : 'the code is copied';
  return `${deps}; ${project}`;
}

function summary(facts: ProjectFacts, plan: BuildPlan, color: boolean, ci: CiOptions | undefined): string {
  const dim = color ? pc.dim : (s: string) => s;
  const at = (ref: Parameters<typeof formatRef>[0]) => (ref ? dim(`  (${formatRef(ref)})`) : '');
  const start = [...(plan.start.entrypoint ?? []), ...(plan.start.cmd ?? [])].join(' ');
  const lines = [
    `project    ${plan.name}${at(facts.name?.source)}`,
    `python     ${plan.pythonMinor} -> ${plan.baseImage}${at(facts.python.selected.source)}`,
    `manager    ${plan.manager.tool.label}${at(plan.manager.tool.source)}`,
    `install    ${installLine(plan)}`,
    `starts     ${start}  ${dim(`(${plan.start.reason})`)}`,
    `user       app ${plan.user.uid}:${plan.user.gid}, dev ${plan.devUser.name} ${plan.devUser.uid}:${plan.devUser.gid} (DEV_UID/DEV_GID build args)`,
    `dev groups ${plan.devGroups.length > 0 ? plan.devGroups.join(', ') : '(none)'}`,
    ...plan.nativeLibs.map((reason) => `apt        ${reason}`),
    ...(plan.web?.notes ?? []),
  ];
  if (ci) {
    const branch = ci.system === 'github' ? (ci.defaultBranch ?? DEFAULT_BRANCH) : '$CI_DEFAULT_BRANCH';
    lines.push(`ci         ${CI_PATHS[ci.system]}: pycrane ${ci.pycraneVersion}, images pushed from ${branch} and v* tags`);
  }
  for (const issue of facts.issues) {
    const where = issue.source ? `${formatRef(issue.source)}: ` : '';
    lines.push(`${issue.severity === 'info' ? 'note' : 'warning'}: ${where}${issue.message}`);
  }
  return `${lines.join('\n')}\n`;
}

function actionLine(action: WriteAction, dryRun: boolean, remembered?: ConfigEdit): string {
  const verb = {
    create: dryRun ? 'would create' : 'created',
    update: dryRun ? 'would update' : 'updated',
    unchanged: 'unchanged',
    conflict: 'left alone',
  }[action.kind];
  const why =
    action.kind === 'conflict'
      ? action.owner === 'edited'
        ? ' (edited by hand since pycrane wrote it; --force replaces it)'
        : ' (not written by pycrane; --force replaces it)'
      : remembered && action.file.path === remembered.action.file.path
        ? ` (remembers ${remembered.keys.join(', ')}${remembered.table.length > 0 ? ' in [tool.pycrane]' : ''})`
        : '';
  return `  ${verb.padEnd(12)} ${action.file.path}${why}`;
}

/** A branch name as a workflow trigger takes it literally: no glob characters, no leading `-`. */
const BRANCH_NAME = /^(?!-)[A-Za-z0-9._/-]+$/;

/** The CI file to render, if `--ci` asked for one; the pipeline runs the pycrane release that wrote it. */
export function ciOptions(flags: InitOptions, config: PycraneConfig = {}): CiOptions | undefined {
  // The flags win; without them, [tool.pycrane] ci remembers the choice, so `init --check` stays the same.
  const options = { ci: flags.ci ?? config.ci, defaultBranch: flags.defaultBranch ?? config.ciDefaultBranch };
  if (options.defaultBranch !== undefined) {
    if (options.ci !== 'github') {
      throw new UserError('E_USAGE', '--default-branch needs --ci github (GitLab pipelines read $CI_DEFAULT_BRANCH themselves)');
    }
    if (!BRANCH_NAME.test(options.defaultBranch)) {
      throw new UserError('E_USAGE', `--default-branch "${options.defaultBranch}" is not a plain branch name (letters, digits, . _ / -)`);
    }
  }
  if (options.ci === undefined) return undefined;
  return {
    system: options.ci,
    pycraneVersion: VERSION,
    ...(options.defaultBranch === undefined ? {} : { defaultBranch: options.defaultBranch }),
  };
}

/**
 * PYCRANE_FAILPOINT_STAGED_MS: after each file is staged, print `pycrane-failpoint: staged
 * <file>` on stderr and wait that long. Only the fault tests (test/e2e/faults.test.ts) set
 * it, to send a real signal while init is between writing and moving its files.
 */
function failpoint(ctx: CliContext): Pick<ApplyOptions, 'afterStage'> {
  const ms = Number(ctx.env.PYCRANE_FAILPOINT_STAGED_MS);
  if (!Number.isFinite(ms) || ms <= 0) return {};
  return {
    afterStage: async (file, signal) => {
      ctx.stderr.write(`pycrane-failpoint: staged ${file}\n`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
    },
  };
}

export async function run(dir: string, options: InitOptions, ctx: CliContext): Promise<number> {
  const root = path.resolve(ctx.cwd, dir);
  const reader = nodeReader(root);
  if (!(await reader.isDirectory('.'))) {
    throw new UserError('E_NO_DIR', `${dir} is not a directory`);
  }
  let facts = await inspectProject(reader, { root: dir, today: new Date() });
  const ci = ciOptions(options, facts.config);
  // The questions (src/cli/prompts/): answers that differ from detection are remembered in the
  // config file, and the project is read again as it will be, so the files use them.
  const asking = ctx.interactive && !options.yes && !options.json && !options.check && !options.dryRun;
  const remembered = await askAndRemember(reader, facts, {
    flags: { python: options.python, command: options.command, port: options.port, app: options.app, server: options.server, 'health-path': options.healthPath, services: options.services },
    terminal: asking ? { output: process.stderr, color: ctx.color } : undefined,
    directoryName: path.basename(root),
  });
  if (remembered === CANCELLED) {
    ctx.stderr.write('pycrane: nothing written\n');
    return ExitCode.interrupted;
  }
  if (remembered) facts = await inspectProject(readerWith(reader, remembered), { root: dir, today: new Date() });
  const { plan, files } = generateSetup(facts, { directoryName: path.basename(root) }, ci ? { ci } : {});
  const actions = await planWrites(reader, files, { force: Boolean(options.force) });
  // .env holds the compose passwords: a web setup makes git ignore it (one line appended to the user's .gitignore).
  const previousIgnore = plan.web && !options.check ? await reader.read('.gitignore') : undefined;
  const ignore = plan.web && !options.check ? gitignoreWithEnv(previousIgnore) : undefined;
  if (ignore !== undefined) {
    const file = { path: '.gitignore', contents: ignore };
    actions.push(previousIgnore === undefined ? { kind: 'create', file } : { kind: 'update', file, previous: previousIgnore, owner: 'user' });
  }
  if (remembered) actions.push(remembered.action);
  const changes = actions.filter((a) => a.kind !== 'unchanged');
  const conflicts = actions.filter((a) => a.kind === 'conflict');

  if (options.json) {
    ctx.stdout.write(
      `${JSON.stringify({ plan, files: actions.map((a) => ({ path: a.file.path, action: a.kind })) }, null, 2)}\n`,
    );
  }
  if (options.check) {
    if (!options.json) {
      if (changes.length === 0) ctx.stdout.write('pycrane init --check: all files are up to date\n');
      else {
        ctx.stdout.write(`pycrane init --check: ${changes.length} file(s) differ from what init would write\n`);
        ctx.stdout.write(diffActions(changes));
      }
    }
    return changes.length === 0 ? ExitCode.ok : ExitCode.findings;
  }
  if (options.dryRun) {
    if (!options.json) {
      ctx.stdout.write(summary(facts, plan, ctx.color, ci));
      ctx.stdout.write(diffActions(actions));
      for (const action of actions) ctx.stderr.write(`${actionLine(action, true, remembered)}\n`);
    }
    return ExitCode.ok;
  }
  if (!options.json) ctx.stdout.write(summary(facts, plan, ctx.color, ci));
  if (conflicts.length > 0) {
    for (const action of actions) ctx.stderr.write(`${actionLine(action, true, remembered)}\n`);
    ctx.stderr.write(
      `pycrane: wrote nothing: ${conflicts.map((c) => c.file.path).join(', ')} would be overwritten. ` +
        'Use --dry-run to see the differences, --force to replace them.\n',
    );
    return ExitCode.findings;
  }
  if (changes.length === 0) {
    if (!options.json) ctx.stdout.write('all files are up to date\n');
    return ExitCode.ok;
  }
  if (ctx.interactive && !options.yes && !options.json) {
    for (const action of actions) ctx.stderr.write(`${actionLine(action, true, remembered)}\n`);
    const yes = await confirmWrite(process.stderr);
    if (yes !== true) {
      ctx.stderr.write('pycrane: nothing written\n');
      return yes === CANCELLED ? ExitCode.interrupted : ExitCode.ok;
    }
  }
  const { lateSignal } = await withSignalsHeld('nothing written', (signal) => applyWrites(root, actions, { signal, ...failpoint(ctx) }));
  if (lateSignal) {
    ctx.stderr.write(`pycrane: interrupted by ${lateSignal} after the files were written: they are complete\n`);
    return lateSignal === 'SIGINT' ? ExitCode.interrupted : ExitCode.terminated;
  }
  if (!options.json) {
    for (const action of actions) ctx.stdout.write(`${actionLine(action, false, remembered)}\n`);
    ctx.stdout.write(
      `\nnext: docker buildx build${plan.buildNetwork ? ` --network ${plan.buildNetwork}` : ''} --target app -t ${plan.name} .` +
        (plan.web ? '   or   cp .env.example .env && docker compose up --build --wait (README.Docker.md)\n' : '   or   docker compose up -d dev\n'),
    );
  }
  return ExitCode.ok;
}
