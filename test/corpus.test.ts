/**
 * Real-world corpus (test/corpus/, sources in test/corpus/SOURCES.md): every file lints without throwing,
 * and no rule fires on most files of its kind unless the allow-list below says why that is right.
 * Prints a table of rule -> files it fires on (run with `npx vitest run test/corpus.test.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeServices, serviceBuild } from '../src/lint/compose-model.js';
import { composeFilesOf, devcontainerConfig } from '../src/lint/devcontainer-model.js';
import { lint } from '../src/lint/engine.js';
import { parseJsoncFile, parseYamlFile } from '../src/lint/files.js';
import { allRules } from '../src/lint/rules/index.js';
import type { LintInput, RuleKind } from '../src/lint/types.js';

const dir = path.join(import.meta.dirname, 'corpus');
const KINDS = { Dockerfile: 'dockerfile', 'compose.yml': 'compose', 'devcontainer.json': 'devcontainer' } as const;
type UnitKind = (typeof KINDS)[keyof typeof KINDS];

interface Entry {
  readonly file: string;
  readonly repo: string;
  /** The path in its repository: paths between the files resolve as in a checkout. */
  readonly path: string;
  readonly kind: UnitKind;
  readonly text: string;
}

function decode(file: string): Entry {
  const suffix = (Object.keys(KINDS) as (keyof typeof KINDS)[]).find((k) => file.endsWith(`.${k}`));
  if (!suffix) throw new Error(`unknown corpus file kind: ${file}`);
  const [owner, repo, ...rest] = file.slice(0, -(suffix.length + 1)).split('__');
  return { file, repo: `${owner}/${repo}`, path: rest.join('/'), kind: KINDS[suffix], text: readFileSync(path.join(dir, file), 'utf8') };
}

const entries = readdirSync(dir)
  .filter((f) => f !== 'SOURCES.md')
  .sort()
  .map(decode);

const sameRepo = (e: Entry, kind: UnitKind, p: string | undefined) => entries.find((o) => o.repo === e.repo && o.kind === kind && o.path === p);

/** The Dockerfile of this repository that one of the compose file's services builds, if it is in the corpus. */
function dockerfileFor(compose: Entry): Entry | undefined {
  const tree = parseYamlFile({ path: compose.path, text: compose.text });
  for (const svc of composeServices(tree)) {
    const found = sameRepo(compose, 'dockerfile', serviceBuild(tree, svc)?.dockerfilePath);
    if (found) return found;
  }
  return undefined;
}

function inputFor(e: Entry): LintInput {
  const text = (x: Entry) => ({ path: x.path, text: x.text });
  if (e.kind === 'dockerfile') return { dockerfile: text(e) };
  if (e.kind === 'compose') {
    const df = dockerfileFor(e);
    return { compose: text(e), ...(df ? { dockerfile: text(df) } : {}) };
  }
  const cfg = devcontainerConfig(parseJsoncFile({ path: e.path, text: e.text }));
  const composePath = cfg ? composeFilesOf(parseJsoncFile({ path: e.path, text: e.text }), cfg)?.[0] : undefined;
  const compose = sameRepo(e, 'compose', composePath);
  const df = compose ? dockerfileFor(compose) : undefined;
  return { devcontainer: text(e), ...(compose ? { compose: text(compose) } : {}), ...(df ? { dockerfile: text(df) } : {}) };
}

/**
 * Rules allowed to fire on more than 80% of the files of their kind, with the reason. Keep it short: a rule
 * that fires everywhere is usually wrong, not the world.
 */
const ALLOWED_EVERYWHERE: Readonly<Record<string, string>> = {
  // Info only: almost nobody pins base images by digest, and that is what the rule reports.
  PC602: 'image-no-digest is informational and legitimately near-universal',
  // Info: BuildKit cache mounts are rare in the wild (most Dockerfiles predate them); the advice applies to nearly all.
  PC402: 'no-cache-mount is informational; cache mounts are still uncommon, so nearly every install lacks one',
  // Info: single-stage Dockerfiles (the majority) have no dev target by construction.
  PC501: 'no-dev-target is informational; most real Dockerfiles are single-stage and so have no dev target',
  // Compose v2 warns about `version:` on every command; most compose files in the wild still carry it.
  PC701: 'obsolete `version:` is the norm in older compose files, and Compose itself warns about each one',
  // Most real Dockerfiles do run as root: the hand labels (test/corpus-labels.json) say so for over 80% of the corpus.
  PC201: 'runtime-runs-as-root: most real Dockerfiles have no USER; the hand labels confirm each file it fires on',
};
const THRESHOLD = 0.8;

const ruleKind = new Map<string, RuleKind>(allRules.map((r) => [r.id, r.kind]));
const unitKindOfRule = (kind: RuleKind | undefined): UnitKind | undefined =>
  kind === 'dockerfile' || kind === 'compose' || kind === 'devcontainer' ? kind : undefined;

describe('real-world corpus', () => {
  const fired = new Map<string, Set<string>>();
  const units: Record<UnitKind, number> = { dockerfile: 0, compose: 0, devcontainer: 0 };

  it('has enough files of each kind', () => {
    const count = (k: UnitKind) => entries.filter((e) => e.kind === k).length;
    expect(count('dockerfile')).toBeGreaterThanOrEqual(40);
    expect(count('compose')).toBeGreaterThanOrEqual(10);
    expect(count('devcontainer')).toBeGreaterThanOrEqual(5);
  });

  it('lints every file without throwing', () => {
    for (const e of entries) {
      units[e.kind]++;
      let ids: string[];
      try {
        ids = lint(inputFor(e)).diagnostics.map((d) => d.ruleId);
      } catch (error) {
        throw new Error(`${e.file}: ${(error as Error).stack ?? String(error)}`);
      }
      for (const id of new Set(ids)) {
        // Count a rule on the files of its own kind (a Dockerfile rule firing through a compose unit is counted
        // on the Dockerfile's own unit already).
        if (unitKindOfRule(ruleKind.get(id)) !== e.kind) continue;
        const set = fired.get(id) ?? new Set<string>();
        set.add(e.file);
        fired.set(id, set);
      }
    }
  });

  it('has no rule that fires on most files without a recorded reason', () => {
    const rows = [...fired.entries()]
      .map(([id, files]) => {
        const kind = unitKindOfRule(ruleKind.get(id)) as UnitKind;
        const name = allRules.find((r) => r.id === id)?.name ?? '';
        return { id, name, kind, n: files.size, of: units[kind], share: files.size / Math.max(1, units[kind]) };
      })
      .sort((a, b) => b.share - a.share || a.id.localeCompare(b.id));
    const table = rows.map((r) => `${r.id.padEnd(6)} ${r.name.padEnd(38)} ${r.kind.padEnd(13)} ${String(r.n).padStart(3)}/${r.of} ${(100 * r.share).toFixed(0).padStart(3)}%`);
    console.log(`rule -> corpus files it fires on (dockerfile ${units.dockerfile}, compose ${units.compose}, devcontainer ${units.devcontainer})\n${table.join('\n')}`);
    const tooOften = rows.filter((r) => r.share > THRESHOLD && !(r.id in ALLOWED_EVERYWHERE)).map((r) => `${r.id} ${r.name}: ${r.n}/${r.of}`);
    expect(tooOften, 'rules firing on more than 80% of the corpus').toEqual([]);
  });
});

