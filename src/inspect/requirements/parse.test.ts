import { describe, expect, it } from 'vitest';
import type { FileReader } from '../../core/reader.js';
import { memoryReader } from '../../core/reader.js';
import { readRequirementsFile } from './parse.js';

const read = async (files: Record<string, string>, path = 'requirements.txt') => {
  const file = await readRequirementsFile(memoryReader(files), path);
  if (!file) throw new Error(`${path} not found`);
  return file;
};
const names = (lines: readonly { name: string | undefined }[]) => lines.map((l) => l.name);
const codes = (file: { issues: readonly { code: string; source?: { file: string; line: number } }[] }) =>
  file.issues.map((i) => `${i.code} ${i.source?.file}:${i.source?.line}`);

describe('readRequirementsFile: includes', () => {
  it('is undefined for a missing file and empty (not pinned, not hashed) for an empty one', async () => {
    expect(await readRequirementsFile(memoryReader({}), 'requirements.txt')).toBeUndefined();
    const empty = await read({ 'requirements.txt': '# nothing\n' });
    expect(empty).toMatchObject({ requirements: [], hashes: false, pinned: false, issues: [], header: undefined });
  });

  it('flattens -r includes in order, relative to the including file, with = or a space', async () => {
    const file = await read({
      'requirements.txt': 'a==1\n-r requirements/prod.txt\nz==9\n',
      'requirements/prod.txt': '--requirement=./base.txt\ngunicorn==23.0.0\n',
      'requirements/base.txt': 'django==5.1\n-rsub/extra.txt\n',
      'requirements/sub/extra.txt': 'celery==5.4\n',
    });
    expect(names(file.requirements)).toEqual(['a', 'django', 'celery', 'gunicorn', 'z']);
    expect(file.includes).toEqual(['requirements/prod.txt', 'requirements/base.txt', 'requirements/sub/extra.txt']);
    expect(file.requirements[2]?.source).toEqual({ file: 'requirements/sub/extra.txt', line: 1 });
    expect(file.issues).toEqual([]);
  });

  it('keeps the path as given and resolves from its folder; --constraint= works like -c', async () => {
    const file = await read(
      { 'reqs/dev.txt': '--constraint=../constraints.txt\n-r ../reqs/./base.txt\n', 'reqs/base.txt': 'a\n', 'constraints.txt': 'a==1\n' },
      './reqs/dev.txt',
    );
    expect(file.path).toBe('./reqs/dev.txt');
    expect([file.includes, file.constraintFiles]).toEqual([['reqs/base.txt'], ['constraints.txt']]);
    expect(file.requirements[0]?.source).toEqual({ file: 'reqs/base.txt', line: 1 });
    expect(file.constraints[0]).toMatchObject({ name: 'a', pinned: '1', source: { file: 'constraints.txt', line: 1 } });
  });

  it('reads a file included twice once (pip would repeat it)', async () => {
    const file = await read({
      'requirements.txt': '-r a.txt\n-r b.txt\n',
      'a.txt': '-r common.txt\na==1\n',
      'b.txt': '-r common.txt\nb==1\n',
      'common.txt': 'six==1.16.0\n',
    });
    expect(names(file.requirements)).toEqual(['six', 'a', 'b']);
    expect(file.includes).toEqual(['a.txt', 'common.txt', 'b.txt']);
    expect(file.issues).toEqual([]);
  });

  it('reports a loop at the -r line and does not follow it', async () => {
    const file = await read({
      'requirements.txt': 'x==1\n-r dev.txt\n',
      'dev.txt': '# dev\n-r requirements.txt\ny==2\n',
    });
    expect(names(file.requirements)).toEqual(['x', 'y']);
    expect(file.issues).toEqual([
      {
        code: 'E_REQUIREMENTS_LOOP',
        severity: 'error',
        message: '-r requirements.txt includes a file that includes it (requirements.txt -> dev.txt -> requirements.txt): pycrane did not read it again',
        source: { file: 'dev.txt', line: 2 },
      },
    ]);
  });

  it('reports missing, remote, outside and ${VAR} includes without reading them', async () => {
    const file = await read({
      'requirements.txt': [
        '-r missing.txt',
        '-r https://example.com/req.txt',
        '-c ../shared/constraints.txt',
        '-r /etc/requirements.txt',
        '-r ${REQS_DIR}/base.txt',
        'ok==1',
      ].join('\n'),
    });
    expect(names(file.requirements)).toEqual(['ok']);
    expect(file.issues.map((i) => [i.code, i.severity, i.source?.line])).toEqual([
      ['E_REQUIREMENTS_MISSING_INCLUDE', 'error', 1],
      ['W_REQUIREMENTS_REMOTE_INCLUDE', 'warning', 2],
      ['W_REQUIREMENTS_OUTSIDE_PROJECT', 'warning', 3],
      ['W_REQUIREMENTS_OUTSIDE_PROJECT', 'warning', 4],
      ['W_REQUIREMENTS_ENV_INCLUDE', 'warning', 5],
    ]);
    expect(file.issues[0]?.message).toBe('-r missing.txt: missing.txt does not exist, so its requirements are missing here');
  });

  it('reads -c files as constraints, transitively; a -r inside one reads requirements, as pip does', async () => {
    const file = await read({
      'requirements.txt': '-c constraints.txt\nrequests\n',
      'constraints.txt': 'requests==2.32.3\n-c more.txt\n-r extra.txt\n-e ./local\n',
      'more.txt': 'urllib3<3\n',
      'extra.txt': 'idna==3.7\n',
    });
    expect(names(file.requirements)).toEqual(['idna', 'requests']);
    expect(names(file.constraints)).toEqual(['requests', 'urllib3']);
    expect(file.constraintFiles).toEqual(['constraints.txt', 'more.txt']);
    expect(file.includes).toEqual(['extra.txt']);
    expect(codes(file)).toEqual(['W_REQUIREMENTS_BAD_CONSTRAINT constraints.txt:4']);
    expect(file.pinned).toBe(false);
  });

  it('follows a long -r chain without recursion', async () => {
    const files: Record<string, string> = {};
    const depth = 3000;
    for (let i = 0; i < depth; i++) files[i === 0 ? 'requirements.txt' : `r${i}.txt`] = `p${i}==1\n-r r${i + 1}.txt\n`;
    files[`r${depth}.txt`] = 'last==1\n';
    const file = await read(files);
    expect(file.requirements).toHaveLength(depth + 1);
    expect(file.includes).toHaveLength(depth);
    expect(file.requirements.at(-1)?.name).toBe('last');
  });

  it('reports an include the reader cannot read, and a root it cannot read', async () => {
    const failing: FileReader = {
      async read(path) {
        if (path === 'requirements.txt') return '-r broken.txt\n';
        throw new Error('EACCES: permission denied');
      },
      async list() {
        return [];
      },
      async isDirectory() {
        return false;
      },
    };
    const file = await readRequirementsFile(failing, 'requirements.txt');
    expect(file && codes(file)).toEqual(['E_REQUIREMENTS_UNREADABLE requirements.txt:1']);
    const root = await readRequirementsFile(failing, 'other.txt');
    expect(root?.issues.map((i) => i.message)).toEqual(['could not read other.txt: EACCES: permission denied']);
  });
});

