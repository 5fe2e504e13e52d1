import { composeServices, isObj, valueRange } from '../compose-model.js';
import type { PathSegment, TreeFile } from '../files.js';
import { defineRule } from '../rule.js';
import { schemaProblems } from '../schema-check.js';
import type { Range } from '../types.js';

/**
 * Fields the schema types as "integer or string" / "boolean or string" so that `${VAR}` can stand there: Compose
 * casts the string after interpolation and rejects what does not convert ("strconv.Atoi: parsing \"two\"").
 */
const SERVICE_CASTS: readonly { readonly path: readonly string[]; readonly type: 'integer' | 'number' | 'boolean' }[] = [
  { path: ['scale'], type: 'integer' },
  { path: ['deploy', 'replicas'], type: 'integer' },
  { path: ['deploy', 'update_config', 'parallelism'], type: 'integer' },
  { path: ['deploy', 'rollback_config', 'parallelism'], type: 'integer' },
  { path: ['deploy', 'restart_policy', 'max_attempts'], type: 'integer' },
  { path: ['cpus'], type: 'number' },
  { path: ['healthcheck', 'retries'], type: 'number' },
  ...['init', 'privileged', 'read_only', 'stdin_open', 'tty', 'oom_kill_disable', 'attach'].map((k) => ({ path: [k], type: 'boolean' as const })),
  { path: ['healthcheck', 'disable'], type: 'boolean' },
];
const CASTS: Record<'integer' | 'number' | 'boolean', RegExp> = {
  integer: /^[+-]?\d+$/,
  number: /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
  // Go's strconv.ParseBool, plus the YAML 1.1 words Compose still accepts (with a warning)
  boolean: /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False|y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/,
};

function castProblems(file: TreeFile): { message: string; range: Range }[] {
  const out: { message: string; range: Range }[] = [];
  for (const svc of composeServices(file)) {
    for (const c of SERVICE_CASTS) {
      let v: unknown = svc.value;
      for (const k of c.path) v = isObj(v) ? v[k] : undefined;
      if (typeof v !== 'string' || v.includes('$') || CASTS[c.type].test(v.trim())) continue;
      const path: PathSegment[] = [...svc.path, ...c.path];
      out.push({ message: `${path.join('.')} must be ${c.type === 'integer' ? 'an integer' : c.type === 'number' ? 'a number' : 'a boolean'}; Compose cannot convert "${v}"`, range: valueRange(file, path) });
    }
  }
  return out;
}

export const composeSchemaInvalid = defineRule({
  id: 'PC709',
  name: 'compose-schema-invalid',
  kind: 'compose',
  category: 'compose',
  defaultSeverity: 'error',
  docs: {
    summary: 'The compose file is not valid YAML or does not follow the Compose Specification\'s JSON schema.',
    why: 'Docker Compose validates the file against the same schema and refuses to run (`services.web additional property port is not allowed`), often only on the machine with the newer Compose. The other compose rules cannot read a file that does not parse. Checked against the compose-spec schema that Docker Compose v2 embeds.',
    bad: { code: 'services:\n  web:\n    image: python:3.12-slim\n    pull_policy: sometimes\n    port:\n      - "8000:8000"\n' },
    good: { code: 'services:\n  web:\n    image: python:3.12-slim\n    pull_policy: missing\n    ports:\n      - "8000:8000"\n' },
  },
  messages: {
    yaml: 'invalid YAML: {{message}}',
    schema: '{{message}} (compose-spec schema).',
  },
  create(ctx) {
    return {
      done() {
        const file = ctx.compose;
        if (file.errors.length > 0) {
          for (const e of file.errors) ctx.report({ messageId: 'yaml', range: e.range, data: { message: e.message } });
          return;
        }
        if (file.value === null || file.value === undefined) return;
        for (const p of schemaProblems(file, 'compose')) ctx.report({ messageId: 'schema', range: p.range, data: { message: p.message } });
        for (const p of castProblems(file)) ctx.report({ messageId: 'schema', range: p.range, data: { message: p.message } });
      },
    };
  },
});
