import type { DockerfileModel, Stage } from '../dockerfile/model.js';
import { isCommandStringOption, parseShell, type Word } from '../dockerfile/shell.js';
import type { ProjectFacts } from '../inspect/model.js';
import { basename, effectiveCommand, isVenvPath, venvPaths } from './analysis.js';
import { baseImageServer } from './base-images.js';

/**
 * What the runtime stage starts, seen through project runners (`uv run`, `poetry run`, ...) and
 * `python -m`: whether it is Python, and whether it is a web server. PC113 (unbuffered output) and
 * PC114 (no HEALTHCHECK) use it.
 */

/** Python's own programs, servers and workers that are Python programs wherever they are installed. */
const PY_PROGRAMS = /^(python[\d.]*|gunicorn|uvicorn|hypercorn|daphne|granian|waitress-serve|celery|flask|django-admin|streamlit|fastapi|dramatiq|rq|huey_consumer|alembic)$/;
/** Runners that start the program after them in the project's environment. */
const RUNNERS = new Set(['uv', 'poetry', 'pdm', 'pipenv', 'hatch', 'pipx', 'rye']);
/** Options of `uv run` (and friends) that take a value, so the program is not the next word. */
const RUNNER_VALUE_OPTIONS = new Set(['--with', '--with-requirements', '--python', '-p', '--group', '--extra', '--package', '--env-file', '--directory', '--project', '--index', '--spec', '-e', '--env']);
/** Shells whose `-c` script is the real command (`CMD ["sh", "-c", "python manage.py migrate && gunicorn app"]`). */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);
/** Options of python that take a value (`python -X dev -m app`). */
const PYTHON_VALUE_OPTIONS = new Set(['-X', '-W', '-Q']);

/** Web servers by program (or `python -m` module): always serve HTTP. */
const SERVERS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'waitress-serve', 'uwsgi']);
/** A script whose name says which server it starts. */
const SCRIPT_SERVER = /^(?!(gunicorn|uvicorn|hypercorn|daphne|uwsgi)$)[\w.-]*?(gunicorn|uvicorn|hypercorn|daphne|uwsgi)[\w.-]*$/;
/** Programs that serve HTTP with one subcommand: `fastapi run`, `flask run`, `streamlit run`, `manage.py runserver`. */
const SERVING_SUBCOMMAND: Readonly<Record<string, string>> = { fastapi: 'run', flask: 'run', streamlit: 'run', 'django-admin': 'runserver', 'manage.py': 'runserver' };

export interface Launched {
  /** The word that names the program (after runners and init wrappers). */
  readonly word: Word;
  /** Its file name (`gunicorn`, `python3.12`, `app`). */
  readonly program: string;
  /** The words after it. */
  readonly rest: readonly Word[];
  /** It is a Python program: python itself, a known Python tool, a console script in a venv's bin or of the project. */
  readonly python: boolean;
  /** The web server it starts (`gunicorn`, `uvicorn`, `fastapi run`, `manage.py runserver`), if any. */
  readonly server: string | undefined;
}

/** The program a runner starts: `uv run --frozen gunicorn` -> gunicorn; `hatch run prod:serve` -> serve. */
export function throughRunner(argv: readonly Word[]): { word: Word; rest: readonly Word[] } | undefined {
  const first = argv[0];
  if (!first) return undefined;
  if (!RUNNERS.has(basename(first.value)) || argv[1]?.value !== 'run') return { word: first, rest: argv.slice(1) };
  for (let i = 2; i < argv.length; i++) {
    const w = argv[i] as Word;
    if (w.value === '--') return argv[i + 1] ? { word: argv[i + 1] as Word, rest: argv.slice(i + 2) } : undefined;
    if (w.value.startsWith('-')) {
      if (RUNNER_VALUE_OPTIONS.has(w.value)) i++;
      continue;
    }
    return { word: w, rest: argv.slice(i + 1) };
  }
  return undefined;
}

/** `python -m uvicorn app:app` -> uvicorn (with what follows); `python manage.py runserver` -> manage.py. */
function pythonTarget(rest: readonly Word[]): { name: string; rest: readonly Word[] } | undefined {
  for (let i = 0; i < rest.length; i++) {
    const v = (rest[i] as Word).value;
    if (v === '-m') return rest[i + 1] ? { name: (rest[i + 1] as Word).value, rest: rest.slice(i + 2) } : undefined;
    if (v === '-c') return undefined;
    if (v.startsWith('-')) {
      if (PYTHON_VALUE_OPTIONS.has(v)) i++;
      continue;
    }
    return { name: basename(v), rest: rest.slice(i + 1) };
  }
  return undefined;
}

