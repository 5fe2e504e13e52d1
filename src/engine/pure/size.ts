/** Sizes: parsing budgets, formatting, and the size report of an image over its base. Pure. */
import type { HistoryEntry, ImageDetails } from '../engine.js';
import { redact } from './secrets.js';

const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
};

/** `250MB`, `1.5 GiB`, `300m`, `123456` (bytes) -> bytes; undefined when unreadable. Docker's MB are 10^6. */
export function parseSize(text: string): number | undefined {
  // Trimmed first: `\s*` on both sides of an optional unit would be quadratic on a run of spaces.
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === '' ? 1 : UNITS[unit];
  if (factor === undefined) return undefined;
  return Math.round(Number.parseFloat(match[1] ?? '0') * factor);
}

/** Decimal units, as `docker image ls` prints them: `111.3MB`. */
export function formatSize(bytes: number): string {
  const abs = Math.abs(bytes);
  const sign = bytes < 0 ? '-' : '';
  if (abs < 1e3) return `${sign}${abs}B`;
  if (abs < 1e6) return `${sign}${(abs / 1e3).toFixed(1)}kB`;
  if (abs < 1e9) return `${sign}${(abs / 1e6).toFixed(1)}MB`;
  return `${sign}${(abs / 1e9).toFixed(2)}GB`;
}

export interface BaseImage {
  readonly ref: string;
  readonly id: string;
  readonly size: number;
  readonly layerCount: number;
  /** How it was found: `label` (org.opencontainers.image.base.name), `dockerfile` (FROM of the final stage), `layers` (longest layer prefix among local images). */
  readonly how: 'label' | 'dockerfile' | 'layers';
}

export interface LayerRow {
  readonly size: number;
  readonly createdBy: string;
}

export interface SizeReport {
  readonly total: number;
  readonly base: BaseImage | undefined;
  /** total - base size; undefined when the base is unknown. */
  readonly overBase: number | undefined;
  /** Largest layers added over the base (or of the whole image), biggest first. */
  readonly largestLayers: readonly LayerRow[];
  readonly budget: number | undefined;
  readonly withinBudget: boolean | undefined;
}

/** true when `base` is a strict prefix of `layers`. */
export function isLayerPrefix(base: readonly string[], layers: readonly string[]): boolean {
  return base.length > 0 && base.length < layers.length && base.every((layer, i) => layers[i] === layer);
}

/** The local image whose layers are the longest strict prefix of the image's layers (a tagged one preferred). */
export function findBaseByLayers(image: ImageDetails, candidates: readonly ImageDetails[]): ImageDetails | undefined {
  let best: ImageDetails | undefined;
  for (const candidate of candidates) {
    if (candidate.id === image.id || !isLayerPrefix(candidate.layers, image.layers)) continue;
    if (
      !best ||
      candidate.layers.length > best.layers.length ||
      (candidate.layers.length === best.layers.length && best.repoTags.length === 0 && candidate.repoTags.length > 0)
    ) {
      best = candidate;
    }
  }
  return best;
}

/** Cleans BuildKit's and the classic builder's created_by for display. */
export function describeStep(createdBy: string): string {
  return createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s+/, '')
    // `|2 A=1 B= /bin/sh -c ` (build args): each `NAME=value` is split at its first `=` after the
    // first character (a `\S+=` would try every `=` of every word: exponential).
    .replace(/^\|\d+ (?:\S[^\s=]*=\S* )*\/bin\/sh -c /, 'RUN ')
    .replace(/^\/bin\/sh -c /, 'RUN ')
    .replace(/^RUN \/bin\/sh -c /, 'RUN ')
    .replace(/(?<!\s)\s+# buildkit$/, '') // only from the start of a run of spaces: linear
    .trim();
}

export function sizeReport(
  image: ImageDetails,
  history: readonly HistoryEntry[],
  base: BaseImage | undefined,
  budget: number | undefined,
  top = 5,
): SizeReport {
  // History rows are newest first; the base's rows are the oldest ones. Non-empty rows map to layers.
  const withSize = history.filter((row) => row.size > 0);
  let own = withSize;
  if (base) own = withSize.slice(0, Math.max(0, withSize.length - base.layerCount));
  const largestLayers = [...own]
    .sort((a, b) => b.size - a.size)
    .slice(0, top)
    .map((row) => ({ size: row.size, createdBy: redact(describeStep(row.createdBy)) }));
  return {
    total: image.size,
    base,
    overBase: base ? image.size - base.size : undefined,
    largestLayers,
    budget,
    withinBudget: budget === undefined ? undefined : image.size <= budget,
  };
}

/** A BaseImage from its inspect data. */
export function baseFromImage(image: ImageDetails, ref: string, how: BaseImage['how']): BaseImage {
  return { ref, id: image.id, size: image.size, layerCount: image.layers.length, how };
}
