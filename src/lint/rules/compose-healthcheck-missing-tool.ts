import type { DockerfileModel, Stage } from '../../dockerfile/model.js';
import { chainInstructions } from '../commands.js';
import { composeServices, isObj, modelForBuild, serviceBuild, targetStage, valueRange } from '../compose-model.js';
import type { PathSegment } from '../files.js';
import { defineRule } from '../rule.js';

const TOOLS = ['curl', 'wget'] as const;

/** `python:3.12-slim`, `python:3.12-slim-bookworm`, `debian:bookworm-slim`: images without curl or wget. */
export function isSlimImage(image: string | undefined): boolean {
  if (!image) return false;
  const m = /^(?:docker\.io\/)?(?:library\/)?(python|debian):([^@]+)/.exec(image);
  return m !== null && /(^|-)slim(-|$)/.test(m[2] as string);
}

/** Tools the stage (and the stages it builds on) installs or copies in. */
function toolsInstalled(model: DockerfileModel, stage: Stage): Set<string> {
  const out = new Set<string>();
  for (const node of chainInstructions(model, stage)) {
    const text = node.kind === 'run' || node.kind === 'copy' ? node.text : '';
    for (const t of TOOLS) if (new RegExp(`(^|[\\s/=])${t}([\\s=:]|$)`, 'm').test(text)) out.add(t);
  }
  return out;
}

/** The tool the healthcheck calls first, and the path of the `test` item that calls it. */
function toolCall(test: unknown, path: readonly PathSegment[]): { tool: string; path: readonly PathSegment[] } | undefined {
  const find = (s: string) => TOOLS.find((t) => new RegExp(`(^|[\\s;&|(/])${t}(\\s|$)`).test(s));
  if (typeof test === 'string') {
    const tool = find(test);
    return tool ? { tool, path } : undefined;
  }
  if (!Array.isArray(test)) return undefined;
  const [kind, ...rest] = test as unknown[];
  if (kind === 'CMD') {
    const first = rest[0];
    return typeof first === 'string' && (TOOLS as readonly string[]).includes(first.replace(/^.*\//, '')) ? { tool: first.replace(/^.*\//, ''), path: [...path, 1] } : undefined;
  }
  if (kind === 'CMD-SHELL') {
    for (let i = 0; i < rest.length; i++) {
      const s = rest[i];
      const tool = typeof s === 'string' ? find(s) : undefined;
      if (tool) return { tool, path: [...path, i + 1] };
    }
  }
  return undefined;
}

export const composeHealthcheckMissingTool = defineRule({
  id: 'PC705',
  name: 'compose-healthcheck-missing-tool',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'error',
  docs: {
    summary: 'A healthcheck calls curl or wget in an image built from a slim base, which has neither.',
    why: 'The `-slim` Python and Debian images ship without curl and wget. A healthcheck that calls them fails with "executable file not found" on every probe, so the container is reported unhealthy forever and services that wait for `condition: service_healthy` never start. Probe with Python instead (`python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"`) or install the tool in the image.',
    bad: {
      code: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n',
      files: { dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
    },
    good: {
      code: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"]\n',
      files: { dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n' },
    },
  },
  messages: {
    missing: 'the healthcheck calls {{tool}}, but {{image}} has no {{tool}}: every probe fails and the service stays unhealthy. Probe with python (urllib.request) or install {{tool}}.',
  },
  create(ctx) {
    return {
      done() {
        for (const svc of composeServices(ctx.compose)) {
          const hc = svc.value.healthcheck;
          if (!isObj(hc) || hc.disable === true) continue;
          const call = toolCall(hc.test, [...svc.path, 'healthcheck', 'test']);
          if (!call) continue;
          const build = svc.value.build === undefined ? undefined : serviceBuild(ctx.compose, svc);
          let image: string | undefined;
          if (build) {
            const model = modelForBuild(build, ctx.dockerfile, ctx.paths.dockerfile);
            const stage = model ? targetStage(model, build.target) : undefined;
            if (!model || !stage) continue;
            if (!isSlimImage(stage.rootFrom.image) || toolsInstalled(model, stage).has(call.tool)) continue;
            image = stage.rootFrom.image;
          } else if (typeof svc.value.image === 'string' && isSlimImage(svc.value.image)) image = svc.value.image;
          if (!image) continue;
          ctx.report({ messageId: 'missing', range: valueRange(ctx.compose, call.path), data: { tool: call.tool, image } });
        }
      },
    };
  },
});
