import { ruleTester } from '../testing/rule-tester.js';
import { credentialsInUrl } from './credentials-in-url.js';

ruleTester(credentialsInUrl, {
  valid: [
    'FROM python:3.12\nRUN pip install --index-url https://pypi.example.com/simple x==1\n',
    'FROM python:3.12\nRUN --mount=type=secret,id=t,env=TOKEN pip install --index-url "https://__token__:${TOKEN}@pypi.example.com/simple" x==1\n',
    'FROM python:3.12\nRUN --mount=type=secret,id=t TOKEN=$(cat /run/secrets/t) && pip install --index-url "https://u:${TOKEN}@h/simple" x==1\n',
    'FROM python:3.12\nRUN git clone https://github.com/org/repo.git\n',
    'FROM python:3.12\n# RUN pip install --index-url https://u:p@h/simple x\n',
    { name: 'a run of 100,000 a. (each a word boundary)', code: `FROM python:3.12\nRUN echo ${'a.'.repeat(100_000)}\n` },
  ],
  invalid: [
    { code: 'FROM python:3.12\nENV PIP_INDEX_URL=https://ci:pw@pypi.example.com/simple\n', errors: [{ messageId: 'literal', line: 2, column: 27, endLine: 2, endColumn: 32 }] },
    { name: 'uv index', code: 'FROM python:3.12\nENV UV_DEFAULT_INDEX=https://ci:pw@pypi.example.com/simple\n', errors: [{ messageId: 'literal', line: 2, column: 30, endLine: 2, endColumn: 35 }] },
    {
      name: 'a scheme with + and digits, in quotes, after a run of a.',
      code: `FROM python:3.12\nRUN pip install "git+https://ci:pw@git.example.com/x.git" && echo ${'a.'.repeat(100_000)}=svn+ssh2://u:p@h\n`,
      errors: [{ messageId: 'literal', line: 2, column: 30, endLine: 2, endColumn: 35 }, { messageId: 'literal', line: 2, column: 200_079, endLine: 2, endColumn: 200_082 }],
    },
    { name: 'PDM source', code: 'FROM python:3.12\nRUN PDM_PYPI_URL=https://ci:pw@pypi.example.com/simple pdm sync\n', errors: [{ messageId: 'literal', line: 2, column: 26, endLine: 2, endColumn: 31 }] },
    {
      code: 'FROM python:3.12\nARG TOKEN\nRUN pip install --index-url "https://__token__:${TOKEN}@h/simple" x==1\n',
      errors: [{ messageId: 'variable', line: 3, column: 38, endLine: 3, endColumn: 56 }],
    },
  ],
});
