/**
 * `[tool.pycrane.build]` and `[tool.pycrane.verify]`: raw TOML from ProjectFacts.config,
 * validated here with zod. Bad values are the user's to fix: they come back as messages.
 */
import * as z from 'zod';
import type { AutoTag } from './tags.js';
import { parseSize } from './size.js';

const autoTag = z.enum(['version', 'version-python', 'minor', 'major', 'sha']);

const buildSchema = z
  .object({
    repository: z.string().min(1).optional(),
    tags: z.array(autoTag).optional(),
    'extra-tags': z.array(z.string().min(1)).optional(),
    latest: z.boolean().optional(),
    'sha-length': z.number().int().min(7).max(40).optional(),
    target: z.string().min(1).optional(),
    dockerfile: z.string().min(1).optional(),
    platform: z.string().min(1).optional(),
    network: z.string().min(1).optional(),
    'build-args': z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    source: z.string().min(1).optional(),
  })
  .strict();

const verifySchema = z
  .object({
    probe: z.union([z.string().min(1), z.array(z.string()).min(1)]).optional(),
    'max-size': z.union([z.string(), z.number()]).optional(),
    'stop-timeout': z.number().positive().max(60).optional(),
    init: z.boolean().optional(),
    image: z.string().min(1).optional(),
  })
  .strict();

export interface BuildConfig {
  readonly repository: string | undefined;
  readonly tags: readonly AutoTag[];
  readonly extraTags: readonly string[];
  readonly latest: boolean;
  readonly shaLength: number;
  readonly target: string | undefined;
  readonly dockerfile: string | undefined;
  readonly platform: string | undefined;
  readonly network: string | undefined;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly source: string | undefined;
}

export interface VerifyConfig {
  /** Arguments given to the image (after its ENTRYPOINT) that must exit 0; undefined = `--help` for a CLI. */
  readonly probe: readonly string[] | undefined;
  readonly maxSize: number | undefined;
  /** Seconds `docker stop` may take (default 5). */
  readonly stopTimeout: number;
  readonly init: boolean;
  readonly image: string | undefined;
}

export const DEFAULT_AUTO_TAGS: readonly AutoTag[] = ['version', 'version-python', 'sha'];

function describe(error: z.ZodError, table: string): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${table}.${issue.path.join('.')}` : table;
    return `${where}: ${issue.message}`;
  });
}

export function parseBuildConfig(raw: unknown): { config: BuildConfig; errors: string[] } {
  const parsed = buildSchema.safeParse(raw ?? {});
  const data = parsed.success ? parsed.data : {};
  const errors = parsed.success ? [] : describe(parsed.error, '[tool.pycrane.build]');
  const buildArgs: Record<string, string> = {};
  for (const [key, value] of Object.entries(data['build-args'] ?? {})) buildArgs[key] = String(value);
  return {
    config: {
      repository: data.repository,
      tags: data.tags ?? DEFAULT_AUTO_TAGS,
      extraTags: data['extra-tags'] ?? [],
      latest: data.latest ?? false,
      shaLength: data['sha-length'] ?? 12,
      target: data.target,
      dockerfile: data.dockerfile,
      platform: data.platform,
      network: data.network,
      buildArgs,
      labels: data.labels ?? {},
      source: data.source,
    },
    errors,
  };
}

/** Splits a probe command line on whitespace, honouring simple single and double quotes. */
export function splitCommandLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started || current) out.push(current);
      current = '';
      started = false;
    } else {
      current += char;
    }
  }
  if (started || current) out.push(current);
  return out;
}

export function parseVerifyConfig(raw: unknown): { config: VerifyConfig; errors: string[] } {
  const parsed = verifySchema.safeParse(raw ?? {});
  const data = parsed.success ? parsed.data : {};
  const errors = parsed.success ? [] : describe(parsed.error, '[tool.pycrane.verify]');
  let maxSize: number | undefined;
  if (data['max-size'] !== undefined) {
    maxSize = parseSize(String(data['max-size']));
    if (maxSize === undefined) errors.push(`[tool.pycrane.verify].max-size: "${String(data['max-size'])}" is not a size (e.g. 250MB, 1.2GiB)`);
  }
  const probe = data.probe === undefined ? undefined : typeof data.probe === 'string' ? splitCommandLine(data.probe) : data.probe;
  return {
    config: { probe, maxSize, stopTimeout: data['stop-timeout'] ?? 5, init: data.init ?? false, image: data.image },
    errors,
  };
}
