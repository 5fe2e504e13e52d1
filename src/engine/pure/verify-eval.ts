/**
 * Turns what verify observed (image config, history, the in-image probe, the start/stop run)
 * into checks with pass/fail/skip and evidence. Pure: every input is data.
 */
import { eq as pep440Eq } from '@renovatebot/pep440';
import type { HistoryEntry, ImageDetails } from '../engine.js';
import { findCredentials, redact } from './secrets.js';
import { formatSize, type SizeReport } from './size.js';
import { healthCheck, type HealthObservation } from './verify-health.js';

export type CheckStatus = 'pass' | 'fail' | 'skip';

export type CheckId =
  | 'user'
  | 'no-sudo'
  | 'no-compilers'
  | 'no-package-managers'
  | 'no-caches'
  | 'dependencies'
  | 'entrypoint'
  | 'health'
  | 'stop'
  | 'venv'
  | 'no-credentials'
  | 'size';

export interface Check {
  readonly id: CheckId;
  readonly title: string;
  readonly status: CheckStatus;
  /** One line per observation, in the order they support the verdict. */
  readonly evidence: readonly string[];
  /** What to change, for a failure. */
  readonly hint?: string;
}

/** The JSON the probe script prints after its marker (fields optional: the script may fail midway). */
export interface ProbeOutput {
  readonly mode?: string;
  readonly uid?: number;
  readonly gid?: number;
  readonly user?: string | null;
  readonly home?: string | null;
  readonly python?: string;
  readonly executable?: string;
  readonly prefix?: string;
  readonly fatal?: string;
  readonly executables?: readonly { kind: string; name: string; path: string; realpath: string }[];
  readonly caches?: { found: readonly { path: string; bytes: number; files: number }[]; unreadable: readonly string[] };
  readonly venv?: VenvProbe | null;
  readonly dependencies?: {
    readonly error?: string;
    readonly packages?: readonly {
      name: string;
      locked: string;
      /** Absent when the package's marker does not apply in the image (then nothing else is set). */
      installed?: string | null;
      markers?: string;
      applies?: boolean;
      markerNote?: string;
      error?: string;
      modules?: readonly { module: string; ok: boolean; error?: string }[];
    }[];
  };
}

export interface VenvProbe {
  readonly path: string;
  readonly exists: boolean;
  readonly broken: readonly { name: string; target: string }[];
  readonly links: readonly { name: string; target: string; realpath: string; ok: boolean }[];
  readonly cfg: Readonly<Record<string, string>>;
  readonly cfgError?: string;
  readonly binError?: string;
  readonly homeExists?: boolean;
  readonly executableExists?: boolean;
  readonly libs: readonly string[];
  readonly runningMinor: string;
  readonly sitePackages: boolean;
  readonly runningInside: boolean;
}

/** A probe run: parsed output, or why there is none. */
export interface ProbeRun {
  readonly output: ProbeOutput | undefined;
  readonly error: string | undefined;
}

export interface StartObservation {
  /** The command the image runs by default, as docker would (ENTRYPOINT + CMD). */
  readonly command: readonly string[];
  /** `running` after the grace period, or `exited` with a code, or `failed` to start at all. */
  readonly state: 'running' | 'exited' | 'failed';
  readonly exitCode: number | undefined;
  readonly graceMs: number;
  readonly logs: string;
  readonly error: string | undefined;
  /** When the container was still running: how `docker stop` went. */
  readonly stop: { readonly durationMs: number; readonly exitCode: number | undefined; readonly timeoutSeconds: number } | undefined;
  /** The image's HEALTHCHECK in this run (verify-health.ts); undefined when the image has none. */
  readonly health?: HealthObservation;
}

export interface ProbeCommandObservation {
  /** The arguments given after the entrypoint, e.g. `['--help']`. */
  readonly args: readonly string[];
  readonly configured: boolean;
  readonly exitCode: number;
  readonly output: string;
  readonly timedOut: boolean;
}

export interface ExpectedPackage {
  readonly name: string;
  readonly version: string;
  /** PEP 508 environment marker from the lock (`platform_system == "Windows"`), evaluated in the image. */
  readonly markers?: string;
}

export interface VerifyObservations {
  readonly image: ImageDetails;
  readonly history: readonly HistoryEntry[];
  readonly userProbe: ProbeRun;
  readonly rootProbe: ProbeRun;
  readonly start: StartObservation | undefined;
  readonly probeCommand: ProbeCommandObservation | undefined;
  /** undefined: no project, the dependency check is skipped. */
  readonly expected: readonly ExpectedPackage[] | undefined;
  readonly size: SizeReport;
}

