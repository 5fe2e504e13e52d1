import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, UserError } from '../../core/errors.js';
import { startDev, stopDev } from '../../engine/dev.js';
import type { CliContext } from '../context.js';
import { COMPOSE_NAMES } from '../project-files.js';
import { dockerEngine } from './build-run.js';
import type { DevCliOptions } from './dev.js';


async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * DEV_UID/DEV_GID for the dev image: from the environment when set, else the owner of the
 * project folder (that is whose files the container writes). A root-owned folder keeps the
 * compose file's defaults: a dev user with UID 0 would be root.
 */
async function devIds(ctx: CliContext, root: string): Promise<Record<string, string>> {
  const owner = await stat(root);
  const ids: Record<string, string> = {};
  const uid = ctx.env.DEV_UID ?? (owner.uid === 0 ? undefined : String(owner.uid));
  const gid = ctx.env.DEV_GID ?? (owner.uid === 0 ? undefined : String(owner.gid));
  if (uid !== undefined) ids.DEV_UID = uid;
  if (gid !== undefined) ids.DEV_GID = gid;
  return ids;
}

export async function run(dir: string, command: readonly string[], options: DevCliOptions, ctx: CliContext): Promise<number> {
  const root = path.resolve(ctx.cwd, dir);
  if (!(await stat(root).then((s) => s.isDirectory(), () => false))) {
    throw new UserError('E_NO_DIR', `${dir} is not a directory`);
  }
  let composeFile: string | undefined;
  if (options.file) {
    composeFile = path.resolve(ctx.cwd, options.file);
    if (!(await exists(composeFile))) throw new UserError('E_NO_COMPOSE_FILE', `no compose file at ${options.file}`);
  } else {
    for (const name of COMPOSE_NAMES) {
      if (await exists(path.join(root, name))) {
        composeFile = path.join(root, name);
        break;
      }
    }
  }
  if (!composeFile) {
    throw new UserError('E_NO_COMPOSE_FILE', `no compose file in ${dir} (looked for ${COMPOSE_NAMES.join(', ')})`, {
      hint: 'Write the container setup with `pycrane init`.',
    });
  }
  const engine = dockerEngine(ctx);
  await engine.info(); // no engine: exit 3 with a hint, before anything else
  const env = await devIds(ctx, root);
  const relative = path.relative(root, composeFile) || composeFile;
  if (options.down) {
    await stopDev(engine, { dir: root, composeFile: relative, env });
    return ExitCode.ok;
  }
  const interactive = Boolean(process.stdin.isTTY);
  const code = await startDev(engine, {
    dir: root,
    composeFile: relative,
    service: options.service,
    env,
    build: options.build,
    run: command.length > 0 ? { kind: 'command', argv: command } : options.detach ? { kind: 'none' } : { kind: 'shell' },
    tty: interactive && Boolean(ctx.stdout.isTTY),
    stream: Boolean(ctx.stderr.isTTY),
  });
  if (options.detach && command.length === 0) {
    ctx.stdout.write(`${options.service} is up: pycrane dev ${dir} (a shell), pycrane dev ${dir} --down (stop it)\n`);
  }
  return code;
}
