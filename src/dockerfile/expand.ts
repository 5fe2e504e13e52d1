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

/** Variables visible at one instruction. Immutable: `with` returns a new scope. */
export class Scope {
  constructor(private readonly vars: ReadonlyMap<string, Binding> = new Map()) {}

  get(name: string): Binding | undefined {
    return this.vars.get(name);
  }

  has(name: string): boolean {
    return this.vars.has(name);
  }

  with(name: string, binding: Binding): Scope {
    const next = new Map(this.vars);
    next.set(name, binding);
    return new Scope(next);
  }

  withMany(entries: readonly (readonly [string, Binding])[]): Scope {
    if (entries.length === 0) return this;
    const next = new Map(this.vars);
    for (const [name, binding] of entries) next.set(name, binding);
    return new Scope(next);
  }

  /** Only the ENV bindings: what a stage built `FROM` this one inherits. */
  envOnly(): Scope {
    return new Scope(new Map([...this.vars].filter(([, b]) => b.kind === 'env')));
  }

  names(): string[] {
    return [...this.vars.keys()];
  }

  expand(text: string, escapeChar = '\\'): Expanded {
    return expandVars(text, (name) => {
      const b = this.vars.get(name);
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
}

export type Lookup = (name: string) => { value: string; complete: boolean } | undefined;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** Expands `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` as the Dockerfile frontend does. */
export function expandVars(text: string, lookup: Lookup, escapeChar = '\\'): Expanded {
  if (!text.includes('$')) return { value: text, complete: true };
  let out = '';
  let complete = true;
  let i = 0;
  while (i < text.length) {
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
        const word = expandVars(mod[2] ?? '', lookup, escapeChar);
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
    const m = NAME.exec(text.slice(i + 1));
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
  return { value: out, complete };
}

/** Names referenced in a text (`$X`, `${X...}`), in order, with their offsets in the text. */
export function variableRefs(text: string): { name: string; start: number; end: number; modifier: string | undefined }[] {
  const refs: { name: string; start: number; end: number; modifier: string | undefined }[] = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === '\\') continue;
    refs.push({ name: (m[1] ?? m[3]) as string, start: m.index, end: m.index + m[0].length, modifier: m[2] });
  }
  return refs;
}
