/**
 * How deeply a YAML (or JSON) text nests collections, found by one linear scan before the text
 * goes to the yaml library, which recurses once per level. Counts block levels (distinct
 * indents, and each `- `/`? ` of a compact `- - - x`) plus open flow brackets (`[`, `{`) outside
 * quotes, comments and block scalars. An estimate: a bracket inside a plain scalar in flow
 * context counts, two collections at one indent count once; exact for the shapes that nest deep.
 */
export interface Nesting {
  /** The deepest level seen (the scan stops once it passes the limit). */
  readonly depth: number;
  /** Offset of the character where that depth was reached. */
  readonly offset: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';
/** A quote opens a quoted scalar only where a scalar can start (else it is part of a plain one). */
const canStartScalar = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '[' || c === '{' || c === ',' || c === ':';

export function nestingDepth(text: string, limit: number): Nesting {
  const indents: number[] = [];
  let flow = 0;
  let best: Nesting = { depth: 0, offset: 0 };
  /** Set while skipping a block scalar's lines: they are more indented than this. */
  let blockScalarParent: number | undefined;
  const reach = (offset: number): boolean => {
    const depth = indents.length + flow;
    if (depth > best.depth) best = { depth, offset };
    return depth > limit;
  };

  let i = 0;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const eol = nl === -1 ? text.length : nl;
    let p = i;
    while (p < eol && text[p] === ' ') p++;
    const blank = p >= eol || text[p] === '#' || text[p] === '\r';
    if (flow === 0 && blockScalarParent !== undefined) {
      if (blank || p - i > blockScalarParent) {
        i = eol + 1;
        continue;
      }
      blockScalarParent = undefined;
    }
    if (flow === 0 && !blank) {
      const indent = p - i;
      while ((indents[indents.length - 1] ?? -1) > indent) indents.pop();
      if ((indents[indents.length - 1] ?? -1) < indent) indents.push(indent);
      if (reach(p)) return best;
      let parent = indent;
      // Compact nested entries: `- - - x`, `? - x`.
      while ((text[p] === '-' || text[p] === '?') && (isSpace(text[p + 1]) || p + 1 >= eol || text[p + 1] === '\r')) {
        parent = p - i;
        p++;
        while (p < eol && isSpace(text[p])) p++;
        p = skipProperties(text, p, eol);
        if (p >= eol) break;
        indents.push(p - i);
        if (reach(p)) return best;
      }
      // The value: at p, or after the key's `: `.
      let v = skipProperties(text, p, eol);
      if (!'[{]}|>'.includes(text[v] ?? '|')) v = skipProperties(text, valueAfterKey(text, p, eol), eol);
      if (text[v] === '|' || text[v] === '>') {
        blockScalarParent = parent;
        i = eol + 1;
        continue;
      }
      if (!'[{]}'.includes(text[v] ?? '_')) {
        i = eol + 1;
        continue;
      }
      p = v;
    }
    // Flow context (or a line that opens one at p): brackets until the collection closes and
    // the line ends (the parser nests what follows a closed collection too: `}[[[`).
    while (p < text.length) {
      const c = text[p];
      if (c === '\n' && flow === 0) break;
      if (c === '[' || c === '{') {
        flow++;
        if (reach(p)) return best;
      } else if (c === ']' || c === '}') {
        flow = Math.max(0, flow - 1);
      } else if ((c === '"' || c === "'") && canStartScalar(text[p - 1])) {
        p = closingQuote(text, p, text.length);
      } else if (c === '#' && (p === 0 || /\s/.test(text[p - 1] ?? ''))) {
        const nl = text.indexOf('\n', p);
        p = nl === -1 ? text.length : nl;
        continue;
      }
      p++;
    }
    i = p + 1;
  }
  return best;
}

/** Past any anchors and tags (`&a !!seq [`). */
function skipProperties(text: string, start: number, eol: number): number {
  let p = start;
  while (p < eol && (text[p] === '&' || text[p] === '!')) {
    while (p < eol && !isSpace(text[p])) p++;
    while (p < eol && isSpace(text[p])) p++;
  }
  return p;
}

/** Where a block mapping entry's value starts (`key: [` -> the `[`), or eol when the line has none. */
function valueAfterKey(text: string, start: number, eol: number): number {
  let p = start;
  if (text[p] === '"' || text[p] === "'") p = closingQuote(text, p, eol) + 1;
  while (p < eol) {
    if (text[p] === ':' && (p + 1 >= eol || isSpace(text[p + 1]) || text[p + 1] === '\r')) {
      p++;
      while (p < eol && isSpace(text[p])) p++;
      return p;
    }
    if (text[p] === '#' && isSpace(text[p - 1])) return eol;
    p++;
  }
  return eol;
}

/** Offset of the quote that closes the one at `start`, looking before `end` (`\"` escapes in double quotes; `''` is two quotes). */
function closingQuote(text: string, start: number, end: number): number {
  const q = text[start];
  let p = start + 1;
  while (p < end && text[p] !== q) p += q === '"' && text[p] === '\\' ? 2 : 1;
  return Math.min(p, end - 1);
}
