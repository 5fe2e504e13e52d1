/**
 * The tags proof: the generated pipelines tag images exactly as `pycrane build` does, because
 * they run `pycrane build` and pass it nothing that changes the tags. Each build line is taken
 * from the rendered file, split into words as a shell would, parsed by the CLI's own `build`
 * command and planned by the engine (fake git, no docker); the tags must equal those of a plain
 * `pycrane build --push` for the same commit and version (plus `latest` on a release tag, which
 * pycrane itself withholds from a pre-release). Default-branch pushes get `--tags sha` only:
 * release tags are immutable (pycrane build refuses to move 1.4.2 to another commit), so the
 * version tags come from the pipeline of the release tag.
 */
import { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildOptionsFrom } from '../src/cli/commands/build-run.js';
import { type BuildCliOptions, register as registerBuild } from '../src/cli/commands/build.js';
import { planBuild } from '../src/engine/build.js';
import { factsFixture } from '../src/engine/testing/facts.js';
import { fakeExec } from '../src/engine/testing/fake-exec.js';
import { fact } from '../src/core/location.js';
import { renderFiles } from '../src/generate/index.js';
import { renderCi } from '../src/generate/ci/index.js';
import { planSetup } from '../src/generate/plan.js';
import type { ProjectFacts } from '../src/inspect/model.js';
import { captureContext } from './support/cli.js';

type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const COMMIT = '4411dbb9be43c1e0a9f3d0aa0000000000000000';
const IMAGE = 'ghcr.io/acme/hello-cli';

/**
 * Splits a generated command line into words as sh does for the forms pycrane writes: plain
 * words, "double quotes" with $VAR expanded, 'single quotes'; a `>` redirection ends it.
 * Anything else a shell would interpret (command substitution, `;`, `&&`, pipes) fails the test.
 */
