import { describe, expect, it } from 'vitest';
import { defaultCheckConfig } from '../config.js';
import { lint } from '../engine.js';
import type { DocExample, Rule } from '../rule.js';
import type { Diagnostic, LintInput } from '../types.js';
import { makeFacts } from './facts.js';

/** 1-based, end exclusive (ESLint's convention). */
export interface ExpectedError {
  readonly messageId: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly file?: string;
}

export interface ValidCase extends DocExample {
  readonly name?: string;
}

export interface InvalidCase extends DocExample {
  readonly name?: string;
  readonly errors: readonly ExpectedError[];
}

export const DEFAULT_PATHS = {
  dockerfile: 'Dockerfile',
  compose: 'compose.yaml',
  devcontainer: '.devcontainer/devcontainer.json',
  dockerignore: '.dockerignore',
} as const;

/** The lint input for an example of a rule of this kind. */
export function exampleInput(rule: Pick<Rule, 'kind'>, example: DocExample): LintInput {
  const files = { ...(example.files ?? {}) } as Record<string, string | null | undefined>;
  const missingIgnore = rule.kind === 'dockerignore' && example.files?.dockerignore === null;
  if (rule.kind !== 'project' && !missingIgnore) files[rule.kind] = example.code;
  const text = (k: keyof typeof DEFAULT_PATHS) => {
    const t = files[k];
    return typeof t === 'string' ? { path: DEFAULT_PATHS[k], text: t } : undefined;
  };
  const dockerignore = files.dockerignore === null ? null : text('dockerignore');
  return {
    ...(text('dockerfile') ? { dockerfile: text('dockerfile') } : {}),
    ...(text('compose') ? { compose: text('compose') } : {}),
    ...(text('devcontainer') ? { devcontainer: text('devcontainer') } : {}),
    ...(dockerignore !== undefined ? { dockerignore } : rule.kind === 'dockerignore' ? { dockerignore: null } : {}),
    ...(example.facts || rule.kind === 'project' ? { facts: makeFacts(example.facts) } : {}),
    ...(example.projectError ? { projectError: { message: example.projectError, file: 'pyproject.toml', line: 1 } } : {}),
  };
}

/** Lints an example with only this rule enabled. */
export function lintExample(rule: Rule, example: DocExample): Diagnostic[] {
  return lint(exampleInput(rule, example), defaultCheckConfig, [rule]).diagnostics.filter((d) => d.ruleId === rule.id);
}

function show(ds: readonly Diagnostic[]): string {
  return ds
    .map((d) => `${d.messageId} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`)
    .join('\n');
}

/** typescript-eslint's RuleTester, hadolint-brief: `valid` must be clean, `invalid` must report exactly `errors`. */
export function ruleTester(rule: Rule, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  describe(`${rule.id} ${rule.name}`, () => {
    cases.valid.forEach((c, i) => {
      const example: ValidCase = typeof c === 'string' ? { code: c } : c;
      it(`valid #${i + 1}${example.name ? `: ${example.name}` : ''}`, () => {
        const ds = lintExample(rule, example);
        expect(show(ds), 'expected no findings').toBe('');
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(c.errors.length, 'an invalid case needs at least one error').toBeGreaterThan(0);
        const ds = lintExample(rule, c);
        const actual = ds.map((d) => ({
          messageId: d.messageId,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          ...(c.errors.some((e) => e.file) ? { file: d.file } : {}),
        }));
        expect(actual, show(ds)).toEqual(c.errors.map((e) => ({ ...e })));
      });
    });
  });
}