describe('readRequirementsFile: lines', () => {
  it('reads hashes on continuation lines and sets hashes and pinned for the file', async () => {
    const text = [
      'certifi==2024.7.4 \\',
      '    --hash=sha256:aaaa \\',
      '    --hash sha256:bbbb',
      '    # via requests',
      'requests @ https://files/requests-2.32.3-py3-none-any.whl --hash=sha512:cccc',
      '-e . --hash=sha256:ignored',
    ].join('\r\n');
    const file = await read({ 'requirements.txt': `\ufeff${text}` });
    expect(file.requirements.map((r) => [r.name, r.pinned, r.hashes, r.editable, r.source.line])).toEqual([
      ['certifi', '2024.7.4', ['sha256:aaaa', 'sha256:bbbb'], false, 1],
      ['requests', '2.32.3', ['sha512:cccc'], false, 5],
      [undefined, undefined, [], true, 6],
    ]);
    expect(file.pinned).toBe(true);
    expect(file.hashes).toBe(false);
    expect(codes(file)).toEqual(['W_REQUIREMENTS_IGNORED_OPTION requirements.txt:6']);
    const hashed = await read({ 'requirements.txt': 'a==1 --hash=sha256:aa\nb==2 --hash=sha256:bb\n' });
    expect([hashed.hashes, hashed.pinned]).toEqual([true, true]);
    expect((await read({ 'requirements.txt': 'a==1 --hash=sha256:aa\nb>=2 --hash=sha256:bb\n' })).pinned).toBe(false);
  });

  it('records index options (last -i wins), find-links and --no-index, and ignores the others silently', async () => {
    const file = await read({
      'requirements.txt': [
        '--index-url https://first/simple',
        '-i https://mirror/simple',
        '--extra-index-url=https://extra/simple --trusted-host extra',
        '-f ./wheels',
        '--no-index',
        '--pre',
        '--prefer-binary',
        '--only-binary :all:',
        '--no-binary=lxml',
        '--require-hashes',
        '-r more.txt',
      ].join('\n'),
      'more.txt': '--find-links https://download.pytorch.org/whl/torch_stable.html\n',
    });
    expect(file.indexUrl).toEqual({ value: 'https://mirror/simple', source: { file: 'requirements.txt', line: 2 } });
    expect(file.extraIndexUrls).toEqual([{ value: 'https://extra/simple', source: { file: 'requirements.txt', line: 3 } }]);
    expect(file.findLinks.map((f) => f.value)).toEqual(['./wheels', 'https://download.pytorch.org/whl/torch_stable.html']);
    expect(file.noIndex).toBe(true);
    expect(file.issues).toEqual([]);
  });

  it('keeps ${VAR} as written', async () => {
    const file = await read({ 'requirements.txt': '-i https://${USER}:${TOKEN}@pypi.example/simple\npkg @ https://${HOST}/pkg-1.0-py3-none-any.whl\n' });
    expect(file.indexUrl?.value).toBe('https://${USER}:${TOKEN}@pypi.example/simple');
    expect(file.requirements[0]).toMatchObject({ name: 'pkg', url: 'https://${HOST}/pkg-1.0-py3-none-any.whl' });
  });

  it('warns about bad requirements, unknown options and stray hashes, and skips them', async () => {
    const file = await read({
      'requirements.txt': ['ok==1', 'foo = 1.0', '--install-option=--prefix=/x', 'bar==2 --install-option=x', '--hash=sha256:aa', '-e git+https://github.com/x/y.git', 'baz==3 --hash=md5:abc'].join('\n'),
    });
    expect(names(file.requirements)).toEqual(['ok', 'bar', 'baz']);
    expect(file.requirements[2]?.hashes).toEqual([]);
    expect(codes(file)).toEqual([
      'W_BAD_REQUIREMENT requirements.txt:2',
      'W_REQUIREMENTS_UNKNOWN_OPTION requirements.txt:3',
      'W_REQUIREMENTS_UNKNOWN_OPTION requirements.txt:4',
      'W_REQUIREMENTS_HASH_WITHOUT_REQUIREMENT requirements.txt:5',
      'W_BAD_REQUIREMENT requirements.txt:6',
      'W_REQUIREMENTS_BAD_HASH requirements.txt:7',
    ]);
    expect(file.issues[0]).toEqual({
      code: 'W_BAD_REQUIREMENT',
      severity: 'warning',
      message: '`foo = 1.0` is not a valid requirement: `= 1.0` does not start with a version operator; pycrane skipped the line',
      source: { file: 'requirements.txt', line: 2 },
    });
  });

  it('never throws on arbitrary bytes', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'ab=<>~!;@[](),.#\\\'" -e-r-c--hash=:/\n\r\t${}*+\u00e9\ufeff';
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let i = 0; i < 300; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const file = await readRequirementsFile(memoryReader({ 'requirements.txt': text, r: '-r requirements.txt' }), 'requirements.txt');
      expect(file?.path).toBe('requirements.txt');
    }
  });

  it('reads a 50,000-line file (linear time)', async () => {
    const lines: string[] = ['# This file was autogenerated by uv via the following command:', '#    uv pip compile requirements.in'];
    for (let i = 0; i < 50_000; i++) {
      lines.push(i % 2 === 0 ? `package-${i}==1.${i}.0 \\` : `pkg${i}[extra]>=2,<3 ; python_version >= "3.9" and sys_platform != "win32" \\`);
      lines.push(`    --hash=sha256:${i.toString(16).padStart(64, '0')}`);
      lines.push('    # via -r requirements.in');
    }
    const file = await read({ 'requirements.txt': lines.join('\n') });
    expect(file.requirements).toHaveLength(50_000);
    expect(file.requirements[49_999]).toMatchObject({ name: 'pkg49999', specifier: '>=2,<3', extras: ['extra'], source: { line: 150_000 } });
    expect(file.hashes).toBe(true);
    expect(file.header?.inputs).toEqual(['requirements.in']);
  });
});
