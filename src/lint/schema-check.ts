import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { PathSegment, TreeFile } from './files.js';
import { startOf } from './compose-model.js';
import type { Range } from './types.js';

/**
 * JSON-schema validation of YAML/JSONC files with findings at the offending node. The schemas are compiled ahead of
 * time into schemas/validators.cjs (scripts/gen-validators.mjs: compiling compose-spec at run time costs ~0.6 s),
 * loaded on first use so that `pycrane --version` and `pycrane rules` never pay for it.
 */

export interface SchemaProblem {
  readonly message: string;
  readonly range: Range;
}

/** The validators schemas/validators.cjs exports. */
export type ValidatorName =
  | 'compose'
  | 'devcontainerCompose'
  | 'devcontainerImage'
  | 'devcontainerBuild'
  | 'devcontainerDockerFile'
  | 'devcontainerFeaturesOnly';

let validators: Readonly<Record<ValidatorName, ValidateFunction>> | undefined;

/**
 * In the CLI's CommonJS bundle (scripts/bundle.mjs) `require` exists and the bundler sees this call, so the
 * validators are part of the bundle and of its code cache; as ESM (the library in dist/, the tests) there is no
 * `require` and they are loaded from schemas/, two levels above src/lint/ and dist/lint/.
 */
function loadValidators(): Record<ValidatorName, ValidateFunction> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (typeof require === 'function') return require('../../schemas/validators.cjs') as Record<ValidatorName, ValidateFunction>;
  return createRequire(import.meta.url)('../../schemas/validators.cjs') as Record<ValidatorName, ValidateFunction>;
}

function validator(name: ValidatorName): ValidateFunction {
  validators ??= loadValidators();
  return validators[name];
}

function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      out.push(Number(seg));
      node = node[Number(seg)];
    } else {
      out.push(seg);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

function describe(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'the file' : path.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.').replace(/\.\[/g, '[');
}

function rangeFor(file: TreeFile, path: readonly PathSegment[], part: 'key' | 'value'): Range {
  const r = file.rangeAt(path, part) ?? file.rangeAt(path);
  if (r) return part === 'value' && path.length === 0 ? startOf(r) : r.end.line > r.start.line ? startOf(r) : r;
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function messageOf(e: ErrorObject, path: readonly PathSegment[]): { message: string; path: PathSegment[]; part: 'key' | 'value' } {
  const where = describe(path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const prop = String(p.additionalProperty ?? p.unevaluatedProperty);
      return { message: `${path.length === 0 ? '' : `${where}: `}property "${prop}" is not allowed`, path: [...path, prop], part: 'key' };
    }
    case 'required':
      return { message: `${where} is missing the required property "${String(p.missingProperty)}"`, path: [...path], part: path.length === 0 ? 'value' : 'key' };
    case 'enum':
      return { message: `${where} must be one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}`, path: [...path], part: 'value' };
    case 'type':
      return { message: `${where} must be ${String(p.type).replace(/,/g, ' or ')}`, path: [...path], part: 'value' };
    case 'pattern':
      return { message: `${where} must match ${String(p.pattern)}`, path: [...path], part: 'value' };
    default:
      return { message: `${where} ${e.message ?? 'is invalid'}`, path: [...path], part: 'value' };
  }
}

/**
 * Validates `file.value` and returns one problem per offending node: combinator errors (oneOf/anyOf/allOf) are
 * dropped in favour of their branches' errors, `keep` filters by schema path (to skip branches that do not apply),
 * and alternatives at the same node are merged into one message.
 */
export function schemaProblems(file: TreeFile, name: ValidatorName, keep: (e: ErrorObject) => boolean = () => true): SchemaProblem[] {
  if (file.value === undefined) return [];
  const validate = validator(name);
  if (validate(file.value)) return [];
  const byNode = new Map<string, { message: string[]; range: Range; order: number }>();
  let order = 0;
  for (const e of validate.errors ?? []) {
    if (['oneOf', 'anyOf', 'allOf', 'if', 'not', 'then', 'else', '$ref'].includes(e.keyword) || !keep(e)) continue;
    // Compose interpolates `${VAR}` before validating: a string with a variable may become a number or a boolean.
    if (typeof e.data === 'string' && /\$\{?[A-Za-z_]/.test(e.data) && ['type', 'pattern', 'enum', 'format'].includes(e.keyword)) continue;
    const { message, path, part } = messageOf(e, pointerToPath(e.instancePath, file.value));
    const range = rangeFor(file, path, part);
    const key = `${range.start.line}:${range.start.character}:${range.end.line}:${range.end.character}`;
    const prev = byNode.get(key);
    if (prev) {
      if (!prev.message.includes(message)) prev.message.push(message);
    } else byNode.set(key, { message: [message], range, order: order++ });
  }
  return [...byNode.values()]
    .sort((a, b) => a.order - b.order)
    .map((v) => ({ message: v.message.length > 1 ? `${v.message[0] as string} (or: ${v.message.slice(1).join('; ')})` : (v.message[0] as string), range: v.range }));
}
