import type { DockerfileModel, Stage } from '../dockerfile/model.js';
import type { PathSegment, TreeFile } from './files.js';
import type { Range } from './types.js';

/** Helpers over a parsed compose file (plain values) shared by the PC7xx and PC8xx rules. */

export type Obj = Readonly<Record<string, unknown>>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface ComposeService {
  readonly name: string;
  readonly value: Obj;
  readonly path: readonly PathSegment[];
}

export function composeServices(compose: TreeFile): ComposeService[] {
  const root = compose.value;
  if (!isObj(root) || !isObj(root.services)) return [];
  const out: ComposeService[] = [];
  for (const [name, value] of Object.entries(root.services)) {
    if (isObj(value)) out.push({ name, value, path: ['services', name] });
  }
  return out;
}

/** `x` out of `a/./b/../x`; keeps a leading `/`; '' for the current folder. */
export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (part === '..' && abs) continue;
    else out.push(part);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

export function joinPath(...parts: string[]): string {
  let acc = '';
  for (const p of parts) {
    if (p.startsWith('/')) acc = p;
    else acc = acc === '' ? p : `${acc}/${p}`;
  }
  return normalizePath(acc);
}

export interface ServiceBuild {
  /** Context as written ('.' when `build: .` or missing). */
  readonly context: string;
  /** The Dockerfile path relative to the checked folder; undefined for remote contexts and inline Dockerfiles. */
  readonly dockerfilePath: string | undefined;
  readonly target: string | undefined;
  readonly value: Obj | undefined;
  /** Path of the `build` key in the compose file. */
  readonly path: readonly PathSegment[];
}

export function serviceBuild(compose: TreeFile, svc: ComposeService): ServiceBuild | undefined {
  const b = svc.value.build;
  const path = [...svc.path, 'build'];
  let context = '.';
  let dockerfile = 'Dockerfile';
  let target: string | undefined;
  let value: Obj | undefined;
  if (typeof b === 'string') context = b;
  else if (isObj(b)) {
    value = b;
    if (typeof b.context === 'string') context = b.context;
    if (typeof b.dockerfile === 'string') dockerfile = b.dockerfile;
    if (typeof b.target === 'string') target = b.target;
  } else return undefined;
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || context.includes('$');
  const inline = value !== undefined && 'dockerfile_inline' in value;
  const dockerfilePath = remote || inline || dockerfile.includes('$') ? undefined : joinPath(dirname(compose.path), context, dockerfile);
  return { context, dockerfilePath, target, value, path };
}

/** The project's Dockerfile model when this service builds exactly that file. */
export function modelForBuild(build: ServiceBuild | undefined, dockerfile: DockerfileModel | undefined, dockerfilePath: string | undefined): DockerfileModel | undefined {
  if (!build?.dockerfilePath || !dockerfile || dockerfilePath === undefined) return undefined;
  return normalizePath(build.dockerfilePath) === normalizePath(dockerfilePath) ? dockerfile : undefined;
}

/** The stage a build produces: its target, or the last stage. */
export function targetStage(model: DockerfileModel, target: string | undefined): Stage | undefined {
  if (target === undefined) return model.stages[model.stages.length - 1];
  return model.stage(target.toLowerCase());
}

export interface ServiceVolume {
  readonly type: string;
  /** Host path or volume name; undefined for anonymous volumes. */
  readonly source: string | undefined;
  readonly target: string;
  /** The list item. */
  readonly path: readonly PathSegment[];
  /** Where to report: the short-syntax string, or the `target` of the long syntax. */
  readonly reportPath: readonly PathSegment[];
}

/** A host path as compose reads a short-syntax source: starts with `.`, `/`, `~` or a variable. */
function isHostPath(s: string): boolean {
  return /^([./~]|\$)/.test(s) || /^[A-Za-z]:[\\/]/.test(s);
}

export function serviceVolumes(svc: ComposeService): ServiceVolume[] {
  const vols = svc.value.volumes;
  if (!Array.isArray(vols)) return [];
  const out: ServiceVolume[] = [];
  vols.forEach((v: unknown, i) => {
    const path = [...svc.path, 'volumes', i];
    if (typeof v === 'string') {
      const parts = v.split(':');
      // C:\x:/y on Windows hosts
      if (parts.length >= 3 && /^[A-Za-z]$/.test(parts[0] as string)) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
      if (parts.length === 1) out.push({ type: 'volume', source: undefined, target: parts[0] as string, path, reportPath: path });
      else {
        const source = parts[0] as string;
        out.push({ type: isHostPath(source) ? 'bind' : 'volume', source, target: parts[1] as string, path, reportPath: path });
      }
    } else if (isObj(v) && typeof v.target === 'string') {
      const type = typeof v.type === 'string' ? v.type : 'volume';
      out.push({ type, source: typeof v.source === 'string' ? v.source : undefined, target: v.target, path, reportPath: [...path, 'target'] });
    }
  });
  return out;
}

/** Words of a compose `command`/`entrypoint`/healthcheck `test` (string: split like a shell, roughly). */
export function commandWords(v: unknown): string[] | undefined {
  if (typeof v === 'string') return v.match(/"[^"]*"|'[^']*'|\S+/g)?.map((w) => w.replace(/^["']|["']$/g, '')) ?? [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

/** A one-character range at the start of `r` (for findings about a whole object). */
export function startOf(r: Range): Range {
  return r.start.line === r.end.line ? r : { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } };
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Range of the key at `path`, falling back to its value, then to the nearest ancestor key that is in the text
 * (values merged in with `<<: *anchor` have no node of their own under the service).
 */
export function keyRange(file: TreeFile, path: readonly PathSegment[]): Range {
  for (let n = path.length; n > 0; n--) {
    const p = path.slice(0, n);
    const r = file.rangeAt(p, 'key') ?? (n === path.length ? file.rangeAt(p) : undefined);
    if (r) return n === path.length ? r : startOf(r);
  }
  return FILE_START;
}

/** Range of the value at `path`, falling back like keyRange. */
export function valueRange(file: TreeFile, path: readonly PathSegment[]): Range {
  return file.rangeAt(path) ?? keyRange(file, path);
}

export function truthy(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^(1|true|yes|on)$/i.test(v)) || v === 1;
}

const INSTALL_AT_START = /\b(uv\s+sync|uv\s+pip\s+(install|sync)|poetry\s+(install|sync)|pdm\s+(install|sync)|pipenv\s+(install|sync)|pip3?\s+install|pip-sync|hatch\s+env\s+create)\b/;

/** The service's command or entrypoint installs dependencies when it starts (so a venv volume is refreshed then). */
export function installsAtStart(svc: ComposeService): boolean {
  const words = [svc.value.entrypoint, svc.value.command].flatMap((v) => commandWords(v) ?? []);
  return INSTALL_AT_START.test(words.join(' '));
}
