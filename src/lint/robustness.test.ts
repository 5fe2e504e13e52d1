import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.js';
import { logicalText, parseShell } from '../dockerfile/shell.js';
import { LineIndex } from '../dockerfile/text.js';
import { effectiveCommand } from './analysis.js';
import { lint } from './engine.js';
import { MAX_SYNTAX_ERRORS } from './files.js';
import { formatGithub } from './reporters/github.js';
import { formatJson } from './reporters/json.js';
import { formatStylish } from './reporters/stylish.js';
import { defineRule, type DockerfileRule, type Rule } from './rule.js';
import { dockerfileSyntax } from './rules/dockerfile-syntax.js';
import type { Diagnostic, LintInput } from './types.js';

const cases = [
  'FROM', 'FROM --platform=$BUILDPLATFORM', 'ARG', 'ARG =', 'ENV', 'ENV =1', 'FROM a\nCOPY', 'FROM a\nCOPY --from=', 'FROM a\nRUN', 'FROM a\nRUN \\', 'FROM a\nRUN <<EOF', 'FROM a\nCMD [', 'FROM a\nCMD ["a",', 'FROM a\nUSER', 'FROM a\nWORKDIR', 'FROM a\nHEALTHCHECK', 'FROM a\nHEALTHCHECK CMD', 'FROM a\nHEALTHCHECK NONE',
  'FROM a\nRUN echo "unterminated', "FROM a\nRUN echo 'x", 'FROM a\nRUN $(', 'FROM a\nRUN ${', 'FROM a\nRUN a >', 'FROM a\nRUN cat <<', 'FROM a AS', 'FROM a AS b c', '# escape=`\nFROM a\nRUN echo `\n  hi',
  'FROM a\nENV PATH=', 'FROM a\nENV PATH="$"', 'FROM a\nCOPY --from=b', 'FROM a\nADD --checksum', 'FROM a\nRUN chmod', 'FROM a\nRUN chown -R', 'FROM a\nRUN pip install -r', 'FROM a\nRUN pip install -e', 'FROM a\nRUN python -m', 'FROM a\nRUN python -m venv', 'FROM a\nENTRYPOINT []', 'FROM a\nCMD ["sh", "-c"]',
  '\uFEFFFROM a\r\nRUN pip install x\r\n', 'FROM a\n\n\n\\\n', 'FROM a\nONBUILD RUN pip install x', 'FROM a\nRUN sh -c', 'FROM a\nRUN env', 'FROM a\nRUN sudo', 'FROM a\nRUN timeout', 'FROM a\nRUN gosu',
];
it('never throws on truncated or odd input in any of the four files', () => {
  for (const text of cases) {
    expect(() => lint({ dockerfile: { path: 'Dockerfile', text }, compose: { path: 'c.yaml', text: 'services: [' }, devcontainer: { path: 'd.json', text: '{ // x\n "a": 1, }' }, dockerignore: { path: '.dockerignore', text: '!\n' } }), JSON.stringify(text)).not.toThrow();
  }
});

const dockerfile = (text: string): LintInput => ({ dockerfile: { path: 'Dockerfile', text } });
const ids = (input: LintInput, rules?: readonly Rule[]) => lint(input, undefined, rules).diagnostics.map((d) => d.ruleId);
/** Large inputs: generous bounds against hangs, the assertions are on results (never on time). */
const LARGE = 60_000;

/** A Dockerfile rule made for a test: PC199 with one message `m`. */
const testRule = (name: string, message: string, create: DockerfileRule<'m'>['create']) =>
  defineRule<'m'>({
    id: 'PC199',
    name,
    kind: 'dockerfile',
    category: 'correctness',
    defaultSeverity: 'warning',
    docs: { summary: 'test', why: 'test', bad: { code: '' }, good: { code: '' } },
    messages: { m: message },
    create,
  });

describe('the engine boundary', () => {
  const throwing = (where: 'create' | 'RUN' | 'done') =>
    testRule('throws', 'never', () => {
      if (where === 'create') throw new RangeError('Maximum call stack size exceeded');
      return {
        RUN() {
          if (where === 'RUN') throw new TypeError('x is undefined');
        },
        done() {
          if (where === 'done') throw new Error('boom\nsecond line');
        },
      };
    });
  it.each(['create', 'RUN', 'done'] as const)('turns a rule that throws in %s into one PC191 finding; the other rules run', (where) => {
    const result = lint(dockerfile('FROM python:3.12-slim\nRUNN x\nRUN a\nRUN b\n'), undefined, [throwing(where), dockerfileSyntax]);
    const crashed = result.diagnostics.filter((d) => d.ruleId === 'PC191');
    expect(crashed).toHaveLength(1);
    expect(crashed[0]?.message).toMatch(/^rule PC199 throws stopped on this input \((RangeError|TypeError|Error): [^\n]+\): its checks did not run/);
    expect(crashed[0]?.file).toBe('Dockerfile');
    expect(result.diagnostics.some((d) => d.ruleId === 'PC100')).toBe(true);
  });
});

