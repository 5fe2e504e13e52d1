import type { KeyValueNode } from '../../dockerfile/model.js';
import { defineRule } from '../rule.js';

const SECRET_NAME = /(^|_)(PASSWORD|PASSWD|PASS|SECRET|SECRETS|TOKEN|APIKEY|API_KEY|ACCESS_KEY|SECRET_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH|AUTH_TOKEN|NETRC)(_|$)/i;
const BENIGN_SUFFIX = /(_(FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|NAME|USER|USERNAME|TYPE|LENGTH|TTL|HEADER|ENV|ID_FILE|MODE|ENABLED|REQUIRED|METHOD))$/i;
const BENIGN = new Set(['GPG_KEY', 'PYTHON_GPG_KEY', 'PIP_NO_CACHE_DIR', 'POETRY_VIRTUALENVS_CREATE', 'PASSLIB_BUILTIN_BCRYPT']);
const SECRET_VALUE = /^(ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|gho_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9_-]{20,}|pypi-[A-Za-z0-9_-]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY)/;

export function looksSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !BENIGN_SUFFIX.test(name) && !BENIGN.has(name.toUpperCase());
}

export const secretInArgEnv = defineRule({
  id: 'PC204',
  name: 'secret-in-arg-env',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'error',
  docs: {
    summary: 'An ARG or ENV carries what looks like a credential (by its name or its value).',
    why: 'ENV values are stored in the image config and visible to anyone who can pull it (`docker inspect`); ARG values are recorded in the build history and provenance, and in CI logs. A private index token passed this way leaks with every image. Use BuildKit secrets: `RUN --mount=type=secret,id=pypi_token,env=POETRY_HTTP_BASIC_PRIVATE_PASSWORD poetry install`.',
    bad: { code: 'FROM python:3.12-slim\nARG PYPI_TOKEN\nRUN pip install --no-cache-dir --index-url "https://__token__:${PYPI_TOKEN}@pypi.example.com/simple" app==1.0\n' },
    good: { code: 'FROM python:3.12-slim\nRUN --mount=type=secret,id=pip_conf,target=/etc/pip.conf pip install --no-cache-dir app==1.0\n' },
  },
  messages: {
    name: '{{keyword}} {{name}} looks like a credential; {{keyword}} values end up in the image {{where}}. Pass it with `RUN --mount=type=secret` instead.',
    value: 'the value of {{keyword}} {{name}} looks like a credential ({{kind}}); pass it with `RUN --mount=type=secret` instead.',
  },
  create(ctx) {
    const check = (node: KeyValueNode) => {
      if (node.keyword === 'LABEL') return;
      const where = node.keyword === 'ENV' ? 'config (docker inspect)' : 'build history';
      for (const p of node.pairs) {
        if (p.value !== undefined && SECRET_VALUE.test(p.value) && p.valueRange) {
          ctx.report({ messageId: 'value', range: p.valueRange, data: { keyword: node.keyword, name: p.name, kind: 'token pattern' } });
          continue;
        }
        if (!looksSecretName(p.name)) continue;
        if (p.value !== undefined && /^\s*$|^(true|false|yes|no|on|off|0|1|none|null)$/i.test(p.value)) continue; // cleared, or a switch
        ctx.report({ messageId: 'name', range: p.nameRange, data: { keyword: node.keyword, name: p.name, where } });
      }
    };
    return { ARG: check, ENV: check };
  },
});
