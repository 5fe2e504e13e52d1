import { describe, expect, it } from 'vitest';
import { logicalLines, physicalLines, stripComment } from './lines.js';

describe('physicalLines', () => {
  it('drops a UTF-8 BOM and splits CRLF, CR and LF as Python splitlines does', () => {
    expect(physicalLines('\ufeffa\r\nb\rc\nd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(physicalLines('a\n\n')).toEqual(['a', '']);
    expect(physicalLines('')).toEqual([]);
    expect(physicalLines('\ufeff')).toEqual([]);
  });
});

describe('stripComment', () => {
  it('cuts at a # that starts the line or follows whitespace, and the whitespace before it', () => {
    expect(stripComment('requests==2.0  # pinned')).toBe('requests==2.0');
    expect(stripComment('# whole line')).toBe('');
    expect(stripComment('git+https://x/y.git#egg=y')).toBe('git+https://x/y.git#egg=y');
    expect(stripComment('a#b #c')).toBe('a#b');
    expect(stripComment('celery==4.4.2  # pyup: < 5.0  # https://github.com/celery/celery')).toBe('celery==4.4.2');
  });
});

describe('logicalLines', () => {
  it('joins continuation lines and numbers the result by its first line', () => {
    const text = ['a==1 \\', '    --hash=sha256:aa \\', '    --hash=sha256:bb', 'b==2'].join('\n');
    expect(logicalLines(text)).toEqual([
      { line: 1, text: 'a==1     --hash=sha256:aa     --hash=sha256:bb' },
      { line: 4, text: 'b==2' },
    ]);
  });

  it('ends a continuation at a comment line, as pip-compile output needs', () => {
    const text = ['a==1 \\', '    --hash=sha256:aa \\', '    # via b', 'c==3'].join('\n');
    expect(logicalLines(text)).toEqual([
      { line: 1, text: 'a==1     --hash=sha256:aa' },
      { line: 4, text: 'c==3' },
    ]);
  });

  it('does not continue a comment line that ends in a backslash', () => {
    expect(logicalLines('# note \\\nx==1\n')).toEqual([{ line: 2, text: 'x==1' }]);
  });

  it('keeps a continuation that runs to the end of the file, and an empty line ends one', () => {
    expect(logicalLines('a==1 \\\n  ; python_version < "3.12" \\')).toEqual([{ line: 1, text: 'a==1   ; python_version < "3.12"' }]);
    expect(logicalLines('a==1 \\\n\nb')).toEqual([
      { line: 1, text: 'a==1' },
      { line: 3, text: 'b' },
    ]);
  });

  it('skips blank and comment lines and keeps ${VAR} as written', () => {
    expect(logicalLines('\r\n   \r\n# c\r\n-i ${INDEX_URL}\r\n')).toEqual([{ line: 4, text: '-i ${INDEX_URL}' }]);
  });
});
