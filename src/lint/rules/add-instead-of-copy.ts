import type { Word } from '../../dockerfile/shell.js';
import { defineRule } from '../rule.js';

/** What ADD fetches instead of reading the build context: URLs (PC206's) and git repositories. */
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)|\.git(#.*)?$/i;
/** Local archives ADD unpacks (its one local use): tar, optionally gzip, bzip2, xz or zstd compressed. */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|Z)|tgz|tbz2?|txz|tzst)$/;

export const addInsteadOfCopy = defineRule({
  id: 'PC208',
  name: 'add-instead-of-copy',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: '`ADD` copies local files or folders, which is what COPY is for.',
    why: 'ADD does more than copy: a local tar archive is extracted (so `ADD vendor.tar.gz /opt/` gives a folder, not the file), and a source that turns out to be a URL or git reference is fetched from the network. Readers, reviewers and scanners have to check each ADD for those cases; COPY does only what it says. Use `COPY` for local files and folders; keep `ADD` for the cases it exists for: extracting a local tar on purpose, or a remote file with `--checksum` (see PC206).\n\nWhat pycrane can see: the sources of each ADD after ARG/ENV substitution. Not reported: URLs and git sources (PC206 add-remote-without-checksum looks at those), `ADD --checksum`, local archives (.tar, .tar.gz, .tgz, .tar.xz, ...: extracting them is ADD\'s one local use), heredocs, and sources built from a variable pycrane cannot resolve (it could hold a URL).',
    bad: { code: 'FROM python:3.12-slim\nADD requirements.txt /app/\nADD src /app/src\n' },
    good: { code: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nCOPY src /app/src\nADD vendor/wheels.tar.gz /opt/wheels/\n' },
  },
  messages: { local: 'ADD copies the local {{source}}: use COPY, which does not extract archives or fetch URLs behind your back.' },
  create(ctx) {
    return {
      ADD(node) {
        if (node.checksum !== undefined || node.heredoc || node.fromRef !== undefined) return;
        const local = node.sources.find((s: Word) => {
          const expanded = node.scope.expand(s.value);
          if (!expanded.complete) return false;
          return !REMOTE.test(expanded.value) && !ARCHIVE.test(expanded.value);
        });
        if (!local) return;
        const remote = node.sources.some((s) => REMOTE.test(node.scope.expand(s.value).value));
        if (remote) return; // a mixed ADD: its local files follow the remote one's reason to be an ADD
        ctx.report({ messageId: 'local', range: node.keywordRange, data: { source: `"${local.value}"` } });
      },
    };
  },
});
