import type { KeyValueNode } from '../../dockerfile/model.js';
import { defineRule } from '../rule.js';

/** `personalAccessToken` -> personal, access, token; `GITHUB_PAT` -> github, pat; `APIKey` -> api, key. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    // Only from the start of a run of capitals: a later start in the same run fails the same way, so trying each is quadratic.
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** A word that alone makes a name a credential's. */
const SECRET_WORDS = new Set([
  'password', 'passwd', 'pass', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'pat', 'credential', 'credentials', 'creds', 'auth', 'netrc',
  'apikey', 'apitoken', 'authtoken', 'accesstoken', 'accesskey', 'secretkey', 'privatekey', 'clientsecret',
]);
/** `<word> key` pairs that name a credential (`API_KEY`, `apiKey`, `SSH_PRIVATE_KEY`); `GPG_KEY` (a public key id) is not one. */
const KEY_QUALIFIERS = new Set(['api', 'access', 'private', 'signing', 'encryption', 'ssh', 'deploy', 'fernet', 'master']);
/** A last word that makes the name about a credential, not the credential: where it is, what it is called, how it behaves. */
const BENIGN_LAST = new Set([
  'file', 'files', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'port', 'name', 'user', 'username', 'type', 'length', 'ttl', 'header',
  'env', 'mode', 'enabled', 'required', 'method', 'policy', 'expiry', 'expires', 'lifetime', 'timeout', 'algorithm', 'location', 'prefix', 'format', 'backend',
]);
const BENIGN = new Set(['GPG_KEY', 'PYTHON_GPG_KEY', 'PIP_NO_CACHE_DIR', 'POETRY_VIRTUALENVS_CREATE', 'PASSLIB_BUILTIN_BCRYPT']);
const SECRET_VALUE = /^(ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|gho_[A-Za-z0-9]{20,}|glpat-[A-Za-z0-9_-]{20,}|xox[abpr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9_-]{20,}|pypi-[A-Za-z0-9_-]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY)/;

/** The name, split into words (snake, kebab and camelCase), names a credential. */
export function looksSecretName(name: string): boolean {
  if (BENIGN.has(name.toUpperCase())) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || BENIGN_LAST.has(last) || (last === 'id' && words.length > 1 && words[words.length - 2] === 'file')) return false;
  return words.some((w, i) => SECRET_WORDS.has(w) || (w === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1] as string)));
}

export const secretInArgEnv = defineRule({
  id: 'PC204',
  name: 'secret-in-arg-env',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'error',
  docs: {
    summary: 'An ARG or ENV carries what looks like a credential (by its name or its value).',
    why: 'ENV values are stored in the image config and visible to anyone who can pull it (`docker inspect`); ARG values are recorded in the build history and provenance, and in CI logs. A private index token passed this way leaks with every image. Use BuildKit secrets: `RUN --mount=type=secret,id=pypi_token,env=POETRY_HTTP_BASIC_PRIVATE_PASSWORD poetry install`.\n\nWhat pycrane can see: the names and values of ARG and ENV. Names are split into words (`DB_PASSWORD`, `dbPassword`, `personalAccessToken`, `GITHUB_PAT`) and reported when a word is password, passwd, pass, secret, token, pat, credentials, auth or netrc, or key after api, access, private, signing, encryption, ssh or deploy. Names about a credential rather than the credential are not reported: a last word such as file, path, url, host, user, name, type or enabled (`PASSWORD_FILE`, `TOKEN_URL`, `AUTH_ENABLED`), and words that only contain those letters (`PATH`, `PATCH`, `KEYBOARD`, `TOKENIZERS_PARALLELISM`, `PASSLIB_*`). Values are reported when they look like a known token format (GitHub, GitLab, Slack, AWS, OpenAI, PyPI, a private key). Empty values and switches (`true`, `0`) are not credentials. Secrets that reach the build some other way (a COPY of a file, a RUN that echoes one) are not seen here.',
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
