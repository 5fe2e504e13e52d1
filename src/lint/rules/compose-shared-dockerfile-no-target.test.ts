import { ruleTester } from '../testing/rule-tester.js';
import { composeSharedDockerfileNoTarget } from './compose-shared-dockerfile-no-target.js';

const twoFinals = 'FROM python:3.12-slim AS base\nFROM base AS app\nCMD ["app"]\nFROM base AS dev\nCMD ["sleep", "infinity"]\n';
const single = 'FROM python:3.12-slim AS build\nRUN pip wheel -w /w .\nFROM python:3.12-slim\nCOPY --from=build /w /w\n';

ruleTester(composeSharedDockerfileNoTarget, {
  valid: [
    { name: 'web and worker share one image', code: 'services:\n  web:\n    build: .\n  worker:\n    build: .\n    command: celery worker\n' },
    { name: 'one final stage', code: 'services:\n  web:\n    build: .\n  worker:\n    build: .\n', files: { dockerfile: single } },
    { name: 'every service names its stage', code: 'services:\n  app:\n    build:\n      context: .\n      target: app\n  dev:\n    build:\n      context: .\n      target: dev\n' },
    { name: 'the untargeted one gets the last stage, which the other targets', code: 'services:\n  web:\n    build:\n      context: .\n      target: app\n  worker:\n    build: .\n', files: { dockerfile: 'FROM python:3.12-slim AS base\nFROM base AS app\n' } },
    { name: 'different Dockerfiles', code: 'services:\n  app:\n    build:\n      context: .\n      target: app\n  docs:\n    build:\n      context: ./docs\n' },
  ],
  invalid: [
    {
      name: 'one picks a target, the other does not',
      code: 'services:\n  app:\n    build:\n      context: .\n      target: app\n  dev:\n    build:\n      context: .\n',
      errors: [{ messageId: 'noTarget', line: 7, column: 5, endLine: 7, endColumn: 10 }],
    },
    {
      name: 'none picks a target while the Dockerfile has two final stages',
      code: 'services:\n  app:\n    build: .\n  dev:\n    build: .\n',
      files: { dockerfile: twoFinals },
      errors: [
        { messageId: 'noTarget', line: 3, column: 5, endLine: 3, endColumn: 10 },
        { messageId: 'noTarget', line: 5, column: 5, endLine: 5, endColumn: 10 },
      ],
    },
    {
      name: 'the last stage is a dev stage',
      code: 'services:\n  web:\n    build:\n      context: .\n      target: dev\n  worker:\n    build: .\n',
      files: { dockerfile: 'FROM python:3.12-slim AS app\nFROM app AS dev\n' },
      errors: [{ messageId: 'noTarget', line: 7, column: 5, endLine: 7, endColumn: 10 }],
    },
  ],
});
