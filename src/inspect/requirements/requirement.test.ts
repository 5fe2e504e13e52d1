import { describe, expect, it } from 'vitest';
import { parseEditableArg, parseRequirementArg, pinnedVersion, wheelNameVersion } from './requirement.js';

const none = { name: undefined, specifier: undefined, pinned: undefined, extras: [], markers: undefined, url: undefined };

describe('parseRequirementArg', () => {
  it('reads a PEP 508 requirement with extras and markers (split at the first `;`)', () => {
    expect(parseRequirementArg('Requests [security] >= 2.8.1, == 2.8.* ; python_version < "2.7"')).toEqual({
      ok: true,
      value: { ...none, name: 'requests', specifier: '>=2.8.1,==2.8.*', extras: ['security'], markers: 'python_version < "2.7"' },
    });
    expect(parseRequirementArg('cffi==1.17.1; platform_python_implementation != "PyPy"')).toEqual({
      ok: true,
      value: { ...none, name: 'cffi', specifier: '==1.17.1', pinned: '1.17.1', markers: 'platform_python_implementation != "PyPy"' },
    });
    expect(parseRequirementArg('foo;')).toEqual({ ok: true, value: { ...none, name: 'foo' } });
  });

  it('reads direct references, taking the version of a wheel URL', () => {
    expect(parseRequirementArg("torch-cluster @ https://data.pyg.org/whl/torch_cluster-1.6.3%2Bpt25cu121-cp312-cp312-linux_x86_64.whl ; sys_platform == 'linux'")).toEqual({
      ok: true,
      value: {
        ...none,
        name: 'torch-cluster',
        pinned: '1.6.3+pt25cu121',
        markers: "sys_platform == 'linux'",
        url: 'https://data.pyg.org/whl/torch_cluster-1.6.3%2Bpt25cu121-cp312-cp312-linux_x86_64.whl',
      },
    });
    expect(parseRequirementArg('bop-toolkit-lib @ git+https://github.com/agimus-project/bop_toolkit@7c28057')).toEqual({
      ok: true,
      value: { ...none, name: 'bop-toolkit-lib', url: 'git+https://github.com/agimus-project/bop_toolkit@7c28057' },
    });
  });

  it('reads bare URLs: markers only after `; `, the name from #egg= or a wheel file name', () => {
    expect(parseRequirementArg('git+https://github.com/readthedocs/sphinx-hoverxref@master')).toEqual({
      ok: true,
      value: { ...none, url: 'git+https://github.com/readthedocs/sphinx-hoverxref@master' },
    });
    expect(parseRequirementArg('git+https://host/x.git@v1#egg=My_Pkg[cli]&subdirectory=src; os_name == "posix"')).toEqual({
      ok: true,
      value: { ...none, name: 'my-pkg', extras: ['cli'], markers: 'os_name == "posix"', url: 'git+https://host/x.git@v1#egg=My_Pkg[cli]&subdirectory=src' },
    });
    expect(parseRequirementArg('http://wxpython.org/Phoenix/wxPython_Phoenix-3.0.3.dev1820+49a8884-cp34-none-win_amd64.whl')).toMatchObject({
      ok: true,
      value: { name: 'wxpython-phoenix', pinned: '3.0.3.dev1820+49a8884' },
    });
    // pip only splits a URL at `; `: without the space the "markers" stay in the URL.
    expect(parseRequirementArg('https://example.com/x.tar.gz;python_version<"3"')).toEqual({
      ok: true,
      value: { ...none, url: 'https://example.com/x.tar.gz;python_version<"3"' },
    });
  });

  it('reads local paths and archives, with extras on the path', () => {
    expect(parseRequirementArg('./downloads/numpy-1.9.2-cp34-none-win32.whl')).toEqual({
      ok: true,
      value: { ...none, name: 'numpy', pinned: '1.9.2', url: './downloads/numpy-1.9.2-cp34-none-win32.whl' },
    });
    expect(parseRequirementArg('.')).toEqual({ ok: true, value: { ...none, url: '.' } });
    expect(parseRequirementArg('./pkg[dev, test] ; python_version > "3"')).toEqual({
      ok: true,
      value: { ...none, extras: ['dev', 'test'], markers: 'python_version > "3"', url: './pkg' },
    });
    expect(parseRequirementArg('dist/pkg-1.0.tar.gz')).toEqual({ ok: true, value: { ...none, url: 'dist/pkg-1.0.tar.gz' } });
  });

  it('explains why a line is no requirement', () => {
    expect(parseRequirementArg('foo = 1.0')).toEqual({ ok: false, reason: '`= 1.0` does not start with a version operator' });
    expect(parseRequirementArg('foo ; python_version <')).toEqual({ ok: false, reason: 'the markers end too early' });
    expect(parseRequirementArg('git+https://h/x#egg=-bad')).toEqual({ ok: false, reason: '`#egg=-bad` does not name a project' });
  });
});

