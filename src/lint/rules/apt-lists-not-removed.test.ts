import { ruleTester } from '../testing/rule-tester.js';
import { aptListsNotRemoved } from './apt-lists-not-removed.js';

ruleTester(aptListsNotRemoved, {
  valid: [
    'FROM python:3.12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x\n',
    'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.12\nCOPY --from=b /x /x\n',
    'FROM python:3.12\nRUN apt-get update \\\n && apt-get install -y x \\\n && apt-get clean \\\n && rm -rf /var/lib/apt/lists/*\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x\n', errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x && apt-get clean\n', errors: [{ messageId: 'lists', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
  ],
});
