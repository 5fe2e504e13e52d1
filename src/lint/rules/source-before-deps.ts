import type { CopyNode, InstructionNode, RunNode } from '../../dockerfile/model.js';
import type { ShellCommand } from '../../dockerfile/shell.js';
import { TOOL_PACKAGES, classifyInstall, isProjectPath, requirementName } from '../analysis.js';
import { chainInstructions, isDependencyFile, isLocalOrUrl, pipFetch } from '../commands.js';
import { defineRule } from '../rule.js';

/**
 * Folders and files of the container's plumbing rather than the project's code: Docker helpers,
 * scripts, a root filesystem overlay, web server and process manager configuration, certificates,
 * machine set-up (`setup_vim/`, `dev-setup/`, `dotfiles/`, `.config/`, `conf.d/`, `provisioning/`).
 * A plain `config/` stays code: Django projects (cookiecutter-django) keep their settings package there.
 */
const HELPER_SEGMENT = new RegExp(
  '^(' +
    [
      '\\.?docker[\\w.-]*', 'dockerfiles?', '\\.?scripts?', 's?bin', '[\\w.-]*[_-]?helpers?', 'rootfs', 'nginx', 'apache2?', 'caddy', 'supervisord?',
      'deploy(ment)?s?', 'k8s', 'kubernetes', 'helm', 'cron(tab)?', 'systemd', '(docker-)?entrypoints?', 'certs?', 'ssl',
      '\\.devcontainer', '\\.github', '\\.circleci', '\\.gitlab',
      // set-up of the machine, the user's shell and editor
      'setup[_-][\\w.-]+', '[\\w.-]+[_-]setup', '\\.?dotfiles', '\\.config', 'confs?', 'configs', '[\\w-]+\\.d', 'provision(ing)?', 'ansible',
      '\\.?n?vim', '\\.?zsh', '\\.?oh-my-zsh', '\\.?tmux',
    ].join('|') +
    ')$',
  'i',
);

/** Names without an extension that are single files, not folders of code. */
const PLAIN_FILE = /^(makefile|gnumakefile|justfile|procfile|dockerfile|containerfile|vagrantfile|caddyfile|version|notice|authors|changelog|changes|contributors|codeowners|(docker-)?entrypoint|start|run|wait-for(-it)?)$/i;

/** Where the image keeps its system: a COPY there is configuration, not the project. */
const SYSTEM_DEST = /^\/($|(etc|tmp|bin|sbin|lib\d*|root|run|docker-entrypoint[^/]*|entrypoint[^/]*)(\/|$)|usr\/(local\/)?(s?bin|lib\d*|libexec|share|etc|include)(\/|$)|var\/(lib|run|log|spool|cache|tmp)(\/|$))/;

const CODE_EXT = /\.(py|pyi|pyx|pxd|c|cc|cpp|h|rs|go|js|ts|ipynb)$/i;

const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

/**
 * The project's code, by its name: the whole context, a folder, a glob or a code file. Dependency
 * files (globs among them too), single config files and the container's helper folders are not.
 * A name without an extension is taken for a folder, unless it is copied with the dependency files
 * (`COPY requirements.txt start-script ./`).
 */
function isSourceName(src: string, besideDependencyFiles: boolean): boolean {
  const v = src.replace(/^\.\//, '');
  if (src === '.' || src === './' || src === '..' || v === '*') return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) || isDependencyFile(src)) return false;
  const parts = v.replace(/\/$/, '').split('/');
  if (parts.some((p) => HELPER_SEGMENT.test(p))) return false;
  const base = parts[parts.length - 1] ?? v;
  if (CODE_EXT.test(base) || src.endsWith('/')) return true;
  // A glob of folders or code (`src/*`, `app*`) is code; a glob of one non-code kind (`*.txt`, `*.ini`) is not.
  if (/[*?[]/.test(base)) return !/\.[A-Za-z0-9]+$/.test(base);
  return !besideDependencyFiles && !base.includes('.') && !PLAIN_FILE.test(base);
}

/** The folders the project lives in: every WORKDIR of the chain other than `/`. */
function appDirs(chain: readonly InstructionNode[]): string[] {
  const dirs = new Set<string>();
  for (const n of chain) if (n.kind === 'workdir' && n.resolved !== '/') dirs.add(n.resolved);
  return [...dirs];
}

/**
 * The COPY writes into the system (`/`, `/etc`, `/usr/local/bin`, `/tmp`) or outside every WORKDIR the
 * stage uses. A relative destination is the WORKDIR, the project's folder by definition.
 */
function destOutsideApp(node: CopyNode, dirs: readonly string[]): boolean {
  const dest = node.destPath?.replace(/(.)\/$/, '$1');
  if (dest === undefined || dest.includes('$') || !node.dest?.value.startsWith('/')) return false;
  if (SYSTEM_DEST.test(dest)) return true;
  return dirs.length > 0 && !dirs.some((d) => under(dest, d) || under(d, dest));
}

function sourceCopy(n: InstructionNode, dirs: readonly string[]): n is CopyNode {
  if (n.kind !== 'copy' || n.from !== undefined || n.heredoc) return false;
  const withDeps = n.sources.some((s) => isDependencyFile(s.value));
  const whole = n.sources.some((s) => /^\.\.?\/?$/.test(s.value));
  if (whole) return true;
  return !destOutsideApp(n, dirs) && n.sources.some((s) => isSourceName(s.value, withDeps));
}

