import { describe, expect, it } from 'vitest';
import { defaultCheckConfig } from '../config.js';
import { lint } from '../engine.js';
import { ruleTester } from '../testing/rule-tester.js';
import { buildToolsRepeated } from './build-tools-repeated.js';

ruleTester(buildToolsRepeated, {
  valid: [
    'FROM python:3.12 AS b\nRUN pip install poetry==1.8.3\nFROM b AS c\nFROM b AS d\n',
    'FROM python:3.12 AS b\nRUN apt-get install -y gcc\nFROM python:3.12 AS c\nRUN pip install poetry==1.8.3\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS a\nRUN apt-get install -y build-essential\nFROM python:3.12 AS b\nRUN apt-get install -y build-essential\n',
      errors: [{ messageId: 'repeated', line: 4, column: 24, endLine: 4, endColumn: 39 }],
    },
  ],
});

describe('build-tools-repeated on 12,000 installs of one tool in each stage (found by the fuzzer: each looked through every earlier install)', () => {
  const findings = (text: string) => lint({ dockerfile: { path: 'Dockerfile', text } }, defaultCheckConfig, [buildToolsRepeated]).diagnostics;
  const many = `RUN pip install ${'poetry==1 '.repeat(12_000)}\n`;
  it('reports nothing when one stage installs it many times', () => {
    expect(findings(`FROM python:3.13-slim\n${many}`)).toEqual([]);
  });
  it('reports a second unrelated stage once, pointing at the first install', () => {
    const ds = findings(`FROM python:3.13-slim AS a\n${many}FROM python:3.13-slim AS b\n${many}`);
    expect(ds.map((d) => d.message)).toEqual(['poetry is installed again here; stage "a" (line 2) already installs it. Build this stage FROM a shared builder instead.']);
  });
});