function serverOf(name: string, rest: readonly Word[]): string | undefined {
  if (SERVERS.has(name)) return name;
  const sub = SERVING_SUBCOMMAND[name];
  // `flask --app app run`: options may come first, so look for the subcommand among the words.
  return sub !== undefined && rest.some((w) => w.value === sub) ? `${name} ${sub}` : undefined;
}

/**
 * The command lines the stage starts: the ENTRYPOINT/CMD, then the other commands of a shell-form one
 * (`CMD sh init.sh && python manage.py runserver`) and of an exec-form `sh -c` script (whose words all
 * get the script string's range).
 */
function commandLines(model: DockerfileModel, run: NonNullable<ReturnType<typeof effectiveCommand>>): (readonly Word[])[] {
  const lines: (readonly Word[])[] = [run.argv];
  if (run.node.form === 'shell') for (const cmd of run.node.script.commands.slice(1)) lines.push(cmd.argv);
  const first = run.argv[0];
  if (run.node.form === 'exec' && first && SHELLS.has(basename(first.value))) {
    const c = run.argv.findIndex((w, i) => i > 0 && isCommandStringOption(w.value));
    const script = c === -1 ? undefined : run.argv[c + 1];
    if (script) for (const cmd of parseShell({ text: script.value, runs: [0, 0], end: 0 }, model.index, { fixedRange: script.range }).commands) lines.push(cmd.argv);
  }
  return lines;
}

function launchOf(model: DockerfileModel, stage: Stage, facts: ProjectFacts | undefined, argv: readonly Word[]): Launched | undefined {
  const target = throughRunner(argv);
  if (!target) return undefined;
  const { word, rest } = target;
  const program = basename(word.value);
  const dir = word.value.includes('/') ? word.value.slice(0, word.value.lastIndexOf('/')) : '';
  const inVenvBin = dir.endsWith('/bin') || dir === 'bin' ? isVenvPath(dir.slice(0, -4)) || venvPaths(model, stage).some((v) => `${v}/bin` === dir) : false;
  const scripts = new Set((facts?.scripts ?? []).map((s) => s.name));
  const inner = /^python/.test(program) ? pythonTarget(rest) : undefined;
  // A bare `python` (no script, module or -c) is an interpreter waiting for input, not an application.
  const bare = /^python/.test(program) && !inner && !rest.some((w) => /^-[A-Za-z]*c$/.test(w.value));
  let python = (PY_PROGRAMS.test(program) || scripts.has(program) || inVenvBin) && !bare;
  let server = serverOf(program, rest) ?? (inner ? serverOf(inner.name, inner.rest) : undefined);
  // A start script named for its server (`gunicorn.sh`, `gunicorn_start`, `run-uvicorn.sh`) starts that server.
  // `sh gunicorn_start`: the script a shell runs.
  const script = SHELLS.has(program) && rest[0] && !rest[0].value.startsWith('-') ? rest[0] : undefined;
  const named = server ? undefined : SCRIPT_SERVER.exec(script ? basename(script.value) : program)?.[2];
  if (named) {
    server = named;
    python = named !== 'uwsgi';
    if (script) return { word: script, program: basename(script.value), rest: rest.slice(1), python, server };
  }
  return { word, program, rest, python, server };
}

/**
 * What the stage starts: among its command lines, the first web server, else the first Python program,
 * else the first program. A stage without ENTRYPOINT/CMD keeps its base image's command: known for the
 * images of the table that start a server (tiangolo/uvicorn-gunicorn), reported at the FROM image.
 */
export function launchedProgram(model: DockerfileModel, stage: Stage, facts: ProjectFacts | undefined): Launched | undefined {
  const run = effectiveCommand(stage);
  if (!run) {
    const root = stage.rootFrom;
    const server = baseImageServer(root);
    if (!server || !root.imageRange) return undefined;
    const word: Word = { value: root.image ?? '', raw: root.imageRaw ?? '', range: root.imageRange, quoted: false, hasExpansion: false };
    return { word, program: server, rest: [], python: true, server };
  }
  const all = commandLines(model, run).map((argv) => launchOf(model, stage, facts, argv)).filter((l): l is Launched => l !== undefined);
  return all.find((l) => l.server !== undefined) ?? all.find((l) => l.python) ?? all[0];
}