function shellWords(line: string, env: Readonly<Record<string, string>>): string[] {
  const command = line.split(/ > /)[0] ?? '';
  if (/[`;&|<]|\$\(/.test(command)) throw new Error(`not a plain command: ${command}`);
  const expand = (s: string) => s.replace(/\$(\w+)/g, (_, name: string) => env[name] ?? '');
  const words: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    if (match[1] !== undefined) words.push(expand(match[1]));
    else if (match[2] !== undefined) words.push(match[2]);
    else words.push(expand(match[3] ?? ''));
  }
  return words;
}

class Parsed extends Error {
  constructor(readonly options: BuildCliOptions) {
    super('parsed');
  }
}

/** What the CLI's `build` command makes of an argv (`build ...`), stopped before its action runs. */
async function parseBuildArgv(argv: readonly string[]): Promise<BuildCliOptions> {
  const program = new Command('pycrane').exitOverride();
  registerBuild(program, captureContext().ctx, () => undefined);
  program.hook('preAction', (_, action) => {
    throw new Parsed(action.opts() as BuildCliOptions);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof Parsed) return error.options;
    throw error;
  }
  throw new Error('the build command did not parse');
}

function cleanGit() {
  return fakeExec()
    .on('git -C /p rev-parse --verify --quiet HEAD', { stdout: `${COMMIT}\n` })
    .on('git -C /p status', { stdout: '' })
    .on('git -C /p config --get remote.origin.url', { stdout: 'https://github.com/acme/hello-cli.git\n' });
}

/** The tags `pycrane build ARGV` would give this project at COMMIT, clean tree. */
async function tagsOf(facts: ProjectFacts, argv: readonly string[]): Promise<readonly string[]> {
  const [command, ...rest] = argv;
  expect(command).toBe('build');
  const cli = await parseBuildArgv(['build', ...rest]);
  const { ctx } = captureContext('/p', { CI: 'true' });
  const { options } = buildOptionsFrom(ctx, cli);
  const dockerfile = renderFiles(planSetup(facts, { directoryName: 'p' }))[0]?.contents ?? '';
  const deps = { exec: cleanGit().exec, env: { PATH: '/usr/bin' }, now: () => new Date('2026-12-01T10:00:00Z') };
  const plan = await planBuild(deps, '/p', facts, dockerfile, '/p/Dockerfile', options, '/tmp/iid');
  return plan.request.tags;
}

/** Every `pycrane build` line of a rendered pipeline, by the kind of build that runs it. */
function buildLines(system: 'github' | 'gitlab', facts: ProjectFacts): Record<'request' | 'branch' | 'release', string> {
  const text = renderCi(planSetup(facts, { directoryName: 'p' }), { system, pycraneVersion: '0.1.0' }).contents;
  const doc = parseYaml(text) as Yaml;
  const find = (lines: string[]) => {
    const found = lines.filter((l) => l.startsWith('pycrane build '));
    expect(found).toHaveLength(1);
    return found[0] ?? '';
  };
  if (system === 'github') {
    const runs = (job: string, cond?: string) =>
      find((doc.jobs[job].steps as Yaml[]).filter((s) => cond === undefined || s.if === cond).flatMap((s) => String(s.run ?? '').split('\n')));
    return { request: runs('image-pr'), branch: runs('image', "github.ref_type == 'branch'"), release: runs('image', "github.ref_type == 'tag'") };
  }
  const script = (job: string) => find(doc[job].script as string[]);
  return { request: script('pycrane:image-mr'), branch: script('pycrane:image'), release: script('pycrane:image-release') };
}

/** The flags a pipeline may pass: none of them names, adds or changes a tag, except --latest on a release and --tags sha on a branch. */
const TAG_NEUTRAL = new Set(['--repository', '--platform', '--cache-from', '--cache-to', '--network', '--push', '--load', '--json']);

describe.each(['github', 'gitlab'] as const)('%s pipeline', (system) => {
  const env = { IMAGE };
  const final = factsFixture();
  const rc = factsFixture({ version: fact('2.0.0rc1', { file: 'pyproject.toml', line: 3 }) });
  const mirrored = factsFixture({ config: { buildNetwork: 'host' } });

  it('passes pycrane build nothing that changes the tags', () => {
    for (const facts of [final, mirrored]) {
      for (const [kind, line] of Object.entries(buildLines(system, facts))) {
        const words = shellWords(line, env).slice(1);
        const flags = words.filter((w) => w.startsWith('-'));
        expect(flags.filter((f) => !TAG_NEUTRAL.has(f)), `${kind}: ${line}`).toEqual(kind === 'release' ? ['--latest'] : kind === 'branch' ? ['--tags'] : []);
        if (kind === 'branch') expect(words[words.indexOf('--tags') + 1]).toBe('sha');
        expect(words[words.indexOf('--repository') + 1]).toBe(IMAGE);
      }
    }
  });

  it('gives the tags of a plain `pycrane build --push` for the same commit and version', async () => {
    const plain = await tagsOf(final, ['build', '--push', '--repository', IMAGE]);
    expect(plain).toEqual([`${IMAGE}:1.4.2`, `${IMAGE}:1.4.2-py3.13`, `${IMAGE}:sha-4411dbb9be43`]);
    const lines = buildLines(system, final);
    expect(await tagsOf(final, shellWords(lines.request, env).slice(1))).toEqual(plain);
    // A default-branch push: exactly `pycrane build --push --tags sha`, the commit's tag alone.
    const branch = await tagsOf(final, shellWords(lines.branch, env).slice(1));
    expect(branch).toEqual(await tagsOf(final, ['build', '--push', '--tags', 'sha', '--repository', IMAGE]));
    expect(branch).toEqual([`${IMAGE}:sha-4411dbb9be43`]);
    // With [tool.pycrane] build-network set, the pipeline's --network default changes nothing either.
    expect(await tagsOf(mirrored, shellWords(buildLines(system, mirrored).request, env).slice(1))).toEqual(plain);
  });

  it('names the tags as a laptop build does: only the repository is the registry\'s', async () => {
    const laptop = await tagsOf(final, ['build']);
    expect(laptop).toEqual(['hello-cli:1.4.2', 'hello-cli:1.4.2-py3.13', 'hello-cli:sha-4411dbb9be43']);
    const ci = await tagsOf(final, shellWords(buildLines(system, final).request, env).slice(1));
    expect(ci.map((t) => t.slice(t.lastIndexOf(':')))).toEqual(laptop.map((t) => t.slice(t.lastIndexOf(':'))));
  });

  it('adds latest on a release tag, as `pycrane build --push --latest` does, and pycrane withholds it from a pre-release', async () => {
    const release = shellWords(buildLines(system, final).release, env).slice(1);
    expect(await tagsOf(final, release)).toEqual(await tagsOf(final, ['build', '--push', '--latest', '--repository', IMAGE]));
    expect(await tagsOf(final, release)).toEqual([`${IMAGE}:1.4.2`, `${IMAGE}:1.4.2-py3.13`, `${IMAGE}:sha-4411dbb9be43`, `${IMAGE}:latest`]);
    const rcRelease = shellWords(buildLines(system, rc).release, env).slice(1);
    expect(await tagsOf(rc, rcRelease)).toEqual([`${IMAGE}:2.0.0rc1`, `${IMAGE}:2.0.0rc1-py3.13`, `${IMAGE}:sha-4411dbb9be43`]);
    expect(await tagsOf(rc, rcRelease)).toEqual(await tagsOf(rc, ['build', '--push', '--repository', IMAGE]));
  });
});
