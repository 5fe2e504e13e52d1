/** A variable's binding in a stage: from `ARG` (with its default or the global one) or `ENV`. */
export interface Binding {
  readonly kind: 'arg' | 'env';
  /** undefined: an ARG declared without any default (empty unless `--build-arg` sets it). */
  readonly value: string | undefined;
  /** The value contains references that could not be resolved (image ENV, build args). */
  readonly complete: boolean;
  /** 0-based line of the declaring instruction. */
  readonly line: number;
}

/**
 * Variables visible at one instruction. Immutable: `with` returns a new scope. Every instruction keeps
 * its scope, so copying the whole map at each ARG/ENV made 20,000 ENV lines quadratic in time and memory
 * (out of memory): a scope is a layer over its parent, flattened into one map every √size layers, which
 * keeps both the memory and the walk of a lookup near O(√n) per instruction.
 */
export class Scope {
  private readonly layer: ReadonlyMap<string, Binding>;
  /** undefined: `layer` holds every visible binding. */
  private readonly parent: Scope | undefined;
  private readonly depth: number;
  /** Visible names, or an upper bound of them. */
  private readonly size: number;

  constructor(vars: ReadonlyMap<string, Binding> = new Map(), parent?: Scope) {
    this.layer = vars;
    this.parent = parent;
    this.depth = parent ? parent.depth + 1 : 0;
    this.size = (parent?.size ?? 0) + vars.size;
  }

  get(name: string): Binding | undefined {
    return Scope.find(this, name);
  }

  private static find(start: Scope, name: string): Binding | undefined {
    for (let s: Scope | undefined = start; s; s = s.parent) {
      const b = s.layer.get(name);
      if (b !== undefined) return b;
    }
    return undefined;
  }

