import { describe, expect, it } from 'vitest';
import { isCommandStringOption, logicalText, parseShell } from './shell.js';
import { LineIndex } from './text.js';

const cmds = (src: string) => {
  const index = new LineIndex(src);
  return parseShell(logicalText(src, 0, src.length, '\\'), index).commands.map((c) => c.argv.map((w) => w.value));
};

describe('parseShell', () => {
  it('splits on && || ; | and newlines', () => {
    expect(cmds('a 1 && b 2 || c; d | e\nf')).toEqual([['a', '1'], ['b', '2'], ['c'], ['d'], ['e'], ['f']]);
  });
  it('removes quotes, keeps expansions, drops redirections', () => {
    expect(cmds(`echo "a b" 'c $d' $E "\${F}" > /dev/null 2>&1`)).toEqual([['echo', 'a b', 'c $d', '$E', '${F}']]);
  });
  it('unwraps sudo, env, exec and assignments', () => {
    const index = new LineIndex('');
    const src = 'sudo -u root env A=1 exec pip install x';
    const c = parseShell(logicalText(src, 0, src.length, '\\'), index).commands[0];
    expect([c?.name, c?.wrappers, c?.assignments.map((a) => a.name)]).toEqual(['pip', ['sudo', 'env', 'exec'], ['A']]);
  });
  it('treats python -m poetry/uv as the tool itself', () => {
    expect(cmds('python3 -m poetry install --no-root && python -m pip install x')).toEqual([['poetry', 'install', '--no-root'], ['python', '-m', 'pip', 'install', 'x']]);
  });
  it('parses sh -c strings as nested commands', () => {
    expect(cmds(`sh -c "pip install x && echo done"`)).toEqual([['sh', '-c', 'pip install x && echo done'], ['pip', 'install', 'x'], ['echo', 'done']]);
  });
  it('takes -c, -ec, -lc for a command string, not -x or --c', () => {
    expect(['-c', '-ec', '-lc', '-xec', '-cx', '-ecc'].map(isCommandStringOption)).toEqual([true, true, true, true, true, true]);
    expect(['-x', '-e', '--c', '-C', 'c', '-c1', '-'].map(isCommandStringOption)).toEqual([false, false, false, false, false, false, false]);
  });
  it('reads a 200,000-letter -cccc…1 option as an option, not as -c', () => {
    const opt = `-${'c'.repeat(200_000)}1`;
    expect(isCommandStringOption(opt)).toBe(false);
    expect(cmds(`sh ${opt} 'pip install x'`)).toEqual([['sh', opt, 'pip install x']]);
  });
  it('skips shell comments and heredoc bodies, keeps if/then bodies', () => {
    expect(cmds('cat <<EOF > f\npip install nope\nEOF\nif true; then pip install y; fi # c')).toEqual([['cat'], ['true'], ['pip', 'install', 'y']]);
  });
  it('joins continuations and drops comment lines inside them', () => {
    const t = logicalText('a \\\n  # c\n  b', 0, 13, '\\');
    expect(t.text).toBe('a   b');
  });
});