/** Parses the probe's stdout: the line after the marker. */
export function parseProbeOutput(stdout: string, marker: string): ProbeOutput | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(marker));
  if (!line) return undefined;
  try {
    return JSON.parse(line.slice(marker.length)) as ProbeOutput;
  } catch {
    return undefined;
  }
}

/** `USER` of the image config: `10001`, `10001:10001`, `app`, `app:app`, '' (root). */
export function parseConfigUser(user: string): { uid: number | undefined; name: string | undefined; numeric: boolean; root: boolean } {
  const [first = ''] = user.split(':');
  if (first === '') return { uid: 0, name: undefined, numeric: false, root: true };
  if (/^\d+$/.test(first)) {
    const uid = Number.parseInt(first, 10);
    return { uid, name: undefined, numeric: true, root: uid === 0 };
  }
  return { uid: undefined, name: first, numeric: false, root: first === 'root' };
}

const quote = (argv: readonly string[]): string => JSON.stringify(argv);

function userCheck(o: VerifyObservations): Check {
  const config = parseConfigUser(o.image.user);
  const evidence = [`image config User: ${o.image.user === '' ? '(none: root)' : JSON.stringify(o.image.user)}`];
  const runtime = o.userProbe.output?.uid;
  if (runtime !== undefined) {
    const name = o.userProbe.output?.user;
    evidence.push(`id -u at run time: ${runtime}${name ? ` (${name})` : ''}`);
  } else {
    evidence.push(`id -u at run time: unknown (${o.userProbe.error ?? 'probe gave no uid'})`);
  }
  let fail: string | undefined;
  if (config.root) fail = 'the image runs as root';
  else if (!config.numeric) fail = 'the user is a name, not a number: Kubernetes runAsNonRoot cannot verify it';
  else if (runtime === 0) fail = 'the container runs as uid 0';
  else if (runtime === undefined) fail = 'the run-time uid could not be measured';
  return {
    id: 'user',
    title: 'runs as a numeric non-root user',
    status: fail ? 'fail' : 'pass',
    evidence: fail ? [...evidence, fail] : evidence,
    ...(fail ? { hint: 'Create the user with a fixed uid (useradd --uid 10001) and end the final stage with `USER 10001:10001`.' } : {}),
  };
}

function executablesCheck(o: VerifyObservations, id: CheckId, kind: string, title: string, hint: string): Check {
  const probe = o.userProbe.output;
  if (!probe?.executables) {
    return { id, title, status: 'skip', evidence: [`the in-image probe did not run: ${o.userProbe.error ?? probe?.fatal ?? 'no output'}`] };
  }
  const hits = probe.executables.filter((hit) => hit.kind === kind);
  if (hits.length === 0) return { id, title, status: 'pass', evidence: ['none on PATH or in the standard bin directories'] };
  return {
    id,
    title,
    status: 'fail',
    evidence: hits.map((hit) => `${hit.path}${hit.realpath !== hit.path ? ` -> ${hit.realpath}` : ''}`),
    hint,
  };
}

function cachesCheck(o: VerifyObservations): Check {
  const title = 'no pip/poetry/uv/pdm/pipenv caches';
  const found = new Map<string, { bytes: number; files: number }>();
  const unreadable = new Set<string>();
  let ran = false;
  for (const run of [o.userProbe, o.rootProbe]) {
    const caches = run.output?.caches;
    if (!caches) continue;
    ran = true;
    for (const hit of caches.found) found.set(hit.path, hit);
    for (const path of caches.unreadable) unreadable.add(path);
  }
  if (!ran) return { id: 'no-caches', title, status: 'skip', evidence: [`the in-image probe did not run: ${o.rootProbe.error ?? 'no output'}`] };
  // What root could read is no longer unreadable.
  if (o.rootProbe.output?.caches) for (const path of [...unreadable]) if (!o.rootProbe.output.caches.unreadable.includes(path)) unreadable.delete(path);
  if (found.size > 0) {
    return {
      id: 'no-caches',
      title,
      status: 'fail',
      evidence: [...found].map(([path, hit]) => `${path}: ${hit.files} files, ${formatSize(hit.bytes)}`),
      hint: 'Use `RUN --mount=type=cache,target=/root/.cache/pip` (and pypoetry) or `--no-cache-dir`, so caches never land in a layer.',
    };
  }
  const evidence = ['no cache directory with files under any home (/root, /home/*, $HOME)'];
  if (unreadable.size > 0) evidence.push(`not inspected (unreadable even as root): ${[...unreadable].join(', ')}`);
  return { id: 'no-caches', title, status: 'pass', evidence };
}

