/** Is this smaller input still failing the same way? */
export type StillFails = (text: string) => Promise<boolean>;

export interface MinimiseOptions {
  /** Stop after this many predicate calls (a hang costs a time-out each). */
  readonly maxTests: number;
  /** And at this time (Date.now()): a 200,000-character input takes long to run a thousand times. */
  readonly deadline?: number;
}

/** Zeller's ddmin over units (lines or characters): the smallest subsequence it finds that still fails. */
interface Budget {
  left: number;
  readonly deadline: number;
}

const spent = (b: Budget) => b.left <= 0 || Date.now() > b.deadline;

async function ddmin(units: readonly string[], join: (u: readonly string[]) => string, fails: StillFails, budget: Budget): Promise<string[]> {
  let current = [...units];
  let n = 2;
  while (current.length >= 2 && !spent(budget)) {
    const chunk = Math.ceil(current.length / n);
    let reduced = false;
    for (let i = 0; i < n && !spent(budget); i++) {
      const subset = current.slice(i * chunk, (i + 1) * chunk);
      const complement = [...current.slice(0, i * chunk), ...current.slice((i + 1) * chunk)];
      if (subset.length === 0) continue;
      budget.left--;
      if (await fails(join(subset))) {
        current = subset;
        n = 2;
        reduced = true;
        break;
      }
      if (n > 2 && complement.length > 0) {
        budget.left--;
        if (await fails(join(complement))) {
          current = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return current;
}

/** Splits keeping each line's newline, so joining gives the text back. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/**
 * Delta debugging by lines, then by characters. `fails(text)` must be true for the input; the result is
 * a smaller input for which it is still true (the input itself when nothing smaller fails).
 */
export async function minimise(text: string, fails: StillFails, options: MinimiseOptions): Promise<string> {
  const budget: Budget = { left: options.maxTests, deadline: options.deadline ?? Infinity };
  const byLines = (await ddmin(linesOf(text), (u) => u.join(''), fails, budget)).join('');
  return (await ddmin([...byLines], (u) => u.join(''), fails, budget)).join('');
}
