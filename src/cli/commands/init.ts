import { Option } from 'commander';
import type { Register } from './index.js';

export interface InitOptions {
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly check?: boolean;
  readonly force?: boolean;
  readonly json?: boolean;
  /** Also write a CI pipeline: `github` (.github/workflows/pycrane.yml) or `gitlab` (.gitlab-ci.yml). */
  readonly ci?: 'github' | 'gitlab';
  /** With `--ci github`: the branch whose pushes publish images (default main). */
  readonly defaultBranch?: string;
  /** Answers to init's questions (src/cli/prompts/questions.ts), as typed: remembered in [tool.pycrane] when they differ from detection. */
  readonly python?: string;
  readonly command?: string;
  readonly port?: string;
  readonly app?: string;
  readonly server?: string;
  readonly healthPath?: string;
  readonly services?: string;
}

export const register: Register = (program, ctx, setExit) => {
  program
    .command('init')
    .summary('write Dockerfile, compose.yaml, devcontainer.json and .dockerignore for a Python project')
    .description(
      [
        'Reads the project in DIR (pyproject.toml, setup.py/setup.cfg, Pipfile, requirement files, and the lock of its manager: poetry.lock, uv.lock, pdm.lock, Pipfile.lock or a pinned/compiled requirements.txt) and writes a multi-stage Dockerfile (targets builder, app-pre, app-build, dev, app), compose.yaml, .devcontainer/devcontainer.json and .dockerignore.',
        '',
        'Managers: Poetry, uv, PDM, pipenv, pip-tools, pip (requirement files) and PEP 621 builds without a lock (setuptools, hatchling, flit, pdm-backend). Which one is detected, and why, is in the summary; [tool.pycrane] manager (or pycrane.toml, for projects without pyproject.toml) overrides it.',
        '',
        'With --ci github or --ci gitlab, also writes a CI pipeline (.github/workflows/pycrane.yml or .gitlab-ci.yml) that runs pycrane check and init --check, builds the app image with pycrane build (its own tags) for linux/amd64 and linux/arm64, pushes it to GHCR or the GitLab registry on the default branch and v* tags, and verifies the pushed digest (docs/ci.md). The flag is not remembered: pass it again, as the pipeline does for init --check.',
        '',
        'Questions: on a terminal (stdin a TTY, CI unset) and without --yes, init first asks what it cannot tell for sure, each question showing the detected answer and where it came from (Enter takes it): the Python version when several fit the constraints, the start command when nothing or several things could start, and for a web app the application when several were found, the server, port and health-check path when they are defaults, and the services. --yes and non-terminals take the detected answers. Every answer can be given as a flag instead (below). An answer that differs from what pycrane detects is remembered in [tool.pycrane] of pyproject.toml (or pycrane.toml), edited in place, in the same all-or-nothing write as the generated files, so that init --check gives the same result later; answers equal to the detected ones are not written. Ctrl-C at a question writes nothing (exit 130). See docs/init.md#questions.',
        '',
        'Files pycrane wrote and nobody edited since are updated in place; any other existing file is left alone unless --force is given. Writes are atomic: all files or none.',
        '',
        'Exit codes: 0 written or up to date, 1 --check found drift or a file is in the way, 2 bad input.',
      ].join('\n'),
    )
    .argument('[dir]', 'the project directory', '.')
    .option('-y, --yes', 'take the detected answers and write without asking (the default when not on a terminal)')
    .option('--dry-run', 'print a unified diff of what would change; write nothing')
    .option('--check', 'exit 1 when the files differ from what init would write (for CI); write nothing')
    .option('-f, --force', 'replace files pycrane did not write, or that were edited by hand')
    .option('--json', 'print the plan and the file actions as JSON')
    .addOption(new Option('--ci <system>', 'also write a CI pipeline for this system').choices(['github', 'gitlab']))
    .option('--default-branch <name>', 'with --ci github: the branch whose pushes publish images (default main)')
    .option('--python <version>', 'answer: the Python of the images (3.13, or 3.13.1 for an exact release)')
    .option('--command <line>', 'answer: the command the app image starts, one line split into words as a shell does (quotes, backslashes; no expansions)')
    .option('--port <number>', 'answer: the port the web app listens on')
    .option('--app <module:object>', 'answer: the web application the server loads (mysite.wsgi:application, app:create_app())')
    .option('--server <name>', 'answer: the server of the web app (gunicorn, uvicorn, hypercorn, granian, daphne, fastapi-cli)')
    .option('--health-path <path>', 'answer: the HTTP path the health check requests (/health)')
    .option('--services <list>', 'answer: the services compose runs beside the app: postgres,redis, one of them, or none')
    .action(async (dir: string, options: InitOptions) => {
      const { run } = await import('./init-run.js');
      setExit(await run(dir, options, ctx));
    });
};
