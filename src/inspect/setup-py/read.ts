import type { SyntaxNode } from '@lezer/common';
import type { Issue } from '../../core/issue.js';
import { type Fact, fact, type SourceRef } from '../../core/location.js';
import { Evaluator, type PyValue } from './evaluate.js';
import { entryPointSections, parseEntryPoint, requirementLines, type TextLine, yieldLines } from './lines.js';
import { type Unparseable, unparseableAt } from './nesting.js';
import { SyntaxCollector } from './python2.js';
import { type Bindings, collectBindings, MutationCollector, parameterBindings } from './scope.js';
import { bracketItems, childNodes, dottedName, MAX_RECOVERED_CHARS, parsePython, SourceText } from './syntax.js';

export interface SetupConsoleScript {
  readonly name: string;
  readonly target: string;
  readonly source: SourceRef | undefined;
}

/** A setup() keyword whose value is known only when the file runs, e.g. `version=get_version()`. */
export interface UnreadValue {
  readonly key: string;
  readonly source: SourceRef;
  readonly reason: string;
}

export interface SetupMetadata {
  readonly name: Fact<string> | undefined;
  readonly version: Fact<string> | undefined;
  readonly pythonRequires: Fact<string> | undefined;
  /** PEP 508 strings as written (setuptools' line handling: comments and blank lines dropped). */
  readonly installRequires: Fact<readonly string[]> | undefined;
  readonly extrasRequire: Readonly<Record<string, readonly string[]>>;
  /** `entry_points['console_scripts']`: a list of `name = module:func` strings, one string, or `[console_scripts]` text. */
  readonly consoleScripts: readonly SetupConsoleScript[];
  /** A literal list; `find_packages()` and the like are in `unread`. */
  readonly packages: Fact<readonly string[]> | undefined;
  readonly packageDir: Readonly<Record<string, string>> | undefined;
  readonly pyModules: readonly string[];
  /** Every key above whose value is not a literal, with why. */
  readonly unread: readonly UnreadValue[];
  /** A `setup(...)`, `setuptools.setup(...)` or `distutils.core.setup(...)` call was found. */
  readonly usesSetupCall: boolean;
  readonly issues: readonly Issue[];
}

/** Modules whose `setup` takes setuptools' keywords. */
const SETUP_MODULES = new Set(['setuptools', 'distutils.core', 'numpy.distutils.core', 'skbuild']);

/** Node types the single pass over the tree looks at; others are skipped without building a node. */
const WATCHED = new Set([
  'CallExpression', 'AssignStatement', 'UpdateStatement', 'DeleteStatement', 'NamedExpression', 'FunctionDefinition',
  'LambdaExpression', 'PrintStatement', 'TryStatement', 'RaiseStatement', 'CompareOp', 'Number',
]);

/**
 * A setup.py longer than this is not read. Real ones are a few KB; a literal of thousands of entries
 * takes the evaluator most of a second per 300 KB (found by the fuzzer: a dict of 11,229 entries).
 */
export const MAX_SETUP_PY_CHARS = 256 * 1024;

/**
 * Reads the metadata a setup.py passes to setup() without running it: literals, and names
 * bound to literals earlier in the file. Never throws; what it cannot read is in `unread`.
 */
export function readSetupPy(text: string, file = 'setup.py'): SetupMetadata {
  if (text.length > MAX_SETUP_PY_CHARS) {
    return notParsed(file, { line: 1, why: `${text.length.toLocaleString('en-US')} characters, over the ${MAX_SETUP_PY_CHARS / 1024} KiB pycrane reads`, kind: 'too-large' });
  }
  const unparseable = unparseableAt(text);
  if (unparseable) return notParsed(file, unparseable);
  try {
    return readParsed(text, file);
  } catch (error) {
    // Operators chained thousands deep (`not not not ...`) overflow the parser's recursion; CPython
    // stops too ("too complex" or a RecursionError), so no pip can build from such a file either.
    if (error instanceof RangeError) return notParsed(file, { line: 1, why: error.message, kind: 'too-deep' });
    // The parser's tree walk fails on some pathological inputs (found by the fuzzer: a 60 KB file
    // of recovered garbage): the file is then not read, as when it is not Python at all.
    if (error instanceof TypeError) return notParsed(file, { line: 1, why: `the Python parser failed on it: ${error.message}`, kind: 'not-python' });
    throw error;
  }
}

