import { describe, expect, it } from 'vitest';
import { readPythonModule } from './python.js';
import { detectServices } from './services.js';

/** The services a project without drivers, Django or Celery needs, from the URLs in one module's code. */
const fromCode = (text: string) =>
  detectServices({ deps: new Map(), django: undefined, celery: undefined, envReads: [], modules: [readPythonModule(text, 'db.py', 'db')] }).map((s) => [s.kind, s.reason.source]);

describe('detectServices: URLs in the code', () => {
  it('finds a postgresql:// or redis:// URL outside comments, at its line', () => {
    const text = '# engine = create_engine("postgresql://old")\nengine = create_engine("postgresql+psycopg://db/app")  # was "redis://"\n';
    expect(fromCode(text)).toEqual([['postgres', { file: 'db.py', line: 2 }]]);
    expect(fromCode('cache = "rediss://cache:6380"\n')).toEqual([['redis', { file: 'db.py', line: 1 }]]);
    expect(fromCode('url = "redis" "://x"\n')).toEqual([]);
  });

  it('cuts a comment that holds a U+2028 (not a line break to Python)', () => {
    expect(fromCode('x = 1  # old:\u2028"redis://old"\r\ny = 2\r\n')).toEqual([]);
  });

  it('cuts a comment of many `#` in linear time', () => {
    const hashes = '#'.repeat(200_000);
    expect(fromCode(`${hashes}\u2028\nurl = "redis://x"  ${hashes}\u2028\n`)).toEqual([['redis', { file: 'db.py', line: 2 }]]);
  });
});
