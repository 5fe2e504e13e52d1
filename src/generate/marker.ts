import { createHash } from 'node:crypto';

/**
 * Every file pycrane writes carries a digest of its own contents. On the next `init`, a file
 * whose digest still matches was written by pycrane and not touched since: it may be
 * replaced. A file without the line, or whose contents no longer match it, belongs to the
 * user and is only replaced with --force.
 */
export type CommentStyle = '#' | '//' | '<!--';

const DIGEST_LINE = /^(?:#|\/\/|<!--) pycrane-digest: sha256:(?<digest>[0-9a-f]{16})(?: -->)?[ \t]*$/m;

/** A comment line in the style: `# text`, `// text`, `<!-- text -->` (Markdown, where `#` is a heading). */
export function comment(style: CommentStyle, text: string): string {
  return style === '<!--' ? `<!-- ${text} -->` : `${style} ${text}`;
}

function digestOf(textWithoutDigestLine: string): string {
  return createHash('sha256').update(textWithoutDigestLine).digest('hex').slice(0, 16);
}

/** Header comment lines that explain the file's origin, before the digest line. */
export function headerLines(style: CommentStyle, sources: readonly string[], configFile: 'pyproject.toml' | 'pycrane.toml'): string[] {
  const from = sources.length <= 1 ? (sources[0] ?? 'the project') : `${sources.slice(0, -1).join(', ')} and ${sources[sources.length - 1]}`;
  const config = configFile === 'pyproject.toml' ? '[tool.pycrane] in pyproject.toml' : 'pycrane.toml';
  return [
    comment(style, `Written by pycrane from ${from}.`),
    comment(style, `To change it, edit ${config} and run \`pycrane init\` again.`),
    comment(style, 'Editing this file by hand makes it yours: pycrane then leaves it alone.'),
  ];
}

/**
 * Inserts the digest line after the header (or at `index`) and returns the stamped text.
 * The digest covers the text as it is without that line.
 */
export function stamp(text: string, style: CommentStyle, lineIndex: number): string {
  const lines = text.split('\n');
  const digest = digestOf(text);
  lines.splice(lineIndex, 0, comment(style, `pycrane-digest: sha256:${digest}`));
  return lines.join('\n');
}

export type Ownership = 'pycrane' | 'edited' | 'user';

/** Who owns an existing file: untouched pycrane output, pycrane output edited by hand, or the user's own. */
export function ownership(text: string): Ownership {
  const match = DIGEST_LINE.exec(text);
  if (!match?.groups) return 'user';
  const without = text.slice(0, match.index) + text.slice(match.index + match[0].length + 1);
  return digestOf(without) === match.groups.digest ? 'pycrane' : 'edited';
}
