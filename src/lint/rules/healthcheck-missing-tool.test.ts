import { ruleTester } from '../testing/rule-tester.js';
import { healthcheckMissingTool } from './healthcheck-missing-tool.js';

ruleTester(healthcheckMissingTool, {
  valid: [
    'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM python:3.12-alpine\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1\n',
    'FROM python:3.12-slim\nHEALTHCHECK NONE\n',
    'FROM python:3.12-slim AS app\nFROM app AS dev\nRUN apt-get install -y curl\nHEALTHCHECK CMD curl -f http://localhost/\n',
    { name: 'a package pinned with =', code: 'FROM python:3.12-alpine\nRUN apk add curl=8.5.0-r0\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    { name: 'a package word of 200,000 = and a line break', code: `FROM python:3.12-alpine\nRUN apk add "curl${'='.repeat(200_000)}\u2028"\nHEALTHCHECK CMD curl -f http://localhost/\n` },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1\n', errors: [{ messageId: 'missing', line: 2, column: 32, endLine: 2, endColumn: 36 }] },
    { code: 'FROM python:3.12-alpine\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n', errors: [{ messageId: 'missing', line: 2, column: 18, endLine: 2, endColumn: 24 }] },
    { code: 'FROM python:3.12-slim AS base\nHEALTHCHECK CMD wget -q --spider http://localhost/\nFROM base AS app\n', errors: [{ messageId: 'missing', line: 2, column: 17, endLine: 2, endColumn: 21 }] },
  ],
});
