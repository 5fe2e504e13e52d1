import { defineRule } from '../rule.js';

export const addRemoteWithoutChecksum = defineRule({
  id: 'PC206',
  name: 'add-remote-without-checksum',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: '`ADD <https URL>` downloads a file without `--checksum`, so whatever the server returns goes into the image.',
    why: 'A remote ADD trusts the server and everything between it and the builder: a compromised release, a moved tag or a man-in-the-middle ends up in the image unnoticed, and the build is not reproducible. `ADD --checksum=sha256:<hash> <url> <dest>` (Dockerfile syntax 1.6+) fails the build when the content changes.',
    bad: { code: 'FROM python:3.12-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n' },
    good: { code: `FROM python:3.12-slim\nADD --checksum=sha256:${'9'.repeat(64)} https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n` },
  },
  messages: { noChecksum: 'ADD downloads {{url}} without --checksum; pin its sha256 (`ADD --checksum=sha256:<hash>`).' },
  create(ctx) {
    return {
      ADD(node) {
        if (node.checksum !== undefined) return;
        for (const s of node.sources) {
          if (/^https?:\/\//i.test(s.value) && !/\.git(#.*)?$/.test(s.value)) ctx.report({ messageId: 'noChecksum', range: s.range, data: { url: s.value } });
        }
      },
    };
  },
});
