import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { memoryReader } from '../../src/core/reader.js';
import { parsePythonVersion } from '../../src/inspect/python/python-version.js';
import { readRequirementsFile } from '../../src/inspect/requirements/parse.js';
import { locateToml } from '../../src/inspect/toml/locate.js';
import { parseToml } from '../../src/inspect/toml/parse.js';
import { lint } from '../../src/lint/engine.js';
import { parseIgnoreFile, stripJsonc } from '../../src/lint/files.js';
import { isIgnored } from '../../src/lint/ignore-match.js';
import { allRules } from '../../src/lint/rules/index.js';

// Format-aware generators (fast-check) for properties the mutation fuzzer cannot state: what a parser must
// find in a well-formed file, and that no generated file throws anything but a UserError.
const RUNS = { numRuns: 150, seed: 20261201 };

const nameChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));
const projectName = fc
  .tuple(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), fc.string({ unit: fc.oneof(nameChar, fc.constantFrom('-', '_', '.')), maxLength: 12 }), nameChar)
  .map(([a, b, c]) => `${a}${b}${c}`);
const version = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.'));

describe('TOML: every key is found at the line it is written on', () => {
  // Bare keys (no dots: `a.b` is a dotted key) and quoted keys of any characters.
  const key = fc.oneof(projectName.filter((k) => !k.includes('.')), fc.string({ minLength: 1, maxLength: 8 }).map((s) => JSON.stringify(s)));
  const value = fc.oneof(fc.integer().map(String), fc.string({ maxLength: 10 }).map((s) => JSON.stringify(s)), fc.constant('[1, 2]'), fc.constant('{ a = 1 }'));
  it('in tables of random quoted and bare keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength: 8, selector: ([k]) => parseKey(k) }), (pairs) => {
        const lines = ['[tool.fuzz]', ...pairs.map(([k, v]) => `${k} = ${v}`)];
        const text = `${lines.join('\n')}\n`;
        const doc = parseToml(text, 'pyproject.toml');
        const at = locateToml(text, 'pyproject.toml');
        pairs.forEach(([k], i) => {
          const name = parseKey(k);
          expect((doc.tool as Record<string, Record<string, unknown>>).fuzz?.[name]).toBeDefined();
          expect(at.find(['tool', 'fuzz', name])?.line).toBe(i + 2);
        });
      }),
      RUNS,
    );
  });
});

function parseKey(k: string): string {
  return k.startsWith('"') ? (JSON.parse(k) as string) : k;
}

describe('requirements: every requirement line is read, with its line', () => {
  const op = fc.constantFrom('==', '>=', '~=', '!=', '<', '===');
  const marker = fc.constantFrom('', ' ; python_version < "3.13"', '; sys_platform == "linux"', ' ; extra == "x"');
  const extras = fc.constantFrom('', '[a]', '[a,b]');
  const line = fc.tuple(projectName, extras, op, version, marker).map(([n, e, o, v, m]) => ({ name: n, text: `${n}${e}${o}${v}${m}` }));
  const noise = fc.constantFrom('', '# a comment', '   ', '--index-url https://example.org/simple');
  it('between comments, blank lines and options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(line, noise), { minLength: 1, maxLength: 10 }), async (rows) => {
        const textLines = rows.flatMap(([r, n]) => [r.text, n]);
        const file = await readRequirementsFile(memoryReader({ 'requirements.txt': `${textLines.join('\n')}\n` }), 'requirements.txt');
        expect(file?.requirements.map((r) => r.name?.replace(/[-_.]+/g, '-'))).toEqual(rows.map(([r]) => r.name.replace(/[-_.]+/g, '-')));
      }),
      RUNS,
    );
  });
});

describe('.python-version: the first version line wins, whatever surrounds it', () => {
  it('gives X.Y for X.Y[.Z] among comments and blank lines', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 14 }), fc.option(fc.nat({ max: 30 })), fc.array(fc.constantFrom('', '# pinned', '   '), { maxLength: 3 }), (minor, patch, before) => {
        const v = `3.${minor}${patch === null ? '' : `.${patch}`}`;
        const { pin } = parsePythonVersion(`${[...before, `  ${v}  `, '3.99'].join('\n')}\n`, '.python-version');
        expect(pin?.minor).toBe(`3.${minor}`);
        expect(pin?.source.line).toBe(before.length + 1);
      }),
      RUNS,
    );
  });
});

describe('devcontainer.json: comments are stripped, strings are left alone', () => {
  it('JSON with // and /* */ comments at line starts parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('// c', '/* c */', '/* // */', '// "x": 1,'), (value, comment) => {
        const json = JSON.stringify(value, null, 2);
        const commented = json.split('\n').map((l) => `${comment}\n${l}`).join('\n');
        expect(JSON.parse(stripJsonc(commented))).toEqual(JSON.parse(json));
      }),
      RUNS,
    );
  });
});

describe('.dockerignore: a literal path pattern excludes that path, and `!` brings it back', () => {
  const segment = fc.string({ unit: fc.oneof(nameChar, fc.constantFrom('-', '_', '.')), minLength: 1, maxLength: 6 }).filter((s) => s !== '.' && s !== '..');
  it('for random paths', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (parts) => {
        const p = parts.join('/');
        expect(isIgnored(parseIgnoreFile({ path: '.dockerignore', text: `${p}\n` }), p).excluded).toBe(true);
        expect(isIgnored(parseIgnoreFile({ path: '.dockerignore', text: `${p}\n!${p}\n` }), p).excluded).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('Dockerfile: generated instructions never make check throw, and every finding points into the file', () => {
  const word = fc.constantFrom('python:3.13-slim', 'a', '$A', '${A:-b}', '"x y"', "'z'", '.', './src', '/app', '--from=a', '--chown=1:1', '[', ']', '["a", "b"]', '&&', '\\', '<<EOF', 'EOF', 'pip', 'install', '-r', 'requirements.txt', 'AS', 'b', 'root', '10001');
  const instruction = fc
    .tuple(fc.constantFrom('FROM', 'ARG', 'ENV', 'RUN', 'COPY', 'ADD', 'USER', 'WORKDIR', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'LABEL', 'EXPOSE', 'SHELL', 'ONBUILD', 'from', 'STOPSIGNAL'), fc.array(word, { maxLength: 6 }))
    .map(([k, ws]) => [k, ...ws].join(' '));
  const ruleIds = new Set([...allRules.map((r) => r.id)]);
  it('with a compose file and a .dockerignore beside it', () => {
    fc.assert(
      fc.property(fc.array(instruction, { minLength: 1, maxLength: 15 }), (lines) => {
        const text = `${lines.join('\n')}\n`;
        let diagnostics;
        try {
          diagnostics = lint({ dockerfile: { path: 'Dockerfile', text }, dockerignore: { path: '.dockerignore', text: '.git\n' }, now: new Date('2026-01-01') }).diagnostics;
        } catch (error) {
          if (error instanceof UserError) return;
          throw error;
        }
        for (const d of diagnostics) {
          expect(ruleIds.has(d.ruleId), d.ruleId).toBe(true);
          if (d.file === 'Dockerfile') expect(d.range.start.line).toBeLessThanOrEqual(lines.length);
        }
      }),
      RUNS,
    );
  });
});
