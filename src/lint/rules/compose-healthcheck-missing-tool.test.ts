import { ruleTester } from '../testing/rule-tester.js';
import { composeHealthcheckMissingTool } from './compose-healthcheck-missing-tool.js';

const slim = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "-m", "app"]\n';
const withCurl = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nCOPY . /app\n';
const full = 'FROM python:3.12\nCOPY . /app\n';
const multi = 'FROM python:3.12 AS build\nRUN pip wheel -w /w .\nFROM python:3.12-slim-bookworm AS app\nCOPY --from=build /w /w\n';

ruleTester(composeHealthcheckMissingTool, {
  valid: [
    { name: 'python probe', code: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "python", "-c", "import urllib.request"]\n', files: { dockerfile: slim } },
    { name: 'curl installed', code: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n', files: { dockerfile: withCurl } },
    { name: 'full image has curl', code: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: curl -f http://localhost/ || exit 1\n', files: { dockerfile: full } },
    { name: 'unknown Dockerfile', code: 'services:\n  web:\n    build: ./other\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/"]\n', files: { dockerfile: slim } },
    { name: 'postgres image', code: 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n' },
    { name: 'alpine has busybox wget', code: 'services:\n  web:\n    image: python:3.12-alpine\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost/"]\n' },
    { name: 'disabled', code: 'services:\n  web:\n    image: python:3.12-slim\n    healthcheck:\n      disable: true\n      test: ["CMD", "curl", "x"]\n' },
  ],
  invalid: [
    { name: 'exec form, built from slim', code: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]\n', files: { dockerfile: slim }, errors: [{ messageId: 'missing', line: 5, column: 21, endLine: 5, endColumn: 27 }] },
    { name: 'CMD-SHELL, image only', code: 'services:\n  web:\n    image: python:3.11-slim\n    healthcheck:\n      test: ["CMD-SHELL", "wget -q --spider http://localhost || exit 1"]\n', errors: [{ messageId: 'missing', line: 5, column: 27, endLine: 5, endColumn: 72 }] },
    { name: 'string form, target stage from slim', code: 'services:\n  web:\n    build:\n      context: .\n      target: app\n    healthcheck:\n      test: curl -fsS http://localhost/health\n', files: { dockerfile: multi }, errors: [{ messageId: 'missing', line: 7, column: 13, endLine: 7, endColumn: 46 }] },
  ],
});