describe('inputs that crashed or hung check', () => {
  it('a FROM chain of 11,000 stages: linted, the chain cap reported, the ENTRYPOINT inherited through it', () => {
    const lines = ['FROM python:3.12-slim AS s0', 'ENTRYPOINT ["python", "-m", "app"]'];
    for (let i = 1; i < 11_000; i++) lines.push(`FROM s${i - 1} AS s${i}`);
    const text = `${lines.join('\n')}\n`;
    const result = lint(dockerfile(text));
    expect(result.diagnostics.filter((d) => d.messageId === 'chainTooLong').map((d) => d.range.start.line)).toEqual([129]);
    expect(result.diagnostics.some((d) => d.messageId === 'crashed')).toBe(false);
    const last = result.dockerfile?.stages.at(-1);
    expect(last && effectiveCommand(last)?.argv.map((w) => w.value)).toEqual(['python', '-m', 'app']);
  }, LARGE);

  // 22 s before (argv.shift() per wrapper flag), about a second now: the 10 s timeout is the hang guard.
  // Under MAX_DOCKERFILE_CHARS (the issue's 250,000 words are past it, and not parsed at all now).
  it('an ENTRYPOINT of 40,000 words: the wrappers are skipped in one pass', () => {
    const model = parseDockerfile(`FROM python:3.12-slim\nENTRYPOINT ["tini", ${Array(40_000).fill('"-v"').join(', ')}, "python"]\nCMD ["-m", "app"]\n`);
    const stage = model.stages[0];
    expect(stage && effectiveCommand(stage)?.argv.map((w) => w.value)).toEqual(['python', '-m', 'app']);
  }, 10_000);

  it('shell nesting 10,000 deep ($( ..., subshells, quotes) parses without recursion', () => {
    const deep = [
      `${'$( '.repeat(10_000)}x${' )'.repeat(10_000)}`,
      `${'( '.repeat(10_000)}pip install x${' )'.repeat(10_000)}`,
      `${'"$('.repeat(10_000)}x${')"'.repeat(10_000)}`,
      `${'{ '.repeat(10_000)}x;${' }'.repeat(10_000)}`,
      `${'${'.repeat(10_000)}x${'}'.repeat(10_000)}`,
      'sh -c sh -c '.repeat(10_000),
    ];
    for (const src of deep) {
      const script = parseShell(logicalText(src, 0, src.length, '\\'), new LineIndex(src));
      expect(script.commands.length, src.slice(0, 20)).toBeGreaterThan(0);
      expect(ids(dockerfile(`FROM python:3.12-slim\nRUN ${src}\n`)), src.slice(0, 20)).not.toContain('PC191');
    }
  }, LARGE);

  it('.dockerignore lines of 50,000 * or 60,000 **/ segments are matched, not compiled to a regular expression', () => {
    const input = { ...dockerfile('FROM python:3.12-slim\nCOPY . /app\n'), dockerignore: { path: '.dockerignore', text: `${'*'.repeat(50_000)}\n${'**/'.repeat(60_000)}.venv\n${'*a'.repeat(50)}b\n` } };
    expect(ids(input)).not.toContain('PC191');
  }, LARGE);

  /** Every reporter takes all of `ds` (a spread of 135,000 findings into push overflowed the stack). */
  const reportsAll = (ds: readonly Diagnostic[], text: string) => {
    const stylish = formatStylish(ds, { sources: new Map([['Dockerfile', text]]), color: false, version: '0' });
    expect(stylish).toContain(`${ds.length} problems`);
    expect(JSON.parse(formatJson(ds)).diagnostics).toHaveLength(ds.length);
    expect(formatGithub(ds).split('\n')).toHaveLength(ds.length + 1);
  };

  it('7,000 RUN lines (as many as 256 KiB holds): more than 63,000 findings collected and reported by every reporter', () => {
    const lines = ['FROM python:3.12-slim'];
    for (let i = 0; i < 7_000; i++) lines.push('RUN pip install a b c d e f g h i');
    const text = `${lines.join('\n')}\n`;
    const ds = lint(dockerfile(text)).diagnostics;
    expect(ds.length).toBeGreaterThan(63_000);
    reportsAll(ds, text);
  }, LARGE);

  it('200,000 findings from one rule (the issue had 135,000): collected and reported by every reporter', () => {
    const flood = testRule('flood', 'finding {{n}}', (ctx) => ({
      RUN(node) {
        for (let n = 0; n < 200_000; n++) ctx.report({ messageId: 'm', range: node.range, data: { n: String(n) } });
      },
    }));
    const text = 'FROM python:3.12-slim\nRUN true\n';
    const ds = lint(dockerfile(text), undefined, [flood]).diagnostics;
    expect(ds).toHaveLength(200_000);
    reportsAll(ds, text);
  }, LARGE);

  it('20,000 YAML errors on one 40,000-character compose line: the first 50 listed and the rest counted, stylish cuts the code frames', () => {
    const line = `  app: {${' ]'.repeat(20_000)}`;
    const text = `services:\n${line}\n`;
    const ds = lint({ compose: { path: 'compose.yaml', text } }).diagnostics;
    expect(ds).toHaveLength(MAX_SYNTAX_ERRORS + 1);
    expect(ds[MAX_SYNTAX_ERRORS]?.message).toMatch(/more syntax errors from here on/);
    const out = formatStylish(ds, { sources: new Map([['compose.yaml', text]]), color: false, version: '0' });
    const longest = Math.max(...out.split('\n').map((l) => l.length));
    expect(longest).toBeLessThan(500);
    expect(out).toContain('…');
  }, LARGE);
});
