import { ruleTester } from '../testing/rule-tester.js';
import { aptListsNotRemoved } from './apt-lists-not-removed.js';

ruleTester(aptListsNotRemoved, {
  valid: [
    'FROM python:3.12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x\n',
    'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.12\nCOPY --from=b /x /x\n',
    'FROM python:3.12\nRUN apt-get update \\\n && apt-get install -y x \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n',
    { name: 'apt-get distclean removes the lists', code: 'FROM python:3.13-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && apt-get distclean\n' },
    { name: 'apt dist-clean', code: 'FROM python:3.13-slim\nRUN apt update && apt install -y libpq5 && apt dist-clean\n' },
    { name: 'rm of the folder itself, through sudo and a variable', code: 'FROM python:3.12\nARG LISTS=/var/lib/apt/lists\nRUN apt-get -qq update && apt-get install -y x && sudo rm -r "$LISTS"\n' },
    { name: 'rm of the list files by a pattern (python-docs-samples endpoints)', code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y python3-pip && apt-get clean && rm /var/lib/apt/lists/*_*\n' },
    { name: 'find -delete', code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x && find /var/lib/apt/lists -type f -delete\n' },
    { name: 'a tmpfs on the lists', code: 'FROM python:3.12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n' },
    { name: 'inside sh -c', code: 'FROM python:3.12\nRUN sh -c "apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*"\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x\n', errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'apt-get clean alone keeps the lists', code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x && apt-get clean\n', errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'removed before the update', code: 'FROM python:3.12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x\n', errors: [{ messageId: 'lists', line: 2, column: 36, endLine: 2, endColumn: 50 }] },
    { name: 'only mentioned, not removed', code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x && ls /var/lib/apt/lists && rm -rf /tmp/*\n', errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'removing the archives is not the lists', code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x && rm -rf /var/cache/apt/archives/*\n', errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
  ],
});