function notParsed(file: string, { line, why, kind }: Unparseable): SetupMetadata {
  const [code, what] =
    kind === 'too-deep' ? ['E_SETUP_PY_TOO_DEEP', 'nests too deeply for Python to parse']
    : kind === 'too-large' ? ['E_SETUP_PY_TOO_LARGE', 'is too large to read']
    : ['E_SETUP_PY_NOT_PYTHON', 'is not Python source'];
  return {
    ...EMPTY,
    issues: [{ code, severity: 'error', message: `${file} ${what} (${why}): pycrane found no metadata in it`, source: { file, line } }],
  };
}

function readParsed(text: string, file: string): SetupMetadata {
  const src = new SourceText(text, file);
  const { tree, errorAt } = parsePython(src.text);
  if (!tree) {
    const why = `a syntax error at line ${src.line(errorAt)}, in a file over ${MAX_RECOVERED_CHARS / 1024} KiB that pycrane does not read past its first error`;
    return notParsed(file, { line: src.line(errorAt), why, kind: 'not-python' });
  }
  const syntax = new SyntaxCollector(src);
  const mutations = new MutationCollector(src);
  const calls: SyntaxNode[] = [];
  tree.iterate({
    enter: (ref) => {
      if (!ref.type.isError && !WATCHED.has(ref.name)) return;
      const node = ref.node;
      syntax.enter(node);
      mutations.enter(node);
      if (ref.name === 'CallExpression') calls.push(node);
    },
    leave: (ref) => {
      if (ref.name === 'PrintStatement' || ref.name === 'FunctionDefinition' || ref.name === 'LambdaExpression') {
        syntax.leave(ref.node);
        mutations.leave(ref.node);
      }
    },
  });

  const issues: Issue[] = [];
  if (syntax.python2) {
    issues.push({
      code: 'W_SETUP_PY_PYTHON2',
      severity: 'warning',
      message: `${file} is Python 2 code (${syntax.python2.what}): Python 3 cannot run it, so no current pip can build the project from it; pycrane read its literal values without running it`,
      source: src.ref(syntax.python2.pos),
    });
  }
  const firstError = syntax.errors[0];
  if (firstError !== undefined) {
    const count = syntax.errors.length;
    issues.push({
      code: 'E_SETUP_PY_SYNTAX',
      severity: 'error',
      message: `${file} has a syntax error here${count > 1 ? ` (and ${count - 1} more)` : ''}: Python cannot run it; pycrane read the values it could find around it`,
      source: src.ref(firstError),
    });
  }

  const scopes = new ScopeChain(tree.topNode, src);
  const setupCalls = calls.filter((call) => isSetupCall(call, scopes.around(call), src));
  const call = setupCalls[0];
  if (!call) {
    issues.push({
      code: 'W_SETUP_PY_NO_SETUP_CALL',
      severity: 'warning',
      message: `${file} calls no setup() from setuptools or distutils: pycrane found no metadata in it`,
      source: { file, line: 1 },
    });
    return { ...EMPTY, issues };
  }
  if (setupCalls.length > 1) {
    issues.push({
      code: 'I_SETUP_PY_SEVERAL_SETUP_CALLS',
      severity: 'info',
      message: `${file} calls setup() ${setupCalls.length} times (lines ${setupCalls.map((c) => src.line(c.from)).join(', ')}): pycrane read the first`,
      source: src.ref(call.from),
    });
  }
  const evaluator = new Evaluator(src, scopes.around(call), mutations.byName, call.from, setupCalls);
  return { ...readArguments(call, evaluator, src, issues), usesSetupCall: true, issues };
}

const EMPTY: SetupMetadata = {
  name: undefined,
  version: undefined,
  pythonRequires: undefined,
  installRequires: undefined,
  extrasRequire: {},
  consoleScripts: [],
  packages: undefined,
  packageDir: undefined,
  pyModules: [],
  unread: [],
  usesSetupCall: false,
  issues: [],
};

/** The bindings visible at a node: those of the functions around it (innermost first), then the module's. */
class ScopeChain {
  private readonly module: Bindings;
  private readonly functions = new Map<number, Bindings>();

