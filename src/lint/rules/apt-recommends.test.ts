import { ruleTester } from '../testing/rule-tester.js';
import { aptRecommends } from './apt-recommends.js';

ruleTester(aptRecommends, {
  valid: [
    'FROM python:3.12\nRUN apt-get install -y --no-install-recommends x\n',
    'FROM python:3.12\nRUN apt-get -o APT::Install-Recommends=false install -y x\n',
    'FROM python:3.12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/norec && apt-get install -y x\n',
    'FROM python:3.12 AS b\nRUN apt-get install -y x\nFROM python:3.12\n',
    'FROM python:3.12\nRUN apt-get update\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y x\n', errors: [{ messageId: 'recommends', line: 2, column: 23, endLine: 2, endColumn: 38 }] },
    { code: 'FROM python:3.12\nRUN apt-get -yq install \\\n    x y\n', errors: [{ messageId: 'recommends', line: 2, column: 5, endLine: 2, endColumn: 24 }] },
  ],
});
