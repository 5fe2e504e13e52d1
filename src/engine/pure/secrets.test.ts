import { describe, expect, it } from 'vitest';
import { checkAssignment, checkText, findCredentials, mask, redact } from './secrets.js';

describe('credential detection', () => {
  it.each([
    ['GITHUB_TOKEN', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
    ['API_KEY', 'abc123def456'],
    ['DB_PASSWORD', 'hunter2'],
    ['POETRY_HTTP_BASIC_PRIVATE_PASSWORD', 'x7y8z9'],
    ['PIP_INDEX_URL', 'https://user:s3cret@pypi.example.com/simple/'],
    ['SOMETHING', 'AKIAABCDEFGHIJKLMNOP'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ])('flags %s', (name, value) => {
    expect(checkAssignment(name, value)).toBeDefined();
  });
  it.each([
    ['PATH', '/opt/venv/bin:/usr/bin'],
    ['PYTHON_GPG_KEY', 'A035C8C19219BA821ECEA86B64E628F8D684696D'],
    ['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
    ['PIP_INDEX_URL', 'http://127.0.0.1:3141/trixie/simple/'],
    ['TOKEN_FILE', '/run/secrets/token'],
    ['API_TOKEN', ''],
    ['API_TOKEN', '${API_TOKEN}'],
    ['SECRET_KEY_FILE', 'x'],
    ['SECRET_KEY', 'collectstatic-build-only-not-a-secret'],
  ])('leaves %s=%s alone', (name, value) => {
    expect(checkAssignment(name, value)).toBeUndefined();
  });
  it('finds NAME=value in history steps but not secret mounts', () => {
    expect(checkText('|1 NPM_TOKEN=abcdef123 /bin/sh -c npm ci')).toHaveLength(1);
    expect(checkText('ENV PASSWORD=hunter2')).toHaveLength(1);
    // A stand-in that says what it is (pycrane's Django collectstatic step) is not a leak; a look-alike is.
    expect(checkText('RUN SECRET_KEY=collectstatic-build-only-not-a-secret DATABASE_URL=sqlite:////tmp/c.sqlite3 python manage.py collectstatic --noinput')).toEqual([]);
    expect(checkText('RUN SECRET_KEY=notasecretreally python manage.py collectstatic')).toHaveLength(1);
    expect(checkText('RUN --mount=type=secret,id=netrc,target=/root/.netrc pip install x # buildkit')).toEqual([]);
  });
  it('finds a password in a URL whose scheme starts after a non-word character', () => {
    expect(checkText('x=git+https://bot:pw123@host/r.git').map((h) => h.value)).toContain('pw123');
    expect(checkText('1.http://bot:pw123@host/').map((h) => h.value)).toEqual(['pw123']);
    expect(checkText('_http://bot:pw123@host/ 1http://bot:pw123@host/ ://bot:pw123@host/')).toEqual([]);
    expect(checkAssignment('URL', 'https://bot:${PW}@host/')).toBeUndefined();
  });

  it('checks long runs of scheme characters in linear time', () => {
    const run = 'a.'.repeat(100_000);
    expect(checkText(run)).toEqual([]);
    expect(checkAssignment('LABEL', `${run}://bot:pw123@host/`)).toBe('URL with a password');
    expect(checkText(`${run}:// ${run}://bot:pw123@host/`).map((h) => h.value)).toEqual(['pw123']);
  });

  it('never repeats the value', () => {
    const findings = findCredentials({ env: ['GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345'], labels: { 'com.example.api-key': 'zzz-123-secret' }, history: ['ENV GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJ012345'] });
    expect(findings.map((f) => f.where)).toEqual(['env', 'label', 'history']);
    for (const f of findings) expect(f.masked).not.toMatch(/0123456789|secret/);
    expect(mask('ghp_0123456789abcdefghijABCDEFGHIJ012345')).toBe('ghp_…(40 chars)');
  });

  it('redacts quoted history', () => {
    const step = 'RUN |1 PIP_INDEX_URL=http://bot:s3cr3t-pw@host/simple/ /bin/sh -c pip install x';
    expect(redact(step)).toBe('RUN |1 PIP_INDEX_URL=http://bot:s3…(9 chars)@host/simple/ /bin/sh -c pip install x');
    expect(redact('ENV TOKEN=abcdef123456')).not.toContain('abcdef123456');
    expect(redact('COPY /opt/venv /opt/venv')).toBe('COPY /opt/venv /opt/venv');
  });
});
