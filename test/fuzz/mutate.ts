import { DICTIONARY, type Format, NESTING } from './dictionary.js';
import type { Rng } from './rng.js';

/** Inputs never grow past this (2 MiB of UTF-16): bigger than any real manifest, small enough to run quickly. */
export const MAX_INPUT = 2 * 1024 * 1024;

export interface MutationContext {
  readonly rng: Rng;
  readonly format: Format;
  /** Other seeds of the family, for splicing and borrowed lines. */
  readonly donors: readonly string[];
}

type Mutation = (text: string, ctx: MutationContext) => string;

const SIZES = [1, 2, 8, 64, 512, 4096] as const;
const REPEATS = [2, 10, 100, 1000, 5000, 20000, 60000] as const;

function span(text: string, rng: Rng): [number, number] {
  const start = rng.int(text.length + 1);
  const len = Math.min(text.length - start, rng.pick(SIZES));
  return [start, start + rng.int(len + 1)];
}

function at(text: string, rng: Rng): number {
  // Half the time at a line start, where a token becomes a key, an instruction or an option.
  if (rng.chance(0.5)) return rng.int(text.length + 1);
  const starts = lineStarts(text);
  return starts[rng.int(starts.length)] ?? 0;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

const insert = (text: string, i: number, piece: string) => text.slice(0, i) + piece + text.slice(i);

function randomChar(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return String.fromCharCode(rng.int(32)); // control characters, NUL included
    case 1:
      return String.fromCharCode(0x80 + rng.int(0x780)); // Latin-1 and beyond
    case 2:
      return rng.pick(['\uD83D', '\uDE00', '\uFFFF', '\uFEFF', '\u00A0', '\u0085', '\u2028']);
    default:
      return String.fromCharCode(32 + rng.int(95));
  }
}

function lines(text: string): string[] {
  return text.split('\n');
}

const mutations: readonly (readonly [number, Mutation])[] = [
  [6, (t, { rng }) => insert(t, rng.int(t.length + 1), randomChar(rng))],
  [6, (t, { rng }) => {
    const [a, b] = span(t, rng);
    return t.slice(0, a) + t.slice(b);
  }],
  [4, (t, { rng }) => {
    const [a, b] = span(t, rng);
    return t.slice(0, b) + t.slice(a, b) + t.slice(b);
  }],
  [3, (t, { rng }) => {
    const i = rng.int(t.length);
    return t.slice(0, i) + randomChar(rng) + t.slice(i + 1);
  }],
  [5, (t, { rng }) => {
    const ls = lines(t);
    ls.splice(rng.int(ls.length), 1 + rng.int(3));
    return ls.join('\n');
  }],
  [4, (t, { rng }) => {
    const ls = lines(t);
    const i = rng.int(ls.length);
    ls.splice(rng.int(ls.length + 1), 0, ls[i] ?? '');
    return ls.join('\n');
  }],
  [3, (t, { rng }) => {
    const ls = lines(t);
    const i = rng.int(ls.length);
    const j = rng.int(ls.length);
    [ls[i], ls[j]] = [ls[j] ?? '', ls[i] ?? ''];
    return ls.join('\n');
  }],
  [4, (t, { rng, donors }) => {
    // A line borrowed from another seed of the same format.
    const ls = lines(t);
    const donor = lines(rng.pick(donors.length > 0 ? donors : [t]));
    ls.splice(rng.int(ls.length + 1), 0, donor[rng.int(donor.length)] ?? '');
    return ls.join('\n');
  }],
  [4, (t, { rng, donors }) => {
    // Splice: the head of this seed and the tail of another, cut at lines or anywhere.
    const other = rng.pick(donors.length > 0 ? donors : [t]);
    if (rng.chance(0.5)) {
      const a = lines(t);
      const b = lines(other);
      return [...a.slice(0, rng.int(a.length + 1)), ...b.slice(rng.int(b.length + 1))].join('\n');
    }
    return t.slice(0, rng.int(t.length + 1)) + other.slice(rng.int(other.length + 1));
  }],
  [10, (t, { rng, format }) => insert(t, at(t, rng), rng.pick(DICTIONARY[format]))],
  [2, (t, { rng, format }) => {
    // Deep nesting: an opener repeated, closed or not.
    const [open, close] = rng.pick(NESTING[format]);
    const n = rng.pick([50, 500, 5000, 50000] as const);
    const closing = rng.chance(0.6) ? close.repeat(n) : '';
    return insert(t, at(t, rng), open.repeat(n) + closing);
  }],
  [1, (t, { rng, format }) => {
    // A very long line: one token or character, many times.
    const piece = rng.chance(0.5) ? rng.pick(DICTIONARY[format]) : randomChar(rng);
    return insert(t, at(t, rng), piece.repeat(Math.ceil(rng.pick([1000, 20000, 200000] as const) / Math.max(1, piece.length))));
  }],
  [1, (t, { rng }) => {
    // Huge repetition of one line of the seed.
    const ls = lines(t);
    const i = rng.int(ls.length);
    const line = ls[i] ?? '';
    const copies = new Array<string>(Math.min(rng.pick(REPEATS), Math.floor(MAX_INPUT / (line.length + 1)))).fill(line);
    ls.splice(i, 0, ...copies);
    return ls.join('\n');
  }],
  [2, (t, { rng }) => t.replace(/\d+/g, (m) => (rng.chance(0.2) ? rng.pick(['0', '99999999999999999999', '100000', '-1', m + m]) : m))],
  [1, (t, { rng }) => insert(t, rng.int(t.length + 1), '\u0000')],
  [1, (t, { rng }) => (rng.chance(0.5) ? t.replace(/\n/g, '\r\n') : t.replace(/ /g, '\t'))],
];

const TOTAL_WEIGHT = mutations.reduce((sum, [w]) => sum + w, 0);

function pickMutation(rng: Rng): Mutation {
  let r = rng.int(TOTAL_WEIGHT);
  for (const [w, m] of mutations) {
    if (r < w) return m;
    r -= w;
  }
  return (mutations[0] as readonly [number, Mutation])[1];
}

/** One to five stacked mutations of `seed`, capped at MAX_INPUT. */
export function mutate(seed: string, ctx: MutationContext): string {
  let text = seed;
  const rounds = 1 + ctx.rng.int(ctx.rng.chance(0.7) ? 2 : 5);
  for (let i = 0; i < rounds; i++) {
    text = pickMutation(ctx.rng)(text, ctx);
    if (text.length > MAX_INPUT) text = text.slice(0, MAX_INPUT);
  }
  return text;
}
