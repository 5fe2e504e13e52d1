/**
 * Credential-looking values in an image's ENV, labels and build history. Pure.
 * Findings never repeat the secret: the evidence shows the first 4 characters and the length.
 */

export interface CredentialFinding {
  /** `env`, `label` or `history`. */
  readonly where: 'env' | 'label' | 'history';
  /** The variable/label name, or the history step. */
  readonly name: string;
  readonly reason: string;
  /** Masked value: `ghp_…(40 chars)`. */
  readonly masked: string;
}

/** Names that hold secrets: TOKEN, PASSWORD, SECRET, API_KEY, ..._KEY, POETRY_HTTP_BASIC_*, UV_INDEX_*_PASSWORD. */
const SECRET_NAME =
  /(?:^|[_.-])(?:TOKEN|PASSWORD|PASSWD|PASS|PWD|SECRET|API[_-]?KEY|ACCESS[_-]?KEY|PRIVATE[_-]?KEY|SECRET[_-]?KEY|CREDENTIALS?|AUTH[_-]?TOKEN)(?:$|[_.-])|_KEY$|^POETRY_HTTP_BASIC_|^POETRY_PYPI_TOKEN_/i;

/** Names that look secret but are not (documented settings of common tools). */
const BENIGN_NAME = /^(?:PWD|OLDPWD|GPG_KEY|PYTHON_GPG_KEY|.*_KEY_ID|.*_KEYRING|.*_KEY_FILE|.*_PASSWORD_FILE|.*_TOKEN_FILE|.*_SECRET_FILE)$/i;

/** Well-known token formats, anywhere. */
const TOKEN_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/\bghp_[A-Za-z0-9]{36}\b/, 'GitHub personal access token'],
  [/\bgithub_pat_[A-Za-z0-9_]{22,}\b/, 'GitHub fine-grained token'],
  [/\bgh[osur]_[A-Za-z0-9]{36}\b/, 'GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20}\b/, 'GitLab token'],
  [/\bAKIA[0-9A-Z]{16}\b/, 'AWS access key id'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}\b/, 'Slack token'],
  [/\bpypi-AgE[A-Za-z0-9_-]{20,}/, 'PyPI token'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'npm token'],
  [/\bsk-[A-Za-z0-9_-]{20,}\b/, 'API secret key'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'private key'],
];

/**
 * `scheme://user:password@host` (a URL carrying credentials). Matched from its `://`, the scheme
 * checked behind it: starting at each letter of a long `a.a.a.a` run was quadratic.
 */
const URL_USERINFO = /:\/\/(?<=\b[a-z][a-z0-9+.-]*:\/\/)[^\s/:@]+:([^\s/@]+)@[^\s/]+/i;

/** Values that are clearly not secrets. */
function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v) || // a reference to another variable
    /^(?:true|false|yes|no|none|null|0|1|changeme|xxx+|\*+|<[^>]*>|\/.*)$/i.test(v) || // flags, placeholders, file paths
    /(?:^|[-_.])not[-_.]a[-_.]secret(?:$|[-_.])/i.test(v) // says so: a build-time stand-in (Django's collectstatic needs a SECRET_KEY)
  );
}

export function mask(value: string): string {
  const v = value.trim();
  return `${v.slice(0, Math.min(4, Math.floor(v.length / 4)))}…(${v.length} chars)`;
}

/** Checks one NAME=value pair. */
export function checkAssignment(name: string, value: string): string | undefined {
  for (const [pattern, what] of TOKEN_PATTERNS) if (pattern.test(value)) return what;
  const url = URL_USERINFO.exec(value);
  if (url && !isPlaceholder(url[1] ?? '')) return 'URL with a password';
  if (SECRET_NAME.test(name) && !BENIGN_NAME.test(name) && !isPlaceholder(value)) return `secret-looking name ${name}`;
  return undefined;
}

/** Checks free text (a history step): token formats, URLs with passwords, and NAME=value pairs. */
export function checkText(text: string): { reason: string; value: string }[] {
  const found: { reason: string; value: string }[] = [];
  for (const [pattern, what] of TOKEN_PATTERNS) {
    const match = pattern.exec(text);
    if (match) found.push({ reason: what, value: match[0] });
  }
  const url = URL_USERINFO.exec(text);
  if (url && !isPlaceholder(url[1] ?? '')) found.push({ reason: 'URL with a password', value: url[1] ?? '' });
  // NAME=value pairs: `ENV TOKEN=...`, `|2 TOKEN=abc PIP=... /bin/sh -c`, `ARG PASSWORD=...`.
  for (const match of text.matchAll(/(?:^|[\s|;&])([A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s;&|]*)/g)) {
    const name = match[1] ?? '';
    const value = (match[2] ?? '').replace(/^["']|["']$/g, '');
    if (found.some((hit) => value.includes(hit.value))) continue; // already reported by its format
    if (SECRET_NAME.test(name) && !BENIGN_NAME.test(name) && !isPlaceholder(value)) {
      found.push({ reason: `secret-looking name ${name}`, value });
    }
  }
  return found;
}

export function findCredentials(input: {
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly history: readonly string[];
}): CredentialFinding[] {
  const findings: CredentialFinding[] = [];
  for (const entry of input.env) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    const value = eq < 0 ? '' : entry.slice(eq + 1);
    const reason = checkAssignment(name, value);
    if (reason) findings.push({ where: 'env', name, reason, masked: mask(value) });
  }
  for (const [name, value] of Object.entries(input.labels)) {
    const reason = checkAssignment(name.replace(/[.-]/g, '_'), value);
    if (reason) findings.push({ where: 'label', name, reason, masked: mask(value) });
  }
  input.history.forEach((step, index) => {
    for (const hit of checkText(step)) {
      findings.push({ where: 'history', name: `step ${index + 1} from the top`, reason: hit.reason, masked: mask(hit.value) });
    }
  });
  return findings;
}

/** `text` with every credential found by `checkText` replaced by its mask (for reports that quote history). */
export function redact(text: string): string {
  let out = text;
  for (const hit of checkText(text)) if (hit.value) out = out.split(hit.value).join(mask(hit.value));
  return out;
}
