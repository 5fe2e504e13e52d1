import type { ShellCommand } from '../../dockerfile/shell.js';
import { defineRule } from '../rule.js';

const APT = new Set(['apt-get', 'apt', 'aptitude']);
/** apt subcommands that use the lists an update just fetched. */
const USES_LISTS = new Set(['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall', 'satisfy']);
/**
 * The same, anywhere in the RUN's text (`xargs apt-get install < pkgs`, `$(...)`, a function): an apt word
 * and one of them later in the same `;&|`-separated part. Read from the part's first apt word only: the
 * rest after a later one is inside that, and a regex tried from each of `apt apt apt…` rescans to the end.
 */
function usesListsText(text: string): boolean {
  return text.split(/[;&|\n]/).some((part) => {
    const apt = /\b(apt-get|apt|aptitude)\b/.exec(part);
    return apt !== null && /\b(install|upgrade|dist-upgrade|full-upgrade|build-dep|source|download|reinstall|satisfy)\b/.test(part.slice(apt.index + apt[0].length));
  });
}

/** `apt-get -o X=Y -y update` -> update. */
function aptSub(cmd: ShellCommand): string | undefined {
  for (let i = 1; i < cmd.argv.length; i++) {
    const v = cmd.argv[i]?.value ?? '';
    if (v === '-o' || v === '-t' || v === '-c') {
      i++;
      continue;
    }
    if (!v.startsWith('-')) return v;
  }
  return undefined;
}

/** A command that may install packages itself: a script, a helper named for it (`install_packages`), `curl ... | sh`. */
function mayInstall(cmd: ShellCommand): boolean {
  const program = cmd.argv[0]?.value ?? '';
  if (program.includes('/') || /\.sh$/.test(program) || /install/.test(cmd.name)) return true;
  if (['sh', 'bash', 'dash', 'zsh', 'source', '.', 'make', 'python', 'python3'].includes(cmd.name)) return true;
  return false;
}

export const aptUpdateWithoutInstall = defineRule({
  id: 'PC305',
  name: 'apt-update-without-install',
  kind: 'dockerfile',
  category: 'size',
  defaultSeverity: 'warning',
  docs: {
    summary: '`apt-get update` runs in a RUN that installs nothing, so its package lists are cached in a layer of their own.',
    why: 'The build cache keeps that layer as long as the RUN line is unchanged: weeks later, a new `RUN apt-get install` after it still reads the old lists and fails with 404s for package versions the mirror no longer has, or installs outdated packages. The lists also add 20-50 MB to the layer. Run `apt-get update && apt-get install -y ...` in one RUN (and remove /var/lib/apt/lists/* in it, PC302).\n\nWhat pycrane can see: each RUN of every stage (a stale builder breaks the build as much as a stale runtime). Not reported: a RUN that also installs, upgrades or builds with apt (also through xargs or a subshell), that runs a script or helper which may install (`./install.sh`, `install_packages`, `bash -c`), or that keeps /var/lib/apt in a cache mount (the lists then stay out of the layer).',
    bad: { code: 'FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' },
    good: { code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n' },
  },
  messages: { alone: '`{{command}}` in a RUN that installs nothing: its lists are cached in this layer and go stale; update and install in the same RUN.' },
  create(ctx) {
    return {
      RUN(node) {
        const commands = node.script.commands;
        const update = commands.find((c) => APT.has(c.name) && aptSub(c) === 'update');
        if (!update) return;
        if (node.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && /^\/var\/lib\/apt(\/lists)?\/?$/.test(m.target ?? ''))) return;
        if (commands.some((c) => (APT.has(c.name) && USES_LISTS.has(aptSub(c) ?? '')) || mayInstall(c)) || usesListsText(node.text)) return;
        const first = update.argv[0] ?? update.words[0];
        if (!first) return;
        ctx.report({ messageId: 'alone', range: { start: first.range.start, end: update.range.end }, data: { command: update.argv.map((w) => w.value).join(' ') } });
      },
    };
  },
});
