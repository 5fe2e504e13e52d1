import { defineRule } from '../rule.js';

export const addRemoteWithoutChecksum = defineRule({
  id: 'PC206',
  name: 'add-remote-without-checksum',
  kind: 'dockerfile',
  category: 'security',
  defaultSeverity: 'warning',
  docs: {
    summary: '`ADD <https URL>` downloads a file without `--checksum`, so whatever the server returns goes into the image.',
    why: 'A remote ADD trusts the server and everything between it and the builder: a compromised release, a moved tag or a man-in-the-middle ends up in the image unnoticed, and the build is not reproducible. `ADD --checksum=sha256:<hash> <url> <dest>` (Dockerfile syntax 1.6+) fails the build when the content changes. A URL from a build argument is seen through its default (`ARG TINI_URL=https://...`); an ARG without a default counts as a URL when its name ends in URL (`ADD $DOWNLOAD_URL code.tar.gz`) and does not name a git repository (`GIT_URL`, `REPO_URL`). Any other source without a known value is not judged, nor a `--checksum` whose value comes from an ARG.',
    bad: { code: 'FROM python:3.12-slim\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n' },
    good: { code: `FROM python:3.12-slim\nADD --checksum=sha256:${'9'.repeat(64)} https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n` },
  },
  messages: {
    noChecksum: 'ADD downloads {{url}} without --checksum; pin its sha256 (`ADD --checksum=sha256:<hash>`).',
    noChecksumArg: 'ADD downloads the URL of build argument {{name}} without --checksum; pass its sha256 in a second build argument and add `--checksum=sha256:<hash>` from it.',
  },
  create(ctx) {
    const remote = (url: string) => /^https?:\/\//i.test(url) && !/\.git(#.*)?$/.test(url);
    return {
      ADD(node) {
        if (node.checksum !== undefined) return;
        for (const s of node.sources) {
          const url = node.scope.expand(s.value).value;
          if (remote(url)) {
            ctx.report({ messageId: 'noChecksum', range: s.range, data: { url } });
            continue;
          }
          // `ADD $DOWNLOAD_URL code.tar.gz` with `ARG DOWNLOAD_URL` and no default: a URL by its name (not a git repository).
          const name = /^\$\{?(\w+)\}?$/.exec(s.value)?.[1];
          if (name && /url$/i.test(name) && !/git|repo/i.test(name) && node.scope.get(name)?.value === undefined) ctx.report({ messageId: 'noChecksumArg', range: s.range, data: { name } });
        }
      },
    };
  },
});