  constructor(
    top: SyntaxNode,
    private readonly src: SourceText,
  ) {
    this.module = collectBindings(top, src);
  }

  around(node: SyntaxNode): Bindings[] {
    const chain: Bindings[] = [];
    for (let p = node.parent; p; p = p.parent) {
      if (p.name !== 'FunctionDefinition') continue;
      let locals = this.functions.get(p.from);
      if (!locals) {
        const body = childNodes(p).find((c) => c.name === 'Body');
        locals = body ? collectBindings(body, this.src) : new Map();
        parameterBindings(p, this.src, locals);
        this.functions.set(p.from, locals);
      }
      chain.push(locals);
    }
    chain.push(this.module);
    return chain;
  }
}

function isSetupCall(call: SyntaxNode, scopes: readonly Bindings[], src: SourceText): boolean {
  const callee = call.firstChild;
  const name = callee ? dottedName(callee, src) : undefined;
  if (!name) return false;
  const parts = name.split('.');
  const head = parts[0] ?? '';
  const bindings = scopes.find((scope) => scope.has(head))?.get(head)?.filter((b) => b.pos < call.from);
  if (parts.length === 1) {
    if (!bindings || bindings.length === 0) {
      if (name !== 'setup') return false;
      // Unbound `setup` works through `from setuptools import *`, or fails at run time: read it either way.
      return true;
    }
    return bindings.some((b) => b.kind === 'import' && b.imported === 'setup');
  }
  if (parts[parts.length - 1] !== 'setup') return false;
  const rest = parts.slice(1, -1);
  if (!bindings || bindings.length === 0) return SETUP_MODULES.has(parts.slice(0, -1).join('.'));
  return bindings.some(
    (b) => b.kind === 'import' && SETUP_MODULES.has([b.imported === undefined ? b.module : `${b.module}.${b.imported}`, ...rest].join('.')),
  );
}

type Arguments = Omit<SetupMetadata, 'usesSetupCall' | 'issues'>;

function readArguments(call: SyntaxNode, evaluator: Evaluator, src: SourceText, issues: Issue[]): Arguments {
  const args = new Map<string, PyValue>();
  const unread: UnreadValue[] = [];
  const ref = (node: SyntaxNode): SourceRef => src.ref(node.from);
  const argList = childNodes(call)[1];
  for (const item of argList?.name === 'ArgList' ? bracketItems(argList) : []) {
    const [first, second, third] = item;
    if (first?.name === 'VariableName' && second?.name === 'AssignOp' && third) args.set(src.slice(first), evaluator.evaluate(third));
    else if (first?.name === '**' && second) {
      const spread = evaluator.evaluate(second);
      if (spread.kind === 'dict') for (const [key, value] of spread.entries) args.set(key, value);
      else
        unread.push({
          key: `**${src.slice(second)}`,
          source: ref(second),
          reason: spread.kind === 'unread' ? spread.reason : 'not a dict',
        });
    }
  }

  const skip = (key: string, value: PyValue, expected: string): undefined => {
    unread.push({ key, source: ref(value.node), reason: value.kind === 'unread' ? value.reason : `not ${expected} (${kindOf(value)})` });
    return undefined;
  };
  const string = (key: string): Fact<string> | undefined => {
    const value = args.get(key);
    if (!value) return undefined;
    return value.kind === 'str' ? fact(value.value, ref(value.node)) : skip(key, value, 'a string');
  };
  /** A list of strings; with `allowString`, one string of lines too (setuptools accepts both for requirements). */
  const strings = (key: string, value: PyValue, allowString: boolean): string[] | undefined => {
    if (value.kind === 'str' && allowString) return [value.value];
    if (value.kind !== 'seq') return skip(key, value, 'a list');
    const out: string[] = [];
    for (const [i, item] of value.items.entries()) {
      if (item.kind === 'str') {
        out.push(item.value);
        continue;
      }
      const why = item.kind === 'unread' ? item.reason : `not a string (${kindOf(item)})`;
      unread.push({ key, source: ref(item.node), reason: `item ${i + 1} of the list: ${why}` });
      return undefined;
    }
    return out;
  };

  const requirements = (key: string, value: PyValue): string[] | undefined => {
    const list = strings(key, value, true);
    return list ? requirementLines(list) : undefined;
  };

  // In the order of setup()'s documentation, so `unread` reads top-down.
  const name = string('name');
  const version = string('version');
  const pythonRequires = string('python_requires');
  const installValue = args.get('install_requires');
  const install = installValue ? requirements('install_requires', installValue) : undefined;

  const extrasValue = args.get('extras_require');
  const extraEntries: [string, readonly string[]][] = [];
  if (extrasValue?.kind === 'dict') {
    for (const [extra, value] of extrasValue.entries) {
      const list = requirements(`extras_require[${extra}]`, value);
      if (list) extraEntries.push([extra, list]);
    }
  } else if (extrasValue) skip('extras_require', extrasValue, 'a dict');
  const extrasRequire: Record<string, readonly string[]> = Object.fromEntries(extraEntries);

  const packagesValue = args.get('packages');
  const packageList = packagesValue ? strings('packages', packagesValue, false) : undefined;

  let packageDir: Record<string, string> | undefined;
  const dirValue = args.get('package_dir');
  if (dirValue?.kind === 'dict') {
    const entries = [...dirValue.entries];
    const bad = entries.find(([, v]) => v.kind !== 'str');
    if (bad) skip('package_dir', bad[1], 'a string');
    else packageDir = Object.fromEntries(entries.map(([k, v]) => [k, v.kind === 'str' ? v.value : '']));
  } else if (dirValue) skip('package_dir', dirValue, 'a dict');

  const modulesValue = args.get('py_modules');
  const pyModules = (modulesValue ? strings('py_modules', modulesValue, false) : undefined) ?? [];

  return {
    name,
    version,
    pythonRequires,
    installRequires: install && installValue ? fact(install, ref(installValue.node)) : undefined,
    extrasRequire,
    consoleScripts: consoleScripts(args.get('entry_points'), src, unread, issues),
    packages: packageList && packagesValue ? fact(packageList, ref(packagesValue.node)) : undefined,
    packageDir,
    pyModules,
    unread,
  };
}