  /** The layers from `start` up to the flat one, oldest first. */
  private static layers(start: Scope): ReadonlyMap<string, Binding>[] {
    const out: ReadonlyMap<string, Binding>[] = [];
    for (let s: Scope | undefined = start; s; s = s.parent) out.push(s.layer);
    return out.reverse();
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  with(name: string, binding: Binding): Scope {
    return this.withMany([[name, binding]]);
  }

  withMany(entries: readonly (readonly [string, Binding])[]): Scope {
    if (entries.length === 0) return this;
    const layer = new Map<string, Binding>();
    for (const [name, binding] of entries) layer.set(name, binding);
    if (this.depth + 1 < Math.max(16, Math.sqrt(this.size))) return new Scope(layer, this);
    const flat = this.all() as Map<string, Binding>;
    for (const [name, binding] of layer) flat.set(name, binding);
    return new Scope(flat);
  }

  /** Every visible binding, in the order the names were first declared. */
  private all(): Map<string, Binding> {
    const out = new Map<string, Binding>();
    for (const layer of Scope.layers(this)) for (const [name, binding] of layer) out.set(name, binding);
    return out;
  }

  /** Only the ENV bindings: what a stage built `FROM` this one inherits. */
  envOnly(): Scope {
    return new Scope(new Map([...this.all()].filter(([, b]) => b.kind === 'env')));
  }

  names(): string[] {
    return [...this.all().keys()];
  }

  expand(text: string, escapeChar = '\\'): Expanded {
    return expandVars(text, (name) => {
      const b = this.get(name);
      if (!b || b.value === undefined) return undefined;
      return { value: b.value, complete: b.complete };
    }, escapeChar);
  }
}

export interface Expanded {
  /** The text with every known variable substituted; unknown references stay as written. */
  readonly value: string;
  /** Every reference was known. */
  readonly complete: boolean;
  /**
   * The expansion would have been longer than MAX_EXPANSION: `value` is the text as written (not expanded)
   * and `complete` is false. Chains such as `ARG B=$A$A`, `ARG C=$B$B` grow exponentially.
   */
  readonly tooLong?: true;
}

/** Longest expansion pycrane computes (64 KiB); longer ones stay as written and are reported (PC191). */
export const MAX_EXPANSION = 64 * 1024;

export type Lookup = (name: string) => { value: string; complete: boolean } | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
/** NAME at lastIndex, without slicing the text (a slice per `$` is quadratic on long values). */
const NAME_AT = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Expands `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` as the Dockerfile frontend does.
 * Linear in the text and the result. Substitutions may add at most `limit` characters to the text as written;
 * a longer result is not built (see Expanded.tooLong).
 */
export function expandVars(text: string, lookup: Lookup, escapeChar = '\\', limit = MAX_EXPANSION): Expanded {
  if (!text.includes('$')) return { value: text, complete: true };
  const result = expandWithin(text, lookup, escapeChar, limit);
  return result ?? { value: text, complete: false, tooLong: true };
}

/** undefined when the result grows more than `limit` past the text. */
function expandWithin(text: string, lookup: Lookup, escapeChar: string, limit: number): Expanded | undefined {
  const cap = text.length + limit;
  let out = '';
  let complete = true;
  let i = 0;
  while (i < text.length) {
    if (out.length > cap) return undefined;
    const c = text[i] as string;
    if (c === escapeChar && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = text.indexOf('}', i + 2);
      if (close === -1) {
        out += text.slice(i);
        complete = false;
        break;
      }
      const inner = text.slice(i + 2, close);
      const m = NAME.exec(inner);
      const raw = text.slice(i, close + 1);
      i = close + 1;
      if (!m) {
        out += raw;
        complete = false;
        continue;
      }
      const name = m[0];
      const rest = inner.slice(name.length);
      const found = lookup(name);
      const mod = /^(:?[-+?])(.*)$/s.exec(rest);
      if (mod) {
        const op = mod[1] as string;
        const word = expandVars(mod[2] ?? '', lookup, escapeChar, limit);
        if (word.tooLong) return undefined;
        const isSet = found !== undefined && (op.startsWith(':') ? found.value !== '' : true);
        if (op.endsWith('-')) {
          if (found !== undefined && isSet) {
            out += found.value;
            complete &&= found.complete;
          } else {
            out += word.value;
            complete &&= word.complete && found !== undefined;
          }
        } else if (op.endsWith('+')) {
          if (found === undefined) complete = false;
          else if (isSet) out += word.value;
        } else {
          if (found) out += found.value;
          else complete = false;
        }
        continue;
      }
      if (found) {
        out += found.value;
        complete &&= found.complete;
      } else {
        out += raw;
        complete = false;
      }
      continue;
    }
    NAME_AT.lastIndex = i + 1;
    const m = NAME_AT.exec(text);
    if (!m) {
      out += c;
      i++;
      continue;
    }
    const found = lookup(m[0]);
    if (found) {
      out += found.value;
      complete &&= found.complete;
    } else {
      out += text.slice(i, i + 1 + m[0].length);
      complete = false;
    }
    i += 1 + m[0].length;
  }
  return out.length > cap ? undefined : { value: out, complete };
}

/** Names referenced in a text (`$X`, `${X...}`), in order, with their offsets in the text. */
export function variableRefs(text: string): { name: string; start: number; end: number; modifier: string | undefined }[] {
  const refs: { name: string; start: number; end: number; modifier: string | undefined }[] = [];
  // `${NAME}`, `${NAME:-word}` (the word runs to the first `}`) or `$NAME`. The `}` is found by a scan
  // that only moves forward: a pattern with `[^}]*` rescanned the rest of the text from every unclosed
  // `${A:-` (a 250 KB Dockerfile from the fuzzer took 15 s).
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?|([A-Za-z_][A-Za-z0-9_]*))/g;
  let brace = -1;
  const braceFrom = (at: number): number => {
    if (brace !== Infinity && brace < at) {
      const found = text.indexOf('}', at);
      brace = found < 0 ? Infinity : found;
    }
    return brace;
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const afterHead = m.index + m[0].length;
    let end = afterHead;
    if (m[1] !== undefined) {
      const close = m[2] === undefined ? (text[afterHead] === '}' ? afterHead : -1) : braceFrom(afterHead);
      if (close < 0 || close === Infinity) continue;
      end = close + 1;
      re.lastIndex = end;
    }
    if (m.index > 0 && text[m.index - 1] === '\\') continue;
    refs.push({ name: (m[1] ?? m[3]) as string, start: m.index, end, modifier: m[1] !== undefined && m[2] !== undefined ? text.slice(m.index + 2 + m[1].length, end - 1) : undefined });
  }
  return refs;
}