describe('parseEditableArg', () => {
  it('reads local projects, VCS URLs with #egg= and `name @ url`', () => {
    expect(parseEditableArg('.')).toEqual({ ok: true, value: { ...none, url: '.' } });
    expect(parseEditableArg('./pkg[dev]')).toEqual({ ok: true, value: { ...none, extras: ['dev'], url: './pkg' } });
    expect(parseEditableArg('pkg')).toEqual({ ok: true, value: { ...none, url: 'pkg' } });
    expect(parseEditableArg('file:///src/pkg#egg=pkg')).toEqual({ ok: true, value: { ...none, name: 'pkg', url: 'file:///src/pkg#egg=pkg' } });
    expect(parseEditableArg('git+https://github.com/x/y.git@main#egg=y')).toEqual({
      ok: true,
      value: { ...none, name: 'y', url: 'git+https://github.com/x/y.git@main#egg=y' },
    });
    expect(parseEditableArg('Y[a] @ git+https://github.com/x/y.git ; os_name == "nt"')).toEqual({
      ok: true,
      value: { ...none, name: 'y', extras: ['a'], markers: 'os_name == "nt"', url: 'git+https://github.com/x/y.git' },
    });
  });

  it('refuses a VCS URL without a name and a URL that is not VCS', () => {
    expect(parseEditableArg('git+https://github.com/x/y.git')).toEqual({
      ok: false,
      reason: 'an editable VCS URL must name its project with #egg=name (or be written `name @ URL`)',
    });
    expect(parseEditableArg('https://example.com/y.zip')).toMatchObject({ ok: false });
  });
});

describe('pinnedVersion and wheelNameVersion', () => {
  it('pins exactly one == or === without a wildcard', () => {
    expect(['==1.2.3', '===1.0-foo', '==1.*', '>=1', '==1,<2', undefined].map(pinnedVersion)).toEqual(['1.2.3', '1.0-foo', undefined, undefined, undefined, undefined]);
  });

  it('reads wheel names with and without a build tag', () => {
    expect(wheelNameVersion('x/Foo_Bar-2.0-1-py3-none-any.whl?x=1#sha256=aa')).toEqual({ name: 'foo-bar', version: '2.0' });
    expect(wheelNameVersion('foo-1.0.tar.gz')).toBeUndefined();
    expect(wheelNameVersion('foo-1.0.whl')).toBeUndefined();
  });
});

describe('parseRequirementArg on long runs of white space (found by the fuzzer, test/fuzz/crashers/requirements)', () => {
  it.each([
    ['spaces', ' '],
    ['byte-order marks', '\uFEFF'],
  ])('reads a name followed by 50,000 %s in linear time', (_what, ws) => {
    const start = performance.now();
    const scan = parseRequirementArg(`multid${ws.repeat(50_000)}ict`);
    expect(performance.now() - start).toBeLessThan(500);
    expect(scan.ok).toBe(false);
  });
  it('still tells `name [extras] @ url` from a path', () => {
    const scan = parseRequirementArg('pkg [a, b]  @ https://example.org/pkg-1.0.tar.gz');
    expect(scan.ok && scan.value.name).toBe('pkg');
  });
});
