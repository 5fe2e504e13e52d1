import type { CopyNode, DockerfileModel, FromNode, InstructionNode, RunNode } from '../dockerfile/model.js';
import { resolvePath } from '../dockerfile/parse.js';
import type { ShellCommand, Word } from '../dockerfile/shell.js';
import { classifyInstall, isVenvPath, requirementName, SYSTEM_BIN_DIRS } from './analysis.js';
import { aptInstallPackages, envFlag, matchesStarGlob, optionValue } from './commands.js';

/**
 * Python build tools (and compilers) in a Dockerfile: where each one is installed, and so which
 * `COPY --from` brings it along. PC301 (tools in the runtime image) and PC404 (installed twice) use it.
 */

export const PY_TOOLS = new Set(['poetry', 'pipx', 'uv', 'pdm', 'pipenv', 'hatch', 'pip-tools']);
export const COMPILERS = /^(build-essential|gcc(-\d+)?|g\+\+(-\d+)?|clang(-\d+)?|gfortran|cargo|rustc|cmake|build-base|alpine-sdk)$/;
const PKG_INSTALL = new Set(['apk', 'yum', 'dnf', 'microdnf', 'zypper']);
/** The import package a tool's wheel installs into site-packages. */
const MODULE: Readonly<Record<string, string>> = { 'pip-tools': 'piptools' };
/** uv's own images: distroless (`/uv`, `/uvx`) or a Python image with uv in /usr/local/bin. */
export const UV_IMAGE = /(^|\/)astral-sh\/uv(:|@|$)/;
const UV_IMAGE_FILES = ['/uv', '/uvx', '/usr/local/bin/uv', '/usr/local/bin/uvx'];

export interface ToolInstall {
  readonly tool: string;
  /** What to point at: the package word, the `--from` image, the installer's program. */
  readonly word: Word;
  readonly node: InstructionNode;
  /** Absolute paths the tool's files land in (`*` matches one path segment). */
  readonly locations: readonly string[];
}

const fake = (value: string, range: Word['range']): Word => ({ value, raw: value, range, quoted: false, hasExpansion: false });

function home(node: InstructionNode): string {
  return node.scope.get('HOME')?.value ?? '/root';
}

function envDir(node: InstructionNode, name: string, fallback: string): string {
  const v = node.scope.get(name)?.value;
  return v === undefined ? fallback : resolvePath(node.workdir, node.scope.expand(v).value);
}

/** `python -m venv DIR`, `virtualenv DIR`, `uv venv DIR`: the virtualenv the command creates. */
function createdVenv(node: RunNode, cmd: ShellCommand): string | undefined {
  const args = cmd.argv.map((w) => node.scope.expand(w.value).value);
  const m = args.indexOf('-m');
  let dir: string | undefined;
  if (/^python/.test(cmd.name) && m !== -1 && args[m + 1] === 'venv') dir = args.slice(m + 2).find((a) => !a.startsWith('-'));
  else if (cmd.name === 'virtualenv') dir = args.slice(1).find((a) => !a.startsWith('-'));
  else if (cmd.name === 'uv' && args[1] === 'venv') dir = args.slice(2).find((a) => !a.startsWith('-')) ?? '.venv';
  return dir === undefined ? undefined : resolvePath(node.workdir, dir).replace(/(.)\/$/, '$1');
}

/**
 * The prefix a pip (or `python -m pip`) command installs into: a venv it runs from (one that exists by
 * then: a PATH entry alone does not make it), --user, --target/--prefix, or the system's.
 */
function pipPrefix(node: RunNode, cmd: ShellCommand, venvs: ReadonlySet<string>): string {
  const words = cmd.argv.map((w) => node.scope.expand(w.value).value);
  if (words.includes('--user') || envFlag(node, cmd, 'PIP_USER') === true) return envDir(node, 'PYTHONUSERBASE', `${home(node)}/.local`);
  const target = optionValue(cmd, ['--target', '-t', '--prefix', '--root']);
  if (target) return resolvePath(node.workdir, node.scope.expand(target.value).value);
  const program = words[0] ?? '';
  if (program.includes('/')) return resolvePath(node.workdir, program).replace(/\/bin\/[^/]+$/, '');
  if (cmd.name === 'uv') {
    if (words.includes('--system')) return '/usr/local';
    const py = optionValue(cmd, ['--python', '-p']);
    if (py && py.value.includes('/')) return resolvePath(node.workdir, node.scope.expand(py.value).value).replace(/\/bin\/[^/]+$/, '');
    const venv = node.scope.get('VIRTUAL_ENV')?.value;
    return venv === undefined ? resolvePath(node.workdir, '.venv') : resolvePath(node.workdir, node.scope.expand(venv).value);
  }
  for (const entry of node.scope.expand(node.scope.get('PATH')?.value ?? '').value.split(':')) {
    const dir = entry.replace(/(.)\/$/, '$1');
    if (SYSTEM_BIN_DIRS.includes(dir) || dir === '$PATH' || dir === '${PATH}') break;
    if (dir.endsWith('/bin') && venvs.has(dir.slice(0, -4))) return dir.slice(0, -4);
  }
  return '/usr/local';
}

function pipLocations(prefix: string, tool: string): string[] {
  return [`${prefix}/bin/${tool === 'pip-tools' ? 'pip-compile' : tool}`, `${prefix}/lib/python*/site-packages/${MODULE[tool] ?? tool}`];
}

