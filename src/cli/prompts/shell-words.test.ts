import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinShellWords, splitShellWords } from './shell-words.js';

describe('splitShellWords', () => {
  it('splits on blanks and keeps quoted text as one word, without the quotes', () => {
    expect(splitShellWords(`  gunicorn -b 0.0.0.0:8000 'app:create_app()' "a \\"b\\" \\n" c\\ d ''`)).toEqual({
      words: ['gunicorn', '-b', '0.0.0.0:8000', 'app:create_app()', 'a "b" \\n', 'c d', ''],
    });
    expect(splitShellWords('x"y"\'z\'')).toEqual({ words: ['xyz'] });
  });

  it('says what is wrong with a line it cannot split', () => {
    expect(splitShellWords("run 'x")).toEqual({ error: 'a single quote is not closed' });
    expect(splitShellWords('run "x')).toEqual({ error: 'a double quote is not closed' });
    expect(splitShellWords('run x\\')).toEqual({ error: 'a backslash ends the line' });
  });
});

describe('joinShellWords', () => {
  it('quotes only what needs it', () => {
    expect(joinShellWords(['/opt/venv/bin/app', '--help', 'a b', "it's", ''])).toBe(`/opt/venv/bin/app --help 'a b' 'it'\\''s' ''`);
  });

  it('is split back into the same words', () => {
    fc.assert(fc.property(fc.array(fc.string()), (words) => {
      expect(splitShellWords(joinShellWords(words))).toEqual({ words });
    }));
  });
});