/** Why the venv is broken, or [] when it is sound. */
function venvProblems(v: VenvProbe, runningPython: string | undefined): string[] {
  const problems: string[] = [];
  if (!v.exists) problems.push(`${v.path} does not exist`);
  for (const link of v.broken) problems.push(`${v.path}/bin/${link.name} -> ${link.target} does not resolve`);
  if (v.cfgError) problems.push(`pyvenv.cfg unreadable: ${v.cfgError}`);
  if (v.homeExists === false) problems.push(`pyvenv.cfg home ${v.cfg.home ?? ''} is missing in the image`);
  if (v.executableExists === false) problems.push(`pyvenv.cfg executable ${v.cfg.executable ?? ''} is missing in the image`);
  const cfgVersion = v.cfg.version ?? v.cfg.version_info;
  const cfgMinor = cfgVersion?.split('.').slice(0, 2).join('.');
  const runningMinor = runningPython?.split('.').slice(0, 2).join('.');
  if (cfgMinor && runningMinor && cfgMinor !== runningMinor) {
    problems.push(`the venv was made by Python ${cfgVersion ?? ''} but its interpreter is Python ${runningPython ?? ''}`);
  }
  if (!v.sitePackages) problems.push(`${v.path}/lib/${v.runningMinor}/site-packages is missing (lib holds: ${v.libs.join(', ') || 'nothing'})`);
  return problems;
}

function venvCheck(o: VerifyObservations): Check {
  const title = "the venv's interpreter resolves inside the image";
  const probe = o.userProbe.output;
  if (!probe) {
    return {
      id: 'venv',
      title,
      status: 'fail',
      evidence: [`the image's Python did not start: ${o.userProbe.error ?? 'no output'}`],
      hint: 'Build the venv on the same base image (same Python) as the runtime stage, and keep its bin/python symlinks pointing at an interpreter that exists there.',
    };
  }
  const v = probe.venv;
  if (!v) return { id: 'venv', title, status: 'skip', evidence: [`no virtualenv: VIRTUAL_ENV is unset and ${probe.executable ?? 'python'} is the system interpreter`] };
  const problems = venvProblems(v, probe.python);
  const links = v.links.map((link) => `${v.path}/bin/${link.name} -> ${link.target} (${link.ok ? link.realpath : 'missing'})`);
  const evidence = [...links, `pyvenv.cfg: version ${v.cfg.version ?? v.cfg.version_info ?? '?'}, home ${v.cfg.home ?? '?'}; running Python ${probe.python ?? '?'}`];
  if (problems.length > 0) {
    return {
      id: 'venv',
      title,
      status: 'fail',
      evidence: [...problems, ...evidence],
      hint: 'Build the venv on the same base image (same Python) as the runtime stage: a venv only works with the interpreter that made it.',
    };
  }
  return { id: 'venv', title, status: 'pass', evidence };
}

