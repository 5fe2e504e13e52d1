import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.js';
import { dockerfileSuppressions, lineSuppressions, type Suppressions } from './suppress.js';

const shown = (s: Suppressions) => ({ global: [...s.global], spans: s.spans.map((x) => ({ from: x.from, to: x.to, rules: [...x.rules] })) });
const inDockerfile = (text: string) => shown(dockerfileSuppressions(parseDockerfile(text)));
const rules = (text: string) => {
  const s = lineSuppressions(text);
  return { global: [...s.global], spans: s.spans.map((x) => ({ from: x.from, rules: [...x.rules] })) };
};

describe('lineSuppressions', () => {
  it('reads the rule list of a pragma, with spaces around it', () => {
    expect(rules('# pycrane ignore=PC101, no-latest-tag  \nx: 1\n')).toEqual({ global: [], spans: [{ from: 1, rules: ['PC101', 'no-latest-tag'] }] });
    expect(rules('//pycrane   global   ignore =  PC101 ,PC102\n')).toEqual({ global: ['PC101', 'PC102'], spans: [] });
    expect(rules('# pycrane ignore=\n# pycrane ignore=PC1!\n# pycrane ignore PC1\n')).toEqual({ global: [], spans: [] });
  });
  it('reads a pragma with 200,000 spaces inside its list and a character that ends it', () => {
    const gap = ' '.repeat(200_000);
    expect(rules(`# pycrane ignore=${gap}PC101${gap}!\nx\n`)).toEqual({ global: [], spans: [] });
    expect(rules(`# pycrane ignore=${gap}PC101${gap}PC102\nx\n`)).toEqual({ global: [], spans: [{ from: 1, rules: [`PC101${gap}PC102`] }] });
  });
});

describe('dockerfileSuppressions', () => {
  it('covers the next instruction, not a pragma inside a continued one', () => {
    const text = '# pycrane global ignore=PC602\nFROM python:3.12\n# pycrane ignore=PC603\n\nRUN pip install \\\n    # pycrane ignore=PC101\n    flask\nCMD ["app"]\n# pycrane ignore=PC101\n';
    expect(inDockerfile(text)).toEqual({ global: ['PC602'], spans: [{ from: 4, to: 6, rules: ['PC603'] }] });
    expect(inDockerfile('FROM a\nRUN x && \\\n  y\n# pycrane ignore=PC1\nRUN z\n')).toEqual({ global: [], spans: [{ from: 4, to: 4, rules: ['PC1'] }] });
  });
  it('reads 8,500 pragmas, each before an instruction, in one sweep', () => {
    const s = dockerfileSuppressions(parseDockerfile(`FROM python:3.12\n${'# pycrane ignore=PC101\nRUN a\n'.repeat(8_500)}`));
    expect(s.spans).toHaveLength(8_500);
    expect(s.spans[8_499]).toEqual({ from: 17_000, to: 17_000, rules: new Set(['PC101']) });
  });
});
