import { describe, expect, it } from 'vitest';
import { envReads } from './env.js';
import { readPythonModule } from './python.js';

const names = (text: string) => envReads(readPythonModule(text, 'settings.py', 'settings')).map((r) => [r.name, r.line]);

describe('envReads: os.environ[...]', () => {
  it('reads subscripts before a `#` on their line, at their line', () => {
    const text = ['import os', 'A = os.environ["A"]; B = os.environ[ \'B\' ]  # C = os.environ["C"]', '# D = os.environ["D"]', 'E = "#" + os.environ["E"]', 'F = os.environ["F"]'].join('\n');
    expect(names(text)).toEqual([
      ['A', 2],
      ['B', 2],
      ['F', 5],
    ]);
  });

  it('reads a long line of subscripts in linear time', () => {
    const reads = 'os.environ["A"], '.repeat(15_000);
    expect(names(`import os\nx = [${reads}]\ny = [${reads}]  # ${reads}\n`)).toHaveLength(30_000);
  });
});
