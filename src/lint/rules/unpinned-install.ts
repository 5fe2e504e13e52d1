import { classifyInstall, requirementName } from '../analysis.js';
import { imageRefTag } from '../base-images.js';
import { hasFlag, isLocalOrUrl, optionWordsOf } from '../commands.js';
import { defineRule } from '../rule.js';

const UNPINNED_OK = new Set(['pip', 'setuptools', 'wheel']);

/**
 * A VCS requirement (`git+https://host/repo.git@ref#egg=x`, `name @ git+ssh://git@host/repo`): its URL and the
 * ref after the repository path (`@` in the host part is a user), the URL without it, or undefined when the word is no VCS URL.
 */
export function vcsRequirement(req: string): { url: string; ref: string | undefined; vcs: string } | undefined {
  const m = /(?:^|@\s*)((git|hg|svn|bzr)\+[a-z]+:\/\/[^#\s]+)/i.exec(req.replace(/^["']|["']$/g, ''));
  if (!m) return undefined;
  const url = m[1] as string;
  const path = url.slice(url.indexOf('://') + 3).replace(/^[^/]*/, '');
  const at = path.lastIndexOf('@');
  const ref = at === -1 ? undefined : path.slice(at + 1);
  return { url: ref === undefined ? url : url.slice(0, url.length - ref.length - 1), ref, vcs: (m[2] as string).toLowerCase() };
}

/**
 * A ref that pins: a commit id (git, Mercurial), a Subversion revision, or a tag that names a version
 * (`v1.2.0`, `release-2.4.1`), which projects do not move, like a release on an index. Anything else is a branch.
 */
function pinningRef(vcs: string, ref: string): boolean {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(ref) || (vcs === 'svn' && /^r?\d+$/.test(ref)) || isVersionTag(ref);
}

/**
 * `<prefix>v?N.N(.N)*<suffix>`, as /^([A-Za-z][\w-]*?[-_/]?)?v?\d+(\.\d+)+([-.+]?[\w.]+)?$/ says, read
 * without its backtracking: the prefix has no `.`, so the version starts with the digits before the first
 * `.`; its `.N` groups are taken greedily (the suffix can take any that follow).
 */
function isVersionTag(ref: string): boolean {
  const dot = ref.indexOf('.');
  let start = dot;
  while (start > 0 && /\d/.test(ref[start - 1] as string)) start--;
  if (start === dot || !/^(v|[A-Za-z][\w-]*(\/v?)?)?$/.test(ref.slice(0, start))) return false;
  const rest = ref.slice(dot);
  const groups = /^(\.\d+)+/.exec(rest)?.[0];
  return groups !== undefined && /^([-.+]?[\w.]+)?$/.test(rest.slice(groups.length));
}

export const unpinnedInstall = defineRule({
  id: 'PC603',
  name: 'unpinned-install',
  kind: 'dockerfile',
  category: 'stability',
  defaultSeverity: 'warning',
  docs: {
    summary: 'A package or tool is installed without a pinned version (`pip install poetry`, `pipx install uv`, an unversioned installer script of Poetry, uv or PDM).',
    why: 'An unpinned install takes whatever is newest on build day. Poetry 2.0 removed `--no-dev` and `export`, and broke thousands of Dockerfiles that installed "poetry" unpinned; the same happens with any library. Pin with `==` (or install from the lock / a constraints file) and update on purpose. A VCS requirement (`git+https://github.com/org/repo.git`) without a ref installs the default branch as it is on build day, and so does one on a branch (`@main`, `@develop`): both are reported. A commit id (`@<40-hex sha>`, a Subversion revision) pins it; so does a tag that names a version (`@v1.2.0`, `@release-2.4.1`), taken like a release on an index: git lets a tag be moved, but projects do not move release tags, and reporting them would flag the usual way to pin a fork. Any other ref is taken for a branch; a ref that comes from an ARG without a default is not reported. Archive URLs (`.../archive/main.zip`) are not judged.',
    bad: { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry\n' },
    good: { code: 'FROM python:3.12-slim\nARG POETRY_VERSION=2.1.2\nRUN pip install --no-cache-dir "poetry==${POETRY_VERSION}"\n' },
  },
  messages: {
    unpinned: '{{name}} is installed without a pinned version; use {{name}}==<version>.',
    installer: 'the {{tool}} installer script installs the latest {{tool}}; pin it ({{how}}).',
    image: '{{image}} is not pinned to a version tag.',
    vcs: '{{url}} installs its default branch as it is on build day; pin a commit or a release tag ({{url}}@<commit sha>).',
    vcsRef: '{{url}}@{{ref}} installs the branch {{ref}} as it is on build day; pin a commit or a release tag (@<commit sha>, @v1.2.3).',
  },
  create(ctx) {
    return {
      COPY(node) {
        if (node.fromRef?.kind !== 'image' || !node.from || !node.fromRange) return;
        if (!/astral-sh\/uv|python-poetry|pdm-project/.test(node.from)) return;
        const tag = imageRefTag(node.from);
        if (node.from.includes('@sha256:') || (tag && tag !== 'latest')) return;
        ctx.report({ messageId: 'image', range: node.fromRange, data: { image: node.from } });
      },
      RUN(node) {
        for (const cmd of node.script.commands) {
          const text = cmd.argv.map((w) => w.value).join(' ');
          if ((cmd.name === 'curl' || cmd.name === 'wget') && /install\.python-poetry\.org/.test(text)) {
            const pinned = /POETRY_VERSION/.test(node.text) || node.scope.has('POETRY_VERSION') || /--version/.test(node.text);
            if (!pinned) ctx.report({ messageId: 'installer', range: cmd.argv[0]!.range, data: { tool: 'Poetry', how: 'POETRY_VERSION=x.y.z or --version' } });
            continue;
          }
          if ((cmd.name === 'curl' || cmd.name === 'wget') && /install-pdm\.py/.test(text)) {
            const pinned = /PDM_VERSION/.test(node.text) || node.scope.has('PDM_VERSION') || /(--version|-v)\s/.test(node.text);
            if (!pinned) ctx.report({ messageId: 'installer', range: cmd.argv[0]!.range, data: { tool: 'PDM', how: 'PDM_VERSION=x.y.z or --version x.y.z' } });
            continue;
          }
          if ((cmd.name === 'curl' || cmd.name === 'wget') && /astral\.sh\/uv\/install\.sh/.test(text)) {
            ctx.report({ messageId: 'installer', range: cmd.argv[0]!.range, data: { tool: 'uv', how: 'https://astral.sh/uv/<version>/install.sh' } });
            continue;
          }
          const inst = classifyInstall(cmd);
          if (!inst || !['pip', 'uv-pip', 'pipx', 'uv-tool'].includes(inst.tool)) continue;
          const constrained = hasFlag(optionWordsOf(cmd, cmd.argv.map((w) => w.value)), ['-c', '--constraint', '--constraints']);
          if (constrained || node.scope.has('PIP_CONSTRAINT') || cmd.assignments.some((a) => a.name === 'PIP_CONSTRAINT')) continue;
          for (const p of inst.packages) {
            const value = node.scope.expand(p.value).value;
            const vcs = vcsRequirement(value);
            if (vcs) {
              // A ref from an ARG without a default could be a commit: not reported.
              if (vcs.ref === undefined) ctx.report({ messageId: 'vcs', range: p.range, data: { url: vcs.url } });
              else if (!vcs.ref.includes('$') && !pinningRef(vcs.vcs, vcs.ref)) ctx.report({ messageId: 'vcsRef', range: p.range, data: { url: vcs.url, ref: vcs.ref } });
              continue;
            }
            if (isLocalOrUrl(p.value) || isLocalOrUrl(value) || /@/.test(value)) continue;
            const name = requirementName(value);
            if (!name || UNPINNED_OK.has(name)) continue;
            if (/===?/.test(value) || /~=\s*\d+\.\d+\.\d+/.test(value)) continue;
            ctx.report({ messageId: 'unpinned', range: p.range, data: { name } });
          }
        }
      },
    };
  },
});
