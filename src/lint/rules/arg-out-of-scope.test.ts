import { ruleTester } from '../testing/rule-tester.js';
import { argOutOfScope } from './arg-out-of-scope.js';

ruleTester(argOutOfScope, {
  valid: [
    'ARG V=1\nFROM python:3.12\nARG V\nRUN echo $V\n',
    'ARG TAG=3.12\nFROM python:${TAG}-slim\n',
    'FROM python:3.12 AS a\nARG X=1\nENV X=$X\nFROM a\nRUN echo $X\n',
    'FROM python:3.12\nRUN echo $HOME $PATH\n',
    { name: 'the python image sets PYTHON_VERSION itself', code: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\nRUN echo "$PYTHON_VERSION"\n' },
    'ARG V\nFROM python:3.12\nRUN echo ${V:-default}\n',
    { name: 'shell-local variable', code: 'ARG V=1\nFROM python:3.12\nRUN for V in a b; do echo $V; done\n' },
    { name: 'comment line in a continuation', code: 'ARG V=1\nFROM python:3.12\nENV A=1 \\\n  # uses $V\n  B=2\n' },
    { name: 'every name of a multi-name ARG is declared', code: 'ARG A=1 B=2\nFROM python:3.12\nARG A B\nRUN echo $A $B\n' },
    { name: 'COPY heredoc body is a file, not an expansion', code: 'ARG V=1\nFROM python:3.12\nCOPY <<EOF /x.sh\necho $V\nEOF\n' },
  ],
  invalid: [
    {
      name: 'the seed: ENV from an ARG declared in another stage',
      code: 'FROM python:3.12 AS builder\nARG POETRY_VERSION=1.8.3\nFROM python:3.12 AS app\nENV POETRY_VERSION=$POETRY_VERSION\n',
      errors: [{ messageId: 'notInStage', line: 4, column: 20, endLine: 4, endColumn: 35 }],
    },
    {
      name: 'the second name of a multi-name global ARG, not redeclared',
      code: 'ARG A=1 B=2\nFROM python:3.12\nARG A\nRUN echo $A $B\n',
      errors: [{ messageId: 'notInStage', line: 4, column: 13, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'global ARG not redeclared',
      code: 'ARG V=1\nFROM python:3.12\nRUN pip install "x==${V}"\n',
      errors: [{ messageId: 'notInStage', line: 3, column: 21, endLine: 3, endColumn: 25 }],
    },
    {
      name: 'used before its ARG',
      code: 'FROM python:3.12\nWORKDIR $DIR\nARG DIR=/app\n',
      errors: [{ messageId: 'notInStage', line: 2, column: 9, endLine: 2, endColumn: 13 }],
    },
    {
      name: 'FROM with a stage ARG',
      code: 'FROM python:3.12 AS a\nARG TAG=3.12\nFROM python:$TAG\n',
      errors: [{ messageId: 'notGlobal', line: 3, column: 13, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'ARGs are not inherited through FROM <stage>',
      code: 'FROM python:3.12 AS a\nARG V=1\nFROM a AS b\nRUN echo $V\n',
      errors: [{ messageId: 'notInStage', line: 4, column: 10, endLine: 4, endColumn: 12 }],
    },
  ],
});