/**
 * What a command installs for the project: `files` for the dependencies from their files (requirements,
 * a lock, the project's metadata: `pip install -r`, `poetry install`, `uv sync`, `pip install .`,
 * `pip wheel -r`), `named` for packages named on the command line; undefined for no dependency at
 * all (tools such as Poetry or pipx, the project alone with --no-deps or --only-root).
 */
function dependencyStep(cmd: ShellCommand): 'files' | 'named' | undefined {
  const inst = classifyInstall(cmd);
  if (inst) {
    if (!inst.dependencies || (inst.noDeps && inst.requirementFiles.length === 0)) return undefined;
    if (inst.tool !== 'pip' && inst.tool !== 'uv-pip') return 'files';
    return inst.project || inst.requirementFiles.length > 0 ? 'files' : 'named';
  }
  const fetch = pipFetch(cmd);
  if (!fetch) return undefined;
  if (fetch.requirementFiles.length > 0) return 'files';
  if (fetch.noDeps) return undefined;
  if (fetch.packages.some((p) => isProjectPath(p.value))) return 'files';
  return fetch.packages.some((p) => isLocalOrUrl(p.value) || !TOOL_PACKAGES.has(requirementName(p.value))) ? 'named' : undefined;
}

/**
 * The dependency install of the chain: the first install from dependency files, or else the first of named
 * packages. A project install after it (`pip install -e .`) finds the dependencies in place and is not it.
 */
function dependencyInstall(chain: readonly InstructionNode[]): RunNode | undefined {
  let named: RunNode | undefined;
  for (const node of chain) {
    if (node.kind !== 'run') continue;
    for (const cmd of node.script.commands) {
      const step = dependencyStep(cmd);
      if (step === 'files') return node;
      if (step === 'named') named ??= node;
    }
  }
  return named;
}

function firstSourceCopy(chain: readonly InstructionNode[]): CopyNode | undefined {
  const dirs = appDirs(chain);
  return chain.find((n): n is CopyNode => sourceCopy(n, dirs));
}

export const sourceBeforeDeps = defineRule({
  id: 'PC401',
  name: 'source-before-deps',
  kind: 'dockerfile',
  category: 'speed',
  defaultSeverity: 'warning',
  docs: {
    summary: 'The source is copied before the dependencies are installed, so every code change reinstalls all dependencies.',
    why: 'Docker reuses a layer only while everything before it is unchanged. With `COPY . .` before `pip install -r requirements.txt` / `poetry install` / `uv sync`, editing one .py file invalidates the install layer and the next build downloads and installs everything again. Copy only the dependency files (pyproject.toml and the lock), install the dependencies, then copy the source and install the project itself.\n\nWhat counts as the source: the whole context (`COPY . .`), folders, code files (`.py`, ...) and globs of them (`src/*`), copied into the project (a WORKDIR of the stage, or anywhere when none is set). Not the source: the dependency files, also as globs (`poetry.lock*`, `Pipfile*`, `requirements*.txt`, `requirements/`), single config files (`alembic.ini`, `nginx.conf`) and globs of one such kind (`*.txt`), the container\'s helpers by folder name (`docker/`, `scripts/`, `bin/`, `*_helpers/`, `rootfs/`, `nginx/`, `supervisor/`, `deploy/`, `certs/`, `.github/`) and of the machine\'s set-up (`setup_*/`, `*_setup/`, `dotfiles/`, `.config/`, `conf/`, `configs/`, `*.d/`, `provisioning/`, `.vim/`; a plain `config/` stays code, as Django projects keep their settings package there), and anything copied into the system (`/`, `/etc`, `/tmp`, `/usr/local/bin`, `/var/lib`, ...) or outside every WORKDIR the stage uses.\n\nWhat counts as the dependency install: the first install from dependency files in the stage and the stages it is built FROM (`pip install -r`, `pip wheel -r`, `pip download -r`, `uv pip install`/`sync`, `pip-sync`, `poetry install`, `uv sync`, `pdm install`/`sync`, `pipenv install`/`sync`, `hatch env create`, and a project install that also resolves the dependencies, `pip install .`), or, when there is none, the first install of packages named on the command line. Tools (`pip install poetry`), and the project alone (`pip install --no-deps .`, `poetry install --only-root`) are not; a project install (`pip install -e .`, `poetry install`) after the dependency install finds them in place. It cannot see what a bind mount of the whole context brings into a RUN, nor which files a folder holds.',
    bad: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    good: { code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n' },
  },
  messages: { early: 'the source is copied before the dependency install on line {{line}}, so any code change reinstalls every dependency; copy the dependency files first, install, then copy the source.' },
  create(ctx) {
    const model = ctx.dockerfile;
    const reported = new Set<CopyNode>();
    return {
      stage(stage) {
        const chain = chainInstructions(model, stage);
        const install = dependencyInstall(chain);
        if (!install) return;
        const source = firstSourceCopy(chain);
        if (!source || reported.has(source) || chain.indexOf(source) > chain.indexOf(install)) return;
        reported.add(source);
        ctx.report({ messageId: 'early', range: source.argsRange, data: { line: install.range.start.line + 1 } });
      },
    };
  },
});
