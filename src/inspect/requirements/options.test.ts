import { describe, expect, it } from 'vitest';
import { parseOptions, shellSplit, splitArgsOptions } from './options.js';

describe('splitArgsOptions', () => {
  it('splits at the first word that starts with -', () => {
    expect(splitArgsOptions('a==1     --hash=sha256:aa')).toEqual({ args: 'a==1', options: '--hash=sha256:aa' });
    expect(splitArgsOptions('-r base.txt')).toEqual({ args: '', options: '-r base.txt' });
    expect(splitArgsOptions('foo-bar>=1 ; python_version < "3-4"')).toEqual({ args: 'foo-bar>=1 ; python_version < "3-4"', options: '' });
  });
});

describe('shellSplit', () => {
  it('splits as shlex.split does', () => {
    expect(shellSplit(`--a 'b c' "d \\" e" f\\ g`)).toEqual(['--a', 'b c', 'd " e', 'f g']);
    expect(shellSplit(`x''`)).toEqual(['x']);
    expect(shellSplit(`"unclosed`)).toBeUndefined();
    expect(shellSplit('trailing\\')).toBeUndefined();
  });
});

describe('parseOptions', () => {
  it('reads long options with = or a space, short options attached or apart, and prefixes', () => {
    expect(parseOptions('--index-url=https://a -i https://b -rbase.txt --extra-index https://c --no-index --pre').options).toEqual([
      { name: 'index-url', value: 'https://a' },
      { name: 'index-url', value: 'https://b' },
      { name: 'requirement', value: 'base.txt' },
      { name: 'extra-index-url', value: 'https://c' },
      { name: 'no-index', value: undefined },
      { name: 'pre', value: undefined },
    ]);
  });

  it('reports unknown, ambiguous and malformed options and stray words', () => {
    const { options, problems } = parseOptions('--install-option=x --no --pre=1');
    expect(options).toEqual([]);
    expect(problems).toEqual([
      { kind: 'unknown', message: 'unknown option --install-option' },
      { kind: 'unknown', message: 'ambiguous option --no (--no-index, --no-binary)' },
      { kind: 'error', message: 'option --pre takes no value' },
    ]);
    expect(parseOptions('--hash').problems).toEqual([{ kind: 'error', message: 'option --hash needs a value' }]);
    expect(parseOptions('-r a.txt b.txt').problems).toEqual([{ kind: 'ignored', message: 'pip ignores the word `b.txt` among the options' }]);
    expect(parseOptions('-x').problems).toEqual([{ kind: 'unknown', message: 'unknown option -x' }]);
  });
});