function dependenciesCheck(o: VerifyObservations, venvBroken: boolean): Check {
  const title = 'locked main dependencies installed at their versions and importable';
  if (o.expected === undefined) return { id: 'dependencies', title, status: 'skip', evidence: ['no project lock file to compare with (run in the project or pass --project DIR)'] };
  if (o.expected.length === 0) return { id: 'dependencies', title, status: 'pass', evidence: ['the lock has no main dependencies'] };
  if (venvBroken) return { id: 'dependencies', title, status: 'skip', evidence: ['not checked: the venv is broken (see the venv check)'] };
  const deps = o.userProbe.output?.dependencies;
  if (!deps?.packages) {
    return { id: 'dependencies', title, status: 'fail', evidence: [`the in-image probe did not run: ${deps?.error ?? o.userProbe.error ?? o.userProbe.output?.fatal ?? 'no output'}`] };
  }
  const failures: string[] = [];
  let modules = 0;
  const notHere: string[] = [];
  const checked = deps.packages.filter((pkg) => {
    if (pkg.applies === false) notHere.push(`${pkg.name}: not for this image (${pkg.markers ?? ''})`);
    return pkg.applies !== false;
  });
  for (const pkg of checked) {
    if (pkg.installed === null || pkg.installed === undefined) {
      failures.push(`${pkg.name} ${pkg.locked}: not installed`);
      continue;
    }
    const installed = pkg.installed;
    let same: boolean;
    try {
      same = pep440Eq(installed, pkg.locked) || installed === pkg.locked;
    } catch {
      same = installed === pkg.locked;
    }
    if (!same) failures.push(`${pkg.name}: locked ${pkg.locked}, installed ${installed}`);
    for (const mod of pkg.modules ?? []) {
      modules += 1;
      if (!mod.ok) failures.push(`${pkg.name}: import ${mod.module} failed: ${mod.error ?? ''}`);
    }
  }
  if (failures.length > 0) {
    return {
      id: 'dependencies',
      title,
      status: 'fail',
      evidence: failures,
      hint: 'Install the main dependencies from the lock in the image (`pycrane init` writes a setup that does), then rebuild.',
    };
  }
  const each = checked.map((pkg) => `${pkg.name} ${pkg.installed ?? ''} (import ${(pkg.modules ?? []).map((m) => m.module).join(', ') || 'no top-level module'})`);
  return {
    id: 'dependencies',
    title,
    status: 'pass',
    evidence: [`${checked.length} packages at their locked versions; ${modules} top-level modules imported`, ...(each.length <= 12 ? each : []), ...notHere],
  };
}

function isShellForm(command: readonly string[]): boolean {
  return command.length >= 2 && /^\/bin\/(?:ba|da)?sh$|^sh$/.test(command[0] ?? '') && command[1] === '-c';
}

function entrypointCheck(o: VerifyObservations): Check {
  const title = 'the entrypoint starts';
  const start = o.start;
  const evidence: string[] = [];
  if (o.probeCommand) {
    const p = o.probeCommand;
    const line = `${quote([...(o.image.entrypoint ?? []), ...p.args])} exited ${p.timedOut ? '(timed out)' : p.exitCode}${p.configured ? ' (configured probe)' : ''}`;
    const ok = p.exitCode === 0 && !p.timedOut;
    evidence.push(line);
    if (!ok && p.output.trim()) evidence.push(`output: ${redact(p.output.trim().split('\n').slice(-3).join(' | '))}`);
    if (start) evidence.push(`default command ${quote(start.command)}: ${start.state === 'running' ? `running after ${start.graceMs} ms` : start.state === 'exited' ? `exited ${start.exitCode ?? '?'}` : `failed: ${start.error ?? ''}`}`);
    return ok
      ? { id: 'entrypoint', title, status: 'pass', evidence }
      : { id: 'entrypoint', title, status: 'fail', evidence, hint: 'Run the probe by hand: docker run --rm IMAGE ' + p.args.join(' ') };
  }
  if (!start) return { id: 'entrypoint', title, status: 'skip', evidence: ['not run'] };
  if (start.command.length === 0) return { id: 'entrypoint', title, status: 'fail', evidence: ['the image has neither ENTRYPOINT nor CMD'], hint: 'Add an exec-form ENTRYPOINT or CMD.' };
  if (start.state === 'running') return { id: 'entrypoint', title, status: 'pass', evidence: [`${quote(start.command)} still running after ${start.graceMs} ms`] };
  if (start.state === 'exited' && start.exitCode === 0) return { id: 'entrypoint', title, status: 'pass', evidence: [`${quote(start.command)} ran and exited 0`] };
  const logs = redact(start.logs.trim().split('\n').slice(-5).join(' | '));
  return {
    id: 'entrypoint',
    title,
    status: 'fail',
    evidence: [
      start.state === 'failed' ? `${quote(start.command)} did not start: ${start.error ?? ''}` : `${quote(start.command)} exited ${start.exitCode ?? '?'} within ${start.graceMs} ms`,
      ...(logs ? [`logs: ${logs}`] : []),
    ],
    hint: 'If the app needs arguments or settings to start, configure a probe: [tool.pycrane.verify] probe = "--version".',
  };
}

