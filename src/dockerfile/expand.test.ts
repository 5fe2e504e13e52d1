import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandVars, MAX_EXPANSION, Scope, variableRefs } from './expand.js';
import { parseDockerfile } from './parse.js';

const vars = (m: Record<string, string>) => (name: string) => (name in m ? { value: m[name] as string, complete: true } : undefined);

describe('expandVars', () => {
  it('expands the forms the Dockerfile frontend knows', () => {
    const look = vars({ A: 'a', E: '' });
    expect(expandVars('$A ${A} ${B:-d} ${E:-d} ${E-d} ${A:+x} ${B+x} \\$A', look)).toEqual({ value: 'a a d d  x  $A', complete: false });
    expect(expandVars('x$A-$A', look)).toEqual({ value: 'xa-a', complete: true });
  });

  it('caps what substitutions add at MAX_EXPANSION and keeps the text as written', () => {
    const big = 'x'.repeat(MAX_EXPANSION / 2);
    expect(expandVars('$B$B', vars({ B: big })).value).toHaveLength(MAX_EXPANSION);
    expect(expandVars('$B$B$B', vars({ B: big }))).toEqual({ value: '$B$B$B', complete: false, tooLong: true });
    // A long literal is the user's own text: only what expansion adds counts.
    const literal = `${'y'.repeat(200_000)}$A`;
    expect(expandVars(literal, vars({ A: 'a' })).value).toHaveLength(200_001);
    expect(expandVars('${X:-$B$B$B}', vars({ B: big })).tooLong).toBe(true);
  });

  it('is linear in a value with 100,000 references', () => {
    const text = '$A'.repeat(100_000);
    expect(expandVars(text, vars({ A: '' })).value).toBe('');
    expect(new Scope().expand(text).value).toBe(text);
  });
});

describe('exponential ARG chains', () => {
  it('keep every value bounded: 40 doubling lines parse, each value under the cap', () => {
    const lines = ['FROM python:3.12-slim', 'ARG B0=x', ...Array.from({ length: 40 }, (_, i) => `ARG B${i + 1}=$B${i}$B${i}`)];
    const model = parseDockerfile(`${lines.join('\n')}\n`);
    const pairs = model.instructions.flatMap((n) => (n.kind === 'kv' ? n.pairs : []));
    expect(pairs).toHaveLength(41);
    for (const p of pairs) expect(p.resolved?.value.length ?? 0).toBeLessThanOrEqual(MAX_EXPANSION + 16);
    expect(pairs.filter((p) => p.resolved?.tooLong).length).toBeGreaterThan(0);
    expect(pairs[16]?.resolved).toEqual({ value: 'x'.repeat(2 ** 16), complete: true });
    expect(pairs[17]?.resolved).toEqual({ value: '$B16$B16', complete: false, tooLong: true });
  });
});

describe('Scope', () => {
  const bind = (value: string, kind: 'arg' | 'env' = 'env') => ({ kind, value, complete: true, line: 0 });
  it('keeps the latest binding of a name at its first position, across flattened layers', () => {
    let scope = new Scope();
    for (let i = 0; i < 100; i++) scope = scope.with(`V${i % 10}`, bind(String(i), i % 2 === 0 ? 'env' : 'arg'));
    expect(scope.names()).toEqual(Array.from({ length: 10 }, (_, i) => `V${i}`));
    expect(scope.get('V3')?.value).toBe('93');
    expect(scope.envOnly().names()).toEqual(['V0', 'V2', 'V4', 'V6', 'V8']);
    expect(scope.has('V10')).toBe(false);
  });

  it('14,000 ENV lines: every instruction keeps its scope without copying all the names each time', () => {
    const lines = ['FROM python:3.12-slim'];
    for (let i = 0; i < 14_000; i++) lines.push(`ENV V${i}=x${i}`);
    lines.push('RUN echo $V0 $V13999');
    const model = parseDockerfile(`${lines.join('\n')}\n`);
    const stage = model.stages[0];
    expect(stage?.finalScope.names()).toHaveLength(14_000);
    expect(stage?.finalScope.expand('$V0-$V12345-$V13999').value).toBe('x0-x12345-x13999');
    const mid = stage?.instructions[10_001];
    expect(mid?.scope.get('V9999')?.value).toBe('x9999');
    expect(mid?.scope.get('V10000')).toBeUndefined();
  });
});

// The single regular expression variableRefs was before the fuzzer found it quadratic on unclosed `${A:-`.
function refsByReference(text: string) {
  const refs: ReturnType<typeof variableRefs> = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === '\\') continue;
    refs.push({ name: (m[1] ?? m[3]) as string, start: m.index, end: m.index + m[0].length, modifier: m[2] });
  }
  return refs;
}

describe('variableRefs', () => {
  it('finds $A, ${A} and ${A:-word} with their offsets and modifiers', () => {
    expect(variableRefs('x $A ${B} ${C:-d e} \\$E ${F:x} ${G')).toEqual([
      { name: 'A', start: 2, end: 4, modifier: undefined },
      { name: 'B', start: 5, end: 9, modifier: undefined },
      { name: 'C', start: 10, end: 19, modifier: ':-d e' },
    ]);
  });
  it('agrees with the earlier regular expression on strings of expansion characters', () => {
    const char = fc.constantFrom(...'$${}}:-+?aB_9 \\x'.split(''));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')), (text) => {
        expect(variableRefs(text)).toEqual(refsByReference(text));
      }),
      { numRuns: 5000 },
    );
  });
  it('reads 100,000 unclosed ${A:- in one pass (the reference took minutes)', () => {
    expect(variableRefs('${A:-'.repeat(100_000))).toEqual([]);
    expect(variableRefs(`${'${A:-'.repeat(100_000)}}`)).toHaveLength(1);
  });
});
