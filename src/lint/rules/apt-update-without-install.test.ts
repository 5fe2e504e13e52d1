import { ruleTester } from '../testing/rule-tester.js';
import { aptUpdateWithoutInstall } from './apt-update-without-install.js';

ruleTester(aptUpdateWithoutInstall, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n',
    { name: 'install in the text, after apt words that do not install', code: 'FROM debian:12\nRUN apt-get update && echo "apt apt-get; aptitude" && f() { apt-cache policy; apt-get -y install "$@"; } && f curl\n' },
    { name: 'update and upgrade', code: 'FROM debian:12\nRUN apt-get update && apt-get -y dist-upgrade\n' },
    { name: 'install through xargs', code: 'FROM debian:12\nCOPY packages.txt /tmp/\nRUN apt-get update && xargs -a /tmp/packages.txt apt-get install -y\n' },
    { name: 'a script that may install', code: 'FROM debian:12\nCOPY install.sh /tmp/\nRUN apt-get update && /tmp/install.sh\n' },
    { name: 'a helper that installs', code: 'FROM bitnami/minideb:bookworm\nRUN apt-get update && install_packages curl\n' },
    { name: 'the lists in a cache mount', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get install -y curl\n' },
    { name: 'apt-get with options before install', code: 'FROM debian:12\nRUN apt-get update -q && apt-get -o Dpkg::Options::=--force-confnew -y install curl\n' },
    { name: 'no update at all', code: 'FROM debian:12\nRUN apt-get clean\n' },
  ],
  invalid: [
    {
      name: 'a text of 60,000 apt words and no install',
      code: `FROM debian:12\nRUN apt-get update && echo ${'apt '.repeat(60_000)}installs; echo install\n`,
      errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19 }],
    },
    { name: 'update alone', code: 'FROM python:3.12-slim\nRUN apt-get update\nRUN apt-get install -y curl\n', errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'apt update with options', code: 'FROM ubuntu:24.04\nRUN apt -qq update && echo done\n', errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'update in a builder stage too', code: 'FROM python:3.12 AS build\nRUN apt-get update -y\nFROM python:3.12-slim\n', errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 22 }] },
    { name: 'update and cleanup only', code: 'FROM debian:12\nRUN apt-get update && apt-get clean\n', errors: [{ messageId: 'alone', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
  ],
});
