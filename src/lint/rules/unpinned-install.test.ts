import { ruleTester } from '../testing/rule-tester.js';
import { unpinnedInstall } from './unpinned-install.js';

ruleTester(unpinnedInstall, {
  valid: [
    'FROM python:3.12\nRUN pip install poetry==1.8.3\n',
    'FROM python:3.12\nARG V=1.7.1\nRUN pip install "pipx==$V" && pipx install "poetry==${V}"\n',
    'FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel\n',
    'FROM python:3.12\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12\nRUN pip install . && pip install /wheels/*.whl\n',
    'FROM python:3.12\nRUN pip install -c constraints.txt flask\n',
    'FROM python:3.12\nENV POETRY_VERSION=1.8.3\nRUN curl -sSL https://install.python-poetry.org | python3 -\n',
    'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/\n',
    'FROM python:3.12\nRUN pip install "git+https://github.com/org/repo@v1.0"\n',
    { name: 'PDM installer with a version', code: 'FROM python:3.12\nRUN curl -sSL https://pdm-project.org/install-pdm.py | python3 - --version 2.20.1\n' },
    { name: 'pipx-installed tools, pinned', code: 'FROM python:3.12\nRUN pipx install pdm==2.20.1 && pipx install "pipenv==2024.4.0" && pipx install pip-tools==7.5.2\n' },
    {
      name: 'VCS requirements pinned to a commit (git, a user in the host, name @ url, an ARG) a version tag, or an svn revision',
      code: 'FROM python:3.12\nARG REF\nRUN pip install git+https://github.com/org/repo.git@0123456789abcdef0123456789abcdef01234567#egg=repo "lib @ git+ssh://git@github.com/org/lib.git@89abcdef0123456789abcdef0123456789abcdef" git+https://github.com/org/x@${REF} git+https://github.com/org/y.git@release-2.4.1 svn+https://svn.example.org/repo/trunk@1234\n',
    },
    {
      name: 'refs that name a version',
      code: 'FROM python:3.12\nRUN pip install git+https://github.com/o/a@v1.2.0 git+https://github.com/o/b@1.2.3-rc1 git+https://github.com/o/c@release/v2.4 git+https://github.com/o/d@2.0.0+build.1 git+https://github.com/o/e@rel_1.0.0.post1\n',
    },
    { name: 'a uv image on a registry with a port', code: 'FROM python:3.12\nCOPY --from=localhost:5000/astral-sh/uv:0.5.4 /uv /bin/\n' },
    { name: 'a constraint file given by a prefix pip accepts', code: 'FROM python:3.12\nRUN pip install --constr c.txt flask\n' },
  ],
  invalid: [
    {
      name: 'a VCS URL without a ref (dryabokon/markup), and ones on a branch',
      code: 'FROM python:3.12\nRUN pip install git+https://github.com/philferriere/cocoapi.git#subdirectory=PythonAPI\nRUN pip install "git+ssh://git@github.com/org/lib.git@develop" && pipx install git+https://github.com/org/tool@main\n',
      errors: [
        { messageId: 'vcs', line: 2, column: 17, endLine: 2, endColumn: 87 },
        { messageId: 'vcsRef', line: 3, column: 17, endLine: 3, endColumn: 63 },
        { messageId: 'vcsRef', line: 3, column: 80, endLine: 3, endColumn: 116 },
      ],
    },
    { code: 'FROM python:3.12\nRUN pip install poetry\n', errors: [{ messageId: 'unpinned', line: 2, column: 17, endLine: 2, endColumn: 23 }] },
    { code: 'FROM python:3.12\nRUN pipx install poetry && pip install "gunicorn>=20"\n', errors: [{ messageId: 'unpinned', line: 2, column: 18, endLine: 2, endColumn: 24 }, { messageId: 'unpinned', line: 2, column: 40, endLine: 2, endColumn: 54 }] },
    { code: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n', errors: [{ messageId: 'installer', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    { name: 'PDM installer', code: 'FROM python:3.12\nRUN curl -sSL https://pdm-project.org/install-pdm.py | python3 -\n', errors: [{ messageId: 'installer', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    { name: 'pipenv, pip-tools and uv tools unpinned', code: 'FROM python:3.12\nRUN pipx install pipenv && pip install pip-tools && uv tool install hatch\n', errors: [{ messageId: 'unpinned', line: 2, column: 18, endLine: 2, endColumn: 24 }, { messageId: 'unpinned', line: 2, column: 40, endLine: 2, endColumn: 49 }, { messageId: 'unpinned', line: 2, column: 69, endLine: 2, endColumn: 74 }] },
    { code: 'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /bin/\n', errors: [{ messageId: 'image', line: 2, column: 6, endLine: 2, endColumn: 40 }] },
    {
      name: 'refs that do not name a version: a second - in the suffix, two / in the prefix, no dot',
      code: 'FROM python:3.12\nRUN pip install git+https://github.com/o/a@1.2.3-rc-1 git+https://github.com/o/b@a/b/1.2 git+https://github.com/o/c@v12\n',
      errors: [
        { messageId: 'vcsRef', line: 2, column: 17, endLine: 2, endColumn: 54 },
        { messageId: 'vcsRef', line: 2, column: 55, endLine: 2, endColumn: 89 },
        { messageId: 'vcsRef', line: 2, column: 90, endLine: 2, endColumn: 120 },
      ],
    },
    {
      name: 'a ref of 100,000 .1 groups and a character that ends it',
      code: `FROM python:3.12\nRUN pip install git+https://github.com/o/a@v1${'.1'.repeat(100_000)}!\n`,
      errors: [{ messageId: 'vcsRef', line: 2, column: 17, endLine: 2, endColumn: 200_047 }],
    },
    {
      name: 'a uv image tag of 200,000 colons and a slash',
      code: `FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv${':'.repeat(200_000)}/x /uv /bin/\n`,
      errors: [{ messageId: 'image', line: 2, column: 6, endLine: 2, endColumn: 200_035 }],
    },
  ],
});
