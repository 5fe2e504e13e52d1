import type { ExecNode } from '../../dockerfile/model.js';
import { basename } from '../analysis.js';
import { aptInstallPackages, chainInstructions, runtimeStageOf } from '../commands.js';
import { defineRule } from '../rule.js';

/** Which tools an image family lacks: slim Debian has none of them; busybox (alpine) has wget and nc. */
function lacks(image: string, tool: string): boolean {
  if (/distroless|chainguard|scratch/.test(image)) return true;
  if (/alpine/.test(image)) return tool === 'curl';
  if (/slim/.test(image)) return true;
  return false;
}
const TOOLS: Readonly<Record<string, RegExp>> = { curl: /^curl$/, wget: /^wget$/, nc: /^(netcat(-openbsd|-traditional)?|ncat|nmap)$/ };

export const healthcheckMissingTool = defineRule({
  id: 'PC112',
  name: 'healthcheck-missing-tool',
  kind: 'dockerfile',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'The HEALTHCHECK calls curl, wget or nc, which the (slim, alpine or distroless) runtime image does not have.',
    why: 'python:*-slim images ship without curl and wget (alpine has busybox wget but no curl). A healthcheck that runs a missing program fails every time, so the container is reported "unhealthy" forever and orchestrators restart or never route to it. Check with Python itself (`python -c "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"`) or install the tool.',
    bad: { code: 'FROM python:3.12-slim\nCOPY . /app\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\nCMD ["python", "-m", "app"]\n' },
    good: {
      code: 'FROM python:3.12-slim\nCOPY . /app\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\', timeout=3)"]\nCMD ["python", "-m", "app"]\n',
    },
  },
  messages: { missing: 'the HEALTHCHECK runs {{tool}}, which {{image}} does not have and no RUN installs: the check always fails. Use a Python one-liner or install {{tool}}.' },
  create(ctx) {
    const model = ctx.dockerfile;
    return {
      done() {
        const runtime = runtimeStageOf(model);
        if (!runtime) return;
        const nodes = chainInstructions(model, runtime);
        const hc = [...nodes].reverse().find((n): n is ExecNode => n.kind === 'exec' && n.keyword === 'HEALTHCHECK');
        if (!hc || hc.none) return;
        const image = runtime.rootFrom.image ?? '';
        if (!runtime.rootFrom.imageComplete) return;
        const installed = new Set<string>();
        for (const n of nodes) {
          if (n.kind === 'copy' && n.destPath && /\/(curl|wget)$/.test(n.destPath)) installed.add(basename(n.destPath));
          if (n.kind !== 'run') continue;
          for (const cmd of n.script.commands) {
            let pkgs = aptInstallPackages(cmd);
            if (!pkgs && ['apk', 'yum', 'dnf', 'microdnf'].includes(cmd.name)) pkgs = cmd.argv.slice(1);
            for (const p of pkgs ?? []) for (const [tool, re] of Object.entries(TOOLS)) if (re.test(p.value.replace(/=.*/s, ''))) installed.add(tool);
          }
        }
        for (const cmd of hc.script.commands) {
          const tool = cmd.name;
          if (!(tool in TOOLS) || installed.has(tool) || !lacks(image, tool)) continue;
          const word = cmd.argv[0];
          if (word) ctx.report({ messageId: 'missing', range: word.range, data: { tool, image } });
          return;
        }
      },
    };
  },
});
