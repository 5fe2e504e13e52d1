import * as z from 'zod';
import { UserError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { PACKAGE_MANAGERS, type PycraneConfig } from '../model.js';
import type { TomlLocator, TomlPath } from '../toml/locate.js';
import { isTable } from '../toml/parse.js';
import { SERVICE_KINDS, WEB_SERVERS } from '../web/types.js';

const minorVersion = z.string().regex(/^\d+\.\d+$/, 'expected a Python minor version like "3.13"');
const user = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_-]*$/, 'expected a user name like "app"').optional(),
  uid: z.number().int().min(0).max(2147483647).optional(),
  gid: z.number().int().min(0).max(2147483647).optional(),
});
const packages = z.array(z.string().min(1));
const passThrough = z.record(z.string(), z.unknown());

/** `[tool.pycrane]`, kebab-case as written in pyproject.toml. */
const schema = z.object({
  python: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'expected a Python version like "3.13"').optional(),
  'supported-pythons': z.array(minorVersion).min(1).optional(),
  'base-image': z.string().min(1).optional(),
  user: user.optional(),
  'dev-user': user.optional(),
  workdir: z.string().startsWith('/', 'expected an absolute path').optional(),
  apt: z.object({ build: packages.optional(), runtime: packages.optional(), dev: packages.optional() }).optional(),
  command: z.array(z.string()).min(1).optional(),
  port: z.number().int().min(1).max(65535).optional(),
  app: z.string().regex(/^[A-Za-z_][\w.]*:[A-Za-z_]\w*(\(\))?$/, 'expected an import target like "mysite.wsgi:application" or "app:create_app()"').optional(),
  server: z.enum(WEB_SERVERS as [string, ...string[]]).optional(),
  'health-path': z.string().startsWith('/', 'expected an HTTP path like "/health"').optional(),
  services: z.array(z.enum(SERVICE_KINDS as [string, ...string[]])).optional(),
  celery: z.union([z.literal(false), z.string().regex(/^[A-Za-z_][\w.]*:[A-Za-z_]\w*$/, 'expected an import target like "proj.celery:app", or false')]).optional(),
  manager: z.enum(PACKAGE_MANAGERS as [string, ...string[]]).optional(),
  'poetry-version': z.string().min(1).optional(),
  'pipx-version': z.string().min(1).optional(),
  'uv-version': z.string().min(1).optional(),
  'pdm-version': z.string().min(1).optional(),
  'pipenv-version': z.string().min(1).optional(),
  'pip-tools-version': z.string().min(1).optional(),
  constraints: z.string().min(1).optional(),
  package: z.boolean().optional(),
  requirements: z.string().min(1).optional(),
  'dev-requirements': z.array(z.string().min(1)).optional(),
  'build-network': z.string().min(1).optional(),
  ci: z.enum(['github', 'gitlab']).optional(),
  'ci-default-branch': z.string().regex(/^(?!-)[A-Za-z0-9._/-]+$/, 'expected a branch name like "main"').optional(),
  check: passThrough.optional(),
  build: passThrough.optional(),
  verify: passThrough.optional(),
});

/** Known keys per table, for the unknown-key warnings (sub-tables of check/build/verify belong to their commands). */
const KNOWN: Readonly<Record<string, readonly string[] | 'any'>> = {
  '': Object.keys(schema.shape),
  user: Object.keys(user.shape),
  'dev-user': Object.keys(user.shape),
  apt: ['build', 'runtime', 'dev'],
  check: 'any',
  build: 'any',
  verify: 'any',
};

const camel = (key: string) => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Validates `[tool.pycrane]` of pyproject.toml (or the whole of pycrane.toml, `base` = []):
 * unknown keys are warnings (with their line), values of the wrong type are a UserError
 * naming the key and its line.
 */
export function parsePycraneConfig(
  raw: unknown,
  locator: TomlLocator,
  file: string,
  base: TomlPath = ['tool', 'pycrane'],
): { config: PycraneConfig; issues: Issue[] } {
  const label = base.length === 0 ? file : '[tool.pycrane]';
  if (raw === undefined) return { config: {}, issues: [] };
  if (!isTable(raw)) {
    throw new UserError('E_CONFIG_TYPE', '[tool.pycrane] must be a table', { source: locator.near(base) });
  }
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const known = KNOWN[''] as readonly string[];
    if (!known.includes(key)) {
      issues.push(unknownKey(`${key}`, [...base, key], locator, known, label));
      continue;
    }
    const sub = KNOWN[key];
    if (Array.isArray(sub) && isTable(value)) {
      for (const inner of Object.keys(value)) {
        if (!sub.includes(inner)) issues.push(unknownKey(`${key}.${inner}`, [...base, key, inner], locator, sub, label));
      }
    }
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const first = result.error.issues[0];
    const path = (first?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const dotted = path.map(String).join('.');
    throw new UserError('E_CONFIG_TYPE', `${label} ${dotted || 'table'}: ${first?.message ?? 'invalid value'}`, {
      source: locator.near([...base, ...path]) ?? { file, line: 1 },
      hint: 'see docs/config.md for the keys of [tool.pycrane] and their types',
    });
  }
  const data = result.data;
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    config[camel(key)] = isTable(value) && (key === 'user' || key === 'dev-user' || key === 'apt') ? { ...value } : value;
  }
  const source = base.length === 0 ? { file, line: 1 } : locator.find(base);
  if (source) config.source = source;
  return { config: config as PycraneConfig, issues };
}

function unknownKey(dotted: string, path: TomlPath, locator: TomlLocator, known: readonly string[], label: string): Issue {
  const last = String(path[path.length - 1]);
  const guess = known.find((k) => k.replace(/[-_]/g, '') === last.replace(/[-_]/g, '').toLowerCase());
  const ref = locator.near(path);
  return {
    code: 'W_CONFIG_UNKNOWN_KEY',
    severity: 'warning',
    message: `unknown key "${dotted}" in ${label}${guess ? ` (did you mean "${guess}"?)` : ''}: ignored`,
    ...(ref ? { source: ref } : {}),
  };
}
