/**
 * `.env.example`: every variable the compose stack reads, with placeholders. The user copies
 * it to `.env` (git-ignored, and never in the build context: .dockerignore excludes `.env`
 * and `.env.*`); compose interpolates the credentials from it and passes it to the app's
 * containers (`env_file`, optional). Variables without a safe placeholder are written
 * commented out: an empty value is not the same as none (uvicorn dies on WEB_CONCURRENCY=).
 */
import type { WebPlan } from './plan.js';

export function renderEnvExample(web: WebPlan, header: readonly string[]): string {
  const lines = [
    ...header,
    '#',
    '# cp .env.example .env, then change the values. .env is git-ignored and never reaches an image;',
    '# docker compose reads it for the services below and passes it to the app\'s containers.',
  ];
  const urls = web.environment.map(([name]) => name);
  if (urls.length > 0) lines.push(`# compose sets ${urls.join(', ')} itself, to the services it runs.`);
  for (const variable of web.envFile) {
    lines.push('');
    if (variable.comment) lines.push(`# ${variable.comment}`);
    lines.push(variable.value === undefined ? `# ${variable.name}=` : `${variable.name}=${variable.value}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Whether a .gitignore pattern (`*` and `?` wildcards, other characters literal) matches `name`,
 * a name without a slash. A scan that goes back only to the last `*`: O(pattern x name). A
 * regular expression built from the pattern backtracks polynomially on a run of `*`s.
 */
function globMatches(glob: string, name: string): boolean {
  let g = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (glob[g] === '?' || (glob[g] === name[n] && glob[g] !== '*')) {
      g++;
      n++;
    } else if (glob[g] === '*') {
      star = g++;
      resume = n;
    } else if (star >= 0) {
      g = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (glob[g] === '*') g++;
  return g === glob.length;
}

/** Whether a .gitignore ignores `.env` at the project root (the last matching pattern wins, `!` re-includes). */
export function ignoresEnv(gitignore: string): boolean {
  let ignored = false;
  for (const raw of gitignore.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = (negated ? line.slice(1) : line).replace(/^\//, '');
    if (pattern.includes('/') && !pattern.startsWith('**/')) continue;
    if (globMatches(pattern.replace(/^\*\*\//, ''), '.env')) ignored = !negated;
  }
  return ignored;
}

/**
 * What `.gitignore` becomes so that `.env` is ignored: the user's file with one line appended
 * (a file of their own, never rewritten otherwise), a new file when there is none, or
 * undefined when it already ignores `.env`.
 */
export function gitignoreWithEnv(existing: string | undefined): string | undefined {
  if (existing !== undefined && ignoresEnv(existing)) return undefined;
  const base = existing === undefined || existing === '' ? '' : existing.endsWith('\n') ? existing : `${existing}\n`;
  return `${base}# Local settings and passwords for docker compose (pycrane init; .env.example has the template)\n.env\n`;
}