function stopCheck(o: VerifyObservations): Check {
  const start = o.start;
  const limit = (start?.stop?.timeoutSeconds ?? 5) * 1000;
  const title = `docker stop takes under ${limit / 1000} s`;
  if (!start || start.state === 'failed') return { id: 'stop', title, status: 'skip', evidence: ['the container did not start'] };
  if (start.state === 'exited' || !start.stop) {
    return { id: 'stop', title, status: 'skip', evidence: [`the default command exited on its own (code ${start.exitCode ?? '?'}) before docker stop: nothing to stop`] };
  }
  const { durationMs, exitCode } = start.stop;
  const evidence = [`docker stop took ${(durationMs / 1000).toFixed(2)} s; exit code ${exitCode ?? '?'}${exitCode === 137 ? ' (SIGKILL: SIGTERM was not acted on)' : ''}`];
  evidence.push(`PID 1 runs ${quote(start.command)}${isShellForm(start.command) ? ' (shell form: /bin/sh is PID 1)' : ''}`);
  if (durationMs < limit && exitCode !== 137) return { id: 'stop', title, status: 'pass', evidence };
  return {
    id: 'stop',
    title,
    status: 'fail',
    evidence,
    hint: isShellForm(start.command)
      ? 'Use exec form (CMD ["app", "--port", "8000"]) or `exec app` in the shell, so SIGTERM reaches the app.'
      : 'PID 1 ignores SIGTERM: handle it in the app (gunicorn/uvicorn do), or run under an init (docker run --init, compose init: true, tini).',
  };
}

function credentialsCheck(o: VerifyObservations): Check {
  const findings = findCredentials({ env: o.image.env, labels: o.image.labels, history: o.history.map((row) => row.createdBy) });
  const title = 'no credentials in ENV, labels or history';
  if (findings.length === 0) {
    return { id: 'no-credentials', title, status: 'pass', evidence: [`${o.image.env.length} ENV entries, ${Object.keys(o.image.labels).length} labels, ${o.history.length} history steps scanned`] };
  }
  return {
    id: 'no-credentials',
    title,
    status: 'fail',
    evidence: findings.map((f) => `${f.where} ${f.name}: ${f.reason} (${f.masked})`),
    hint: 'Pass credentials with BuildKit secrets (RUN --mount=type=secret,id=netrc,target=/root/.netrc; build with --secret), never ARG/ENV/labels; rotate the leaked ones.',
  };
}

function sizeCheck(o: VerifyObservations): Check {
  const s = o.size;
  const evidence = [`total ${formatSize(s.total)}`];
  if (s.base) evidence.push(`over ${s.base.ref} (${formatSize(s.base.size)}, found by ${s.base.how}): ${formatSize(s.overBase ?? 0)}`);
  else evidence.push('base image not found locally: size over base unknown');
  for (const layer of s.largestLayers) evidence.push(`${formatSize(layer.size).padStart(8)}  ${layer.createdBy.length > 110 ? `${layer.createdBy.slice(0, 107)}...` : layer.createdBy}`);
  const title = s.budget === undefined ? 'size report' : `size within ${formatSize(s.budget)}`;
  if (s.withinBudget === false) {
    return { id: 'size', title, status: 'fail', evidence: [`over budget by ${formatSize(s.total - (s.budget ?? 0))}`, ...evidence], hint: 'See the largest layers above.' };
  }
  return { id: 'size', title, status: 'pass', evidence };
}

/** All checks, in report order. */
export function evaluateVerify(o: VerifyObservations): Check[] {
  const venv = venvCheck(o);
  return [
    userCheck(o),
    executablesCheck(o, 'no-sudo', 'sudo', 'no sudo', 'Do not install sudo in the runtime stage; the dev stage may have it.'),
    executablesCheck(o, 'no-compilers', 'compiler', 'no compilers', 'Compile in the builder stage; the runtime stage gets only shared libraries (libpq5, not libpq-dev/build-essential).'),
    executablesCheck(o, 'no-package-managers', 'tool', 'no poetry, pipx, uv, pdm, pipenv, pip-tools or hatch', 'Copy only the venv (COPY --from=build /opt/venv /opt/venv) into a fresh base; install tools in the builder stage only.'),
    cachesCheck(o),
    dependenciesCheck(o, venv.status === 'fail'),
    entrypointCheck(o),
    healthCheck(o.start?.health, o.image.healthcheck),
    stopCheck(o),
    venv,
    credentialsCheck(o),
    sizeCheck(o),
  ];
}

export function verdict(checks: readonly Check[]): 'pass' | 'fail' {
  return checks.some((check) => check.status === 'fail') ? 'fail' : 'pass';
}
