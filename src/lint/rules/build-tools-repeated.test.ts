import { ruleTester } from '../testing/rule-tester.js';
import { buildToolsRepeated } from './build-tools-repeated.js';

ruleTester(buildToolsRepeated, {
  valid: [
    'FROM python:3.12 AS b\nRUN pip install poetry==1.8.3\nFROM b AS c\nFROM b AS d\n',
    'FROM python:3.12 AS b\nRUN apt-get install -y gcc\nFROM python:3.12 AS c\nRUN pip install poetry==1.8.3\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS a\nRUN apt-get install -y build-essential\nFROM python:3.12 AS b\nRUN apt-get install -y build-essential\n',
      errors: [{ messageId: 'repeated', line: 4, column: 24, endLine: 4, endColumn: 39 }],
    },
  ],
});