function kindOf(value: PyValue): string {
  switch (value.kind) {
    case 'str':
      return 'a string';
    case 'seq':
      return 'a list';
    case 'dict':
      return 'a dict';
    case 'const':
      return value.what;
    case 'unread':
      return value.reason;
  }
}

function consoleScripts(value: PyValue | undefined, src: SourceText, unread: UnreadValue[], issues: Issue[]): SetupConsoleScript[] {
  if (!value) return [];
  const scripts: SetupConsoleScript[] = [];
  const fromLines = (lines: readonly TextLine[], node: SyntaxNode): void => {
    const startLine = src.line(node.from);
    for (const line of lines) {
      const source: SourceRef = { file: src.file, line: startLine + line.index };
      const spec = parseEntryPoint(line.text);
      if (spec) scripts.push({ ...spec, source });
      else
        issues.push({
          code: 'W_SETUP_PY_ENTRY_POINT',
          severity: 'warning',
          message: `console script "${line.text}" is not "name = module:function": pycrane left it out`,
          source,
        });
    }
  };
  const fromGroup = (group: PyValue): void => {
    if (group.kind === 'str') return fromLines(yieldLines(group.value), group.node);
    if (group.kind !== 'seq') {
      unread.push({ key: 'console_scripts', source: src.ref(group.node.from), reason: group.kind === 'unread' ? group.reason : `not a list (${kindOf(group)})` });
      return;
    }
    for (const item of group.items) {
      if (item.kind === 'str') fromLines(yieldLines(item.value), item.node);
      else unread.push({ key: 'console_scripts', source: src.ref(item.node.from), reason: item.kind === 'unread' ? item.reason : `not a string (${kindOf(item)})` });
    }
  };
  if (value.kind === 'str') {
    const lines = entryPointSections(value.value).get('console_scripts');
    if (lines) fromLines(lines, value.node);
  } else if (value.kind === 'dict') {
    const group = value.entries.get('console_scripts');
    if (group) fromGroup(group);
  } else {
    unread.push({ key: 'entry_points', source: src.ref(value.node.from), reason: value.kind === 'unread' ? value.reason : `not a dict (${kindOf(value)})` });
  }
  return scripts;
}