function runInstalls(node: RunNode, out: ToolInstall[], venvs: Set<string>): void {
  const h = home(node);
  for (const cmd of node.script.commands) {
    const created = createdVenv(node, cmd);
    if (created) venvs.add(created);
    const inst = classifyInstall(cmd);
    if (inst && ['pip', 'uv-pip', 'pipx', 'uv-tool'].includes(inst.tool)) {
      // Once per command, not per package: it reads every word (a 1,700-word pip command was quadratic).
      let prefix: string | undefined;
      for (const p of inst.packages) {
        const tool = requirementName(node.scope.expand(p.value).value);
        if (!PY_TOOLS.has(tool)) continue;
        let locations: string[];
        if (inst.tool === 'pipx') locations = [envDir(node, 'PIPX_HOME', `${h}/.local/share/pipx`), `${h}/.local/pipx`, `${envDir(node, 'PIPX_BIN_DIR', `${h}/.local/bin`)}/${tool}`];
        else if (inst.tool === 'uv-tool') locations = [envDir(node, 'UV_TOOL_DIR', `${h}/.local/share/uv/tools`), `${envDir(node, 'UV_TOOL_BIN_DIR', `${h}/.local/bin`)}/${tool}`];
        else locations = pipLocations((prefix ??= pipPrefix(node, cmd, venvs)), tool);
        out.push({ tool, word: p, node, locations });
      }
    }
    const text = cmd.argv.map((w) => w.value).join(' ');
    if (cmd.name === 'curl' || cmd.name === 'wget') {
      const at = cmd.argv[0] as Word;
      if (/install\.python-poetry\.org|python-poetry\/install/.test(text)) {
        const poetryHome = envDir(node, 'POETRY_HOME', `${h}/.local/share/pypoetry`);
        out.push({ tool: 'poetry', word: at, node, locations: [poetryHome, `${h}/.local/bin/poetry`] });
      }
      if (/astral\.sh\/uv/.test(text)) {
        const dir = envDir(node, 'UV_INSTALL_DIR', `${h}/.local/bin`);
        out.push({ tool: 'uv', word: at, node, locations: [`${dir}/uv`, `${dir}/uvx`, `${h}/.cargo/bin/uv`] });
      }
      if (/install-pdm\.py/.test(text)) out.push({ tool: 'pdm', word: at, node, locations: [`${h}/.local/share/pdm`, `${h}/.local/bin/pdm`] });
    }
    let pkgs = aptInstallPackages(cmd);
    if (!pkgs && PKG_INSTALL.has(cmd.name) && cmd.argv.some((w) => w.value === 'add' || w.value === 'install')) {
      pkgs = cmd.argv.slice(1).filter((w) => !w.value.startsWith('-') && w.value !== 'add' && w.value !== 'install');
    }
    for (const p of pkgs ?? []) {
      const name = p.value.replace(/[=:].*/s, ''); // `s`: cut at the first = or :, also before a line break
      if (COMPILERS.test(name)) out.push({ tool: name, word: p, node, locations: [] });
    }
  }
}

/** Where a COPY puts each of its sources (`COPY /uv /uvx /bin/` -> /bin/uv, /bin/uvx). */
function copyTargets(node: CopyNode): string[] {
  const dest = node.destPath;
  if (!dest) return [];
  const dir = dest.endsWith('/') || node.sources.length > 1;
  return node.sources.map((s) => (dir ? resolvePath(dest, s.value.replace(/\/$/, '').split('/').pop() ?? '') : dest.replace(/(.)\/$/, '$1')));
}

/** The image a stage ultimately runs on is one of uv's. */
export function isUvImage(from: FromNode): boolean {
  return UV_IMAGE.test(from.image ?? from.imageRaw ?? '');
}

/** Python build tools and compilers installed by RUN, or copied in from uv's image (directly or through a stage rooted on it). */
export function toolInstalls(nodes: readonly InstructionNode[], model?: DockerfileModel): ToolInstall[] {
  const out: ToolInstall[] = [];
  const venvs = new Set<string>();
  for (const node of nodes) {
    if (node.kind === 'copy') {
      for (const target of copyTargets(node)) if (isVenvPath(target)) venvs.add(target);
      const fromUv =
        (node.fromRef?.kind === 'image' && UV_IMAGE.test(node.from ?? '')) ||
        (node.fromRef?.kind === 'stage' && model !== undefined && (() => {
          const s = model.stages[node.fromRef.index];
          return s !== undefined && isUvImage(s.rootFrom) && node.sources.some((src) => UV_IMAGE_FILES.includes(resolvePath('/', node.scope.expand(src.value).value)));
        })());
      if (fromUv) out.push({ tool: 'uv', word: fake(node.from ?? '', node.fromRange ?? node.range), node, locations: copyTargets(node) });
    }
    if (node.kind === 'run') runInstalls(node, out, venvs);
  }
  return out;
}

/** `/opt/venv` covers `/opt/venv/lib/python*\/site-packages/poetry`; `*` in a location matches one segment. */
export function covers(source: string, location: string): boolean {
  const s = source.replace(/(.)\/$/, '$1').split('/').filter(Boolean);
  const l = location.split('/').filter(Boolean);
  if (s.length > l.length) return false;
  return s.every((seg, i) => {
    const pat = l[i] as string;
    // Not a RegExp built from the pattern: `ENV PIPX_HOME=/a*a*a…` against a long COPY source backtracked without end.
    return pat === seg || (pat.includes('*') && matchesStarGlob(pat, seg));
  });
}

/** Where uv's own image keeps uv (for `COPY --from=<stage FROM uv's image>`). */
export const UV_IMAGE_LOCATIONS: readonly string[] = UV_IMAGE_FILES;
