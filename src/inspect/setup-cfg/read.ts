import type { Issue } from '../../core/issue.js';
import { type Fact, fact } from '../../core/location.js';
import { entryPointSections, MARKER_VARIABLES, parseEntryPoint, requirementLines, splitLines } from '../setup-py/lines.js';
import type { SetupConsoleScript, SetupMetadata, UnreadValue } from '../setup-py/read.js';
import { type IniDocument, type IniOption, interpolate, readIni, sectionOptions } from './ini.js';

/**
 * What setuptools reads from a setup.cfg's `[metadata]` and `[options*]` sections: the fields
 * setup.py's reader has (install_requires one a line, `#` comment lines and ` #` comments
 * dropped; `package_dir = =src` is `{'': 'src'}`), plus `packages = find:`.
 */
export interface SetupCfgMetadata
  extends Pick<SetupMetadata, 'name' | 'version' | 'pythonRequires' | 'installRequires' | 'extrasRequire' | 'consoleScripts' | 'packageDir'> {
  /** `packages = find:` or `find_namespace:`: setuptools finds the packages when it builds. */
  readonly packagesFind: boolean;
  /** `version = attr: ...`, `file: ...` values: known only when setuptools builds. */
  readonly unread: readonly UnreadValue[];
  readonly issues: readonly Issue[];
}

/** Sections whose keys setuptools normalises (dashes to underscores, lowercase), warning each time. */
const NORMALISED = (section: string): boolean =>
  (section === 'metadata' || section.startsWith('options')) &&
  !['options.extras_require', 'options.entry_points', 'options.package_data', 'options.exclude_package_data'].includes(section);

export function readSetupCfg(text: string, file = 'setup.cfg'): SetupCfgMetadata {
  const doc = readIni(text, file);
  const issues: Issue[] = [...doc.issues];
  const unread: UnreadValue[] = [];

  // setuptools reads (and so interpolates) every option of every section: one bad `%` anywhere stops it.
  const values = new Map<IniOption, string>();
  for (const section of [...doc.sections.keys()]) {
    for (const option of sectionOptions(doc, section)) {
      const result = interpolate(doc, section, option);
      if (result.ok) values.set(option, result.value);
      else
        issues.push({
          code: 'E_SETUP_CFG_INTERPOLATION',
          severity: 'error',
          message: `[${section}] ${option.key}: ${result.error}: setuptools stops with an InterpolationError on this file; pycrane read the text as written`,
          source: option.source,
        });
    }
  }
  const find = (section: string, key: string): { option: IniOption; value: string } | undefined => {
    for (const option of sectionOptions(doc, section)) {
      if (normalisedKey(section, option.key) !== key) continue;
      return { option, value: values.get(option) ?? option.lines.map((l) => l.text).join('\n').trimEnd() };
    }
    return undefined;
  };
  for (const section of doc.sections.keys()) if (NORMALISED(section)) warnUnnormalised(doc, section, issues);

  const plain = (section: string, key: string): Fact<string> | undefined => {
    const found = find(section, key);
    return found ? fact(found.value, found.option.source) : undefined;
  };
  const directive = (key: string, found: { option: IniOption; value: string }): boolean => {
    for (const name of ['file:', 'attr:'] as const) {
      if (!found.value.startsWith(name)) continue;
      const what = found.value.slice(name.length).trim();
      unread.push({
        key,
        source: found.option.source,
        reason: name === 'file:' ? `read when setuptools builds, from the file ${what} (file:)` : `read when setuptools builds, from the attribute ${what} (attr:)`,
      });
      return true;
    }
    return false;
  };

  const versionOption = find('metadata', 'version');
  const version = versionOption && !directive('version', versionOption) ? fact(versionOption.value, versionOption.option.source) : undefined;

  const requirements = (key: string, found: { option: IniOption; value: string }): string[] | undefined => {
    if (found.value.startsWith('file:')) {
      directive(key, found);
      return undefined;
    }
    const items = parseList(found.value, ';').filter((item) => !item.startsWith('#'));
    if (!found.value.includes('\n') && items.length === 2 && MARKER_VARIABLES.some((m) => items[1]?.startsWith(m)))
      issues.push({
        code: 'W_SETUP_CFG_AMBIGUOUS_MARKER',
        severity: 'warning',
        message: `${key} = ${found.value}: on one line setuptools splits at ";", so "${items[1]}" is read as a second requirement, not as a marker (setuptools 65 warns, current setuptools stops with InvalidRequirement); put the requirement on its own line below the key`,
        source: found.option.source,
      });
    return requirementLines(items);
  };

  const installOption = find('options', 'install_requires');
  const install = installOption ? requirements('install_requires', installOption) : undefined;

  const extras: [string, readonly string[]][] = [];
  for (const option of sectionOptions(doc, 'options.extras_require')) {
    const list = requirements(`extras_require[${option.key}]`, { option, value: values.get(option) ?? '' });
    if (list) extras.push([option.key, list]);
  }

  let packageDir: Record<string, string> | undefined;
  const dirOption = find('options', 'package_dir');
  if (dirOption) {
    const entries: [string, string][] = [];
    for (const line of parseList(dirOption.value, ',')) {
      const eq = line.indexOf('=');
      if (eq < 0) {
        issues.push({
          code: 'E_SETUP_CFG_VALUE',
          severity: 'error',
          message: `package_dir: "${line}" is not "package = directory": setuptools stops with an OptionError; pycrane ignored package_dir`,
          source: dirOption.option.source,
        });
        entries.length = 0;
        break;
      }
      entries.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
    }
    if (entries.length > 0) packageDir = Object.fromEntries(entries);
  }

  const packages = find('options', 'packages')?.value.trim();
  return {
    name: plain('metadata', 'name'),
    version,
    pythonRequires: plain('options', 'python_requires'),
    installRequires: install && installOption ? fact(install, installOption.option.source) : undefined,
    extrasRequire: Object.fromEntries(extras),
    consoleScripts: consoleScripts(doc, values, find, unread, issues),
    packageDir,
    packagesFind: packages === 'find:' || packages === 'find_namespace:',
    unread,
    issues,
  };
}

/** setuptools' `_parse_list`: one item a line when there are several lines, else split at `separator`. */
function parseList(value: string, separator: string): string[] {
  const chunks = value.includes('\n') ? splitLines(value) : value.split(separator);
  return chunks.map((c) => c.trim()).filter((c) => c !== '');
}

function normalisedKey(section: string, key: string): string {
  return NORMALISED(section) ? key.replace(/-/g, '_').toLowerCase() : key;
}

function warnUnnormalised(doc: IniDocument, section: string, issues: Issue[]): void {
  for (const option of doc.sections.get(section)?.options.values() ?? []) {
    const fixed = normalisedKey(section, option.key);
    if (fixed === option.key) continue;
    issues.push({
      code: 'W_SETUP_CFG_KEY_SPELLING',
      severity: 'warning',
      message: `[${section}] "${option.key}": setuptools reads it as "${fixed}" with a deprecation warning; write "${fixed}"`,
      source: option.source,
    });
  }
}

type Finder = (section: string, key: string) => { option: IniOption; value: string } | undefined;

function consoleScripts(
  doc: IniDocument,
  values: ReadonlyMap<IniOption, string>,
  find: Finder,
  unread: UnreadValue[],
  issues: Issue[],
): SetupConsoleScript[] {
  const scripts: SetupConsoleScript[] = [];
  const add = (text: string, option: IniOption, line: number): void => {
    const spec = parseEntryPoint(text);
    const source = { file: doc.file, line };
    if (spec) scripts.push({ ...spec, source });
    else
      issues.push({
        code: 'W_SETUP_CFG_ENTRY_POINT',
        severity: 'warning',
        message: `console script "${text}" in ${option.key} is not "name = module:function": pycrane left it out`,
        source,
      });
  };
  const inOptions = find('options', 'entry_points');
  if (inOptions) {
    if (inOptions.value.startsWith('file:'))
      unread.push({
        key: 'entry_points',
        source: inOptions.option.source,
        reason: `read when setuptools builds, from the file ${inOptions.value.slice(5).trim()} (file:)`,
      });
    else for (const line of entryPointSections(inOptions.value).get('console_scripts') ?? []) add(line.text, inOptions.option, inOptions.option.source.line);
  }
  const option = sectionOptions(doc, 'options.entry_points').find((o) => o.key === 'console_scripts');
  if (option) {
    const value = values.get(option) ?? '';
    const items = parseList(value, ',');
    // Map each item to its line when the value kept one item a line (no %(…)s expanded into several).
    const written = option.lines.filter((l) => l.text !== '');
    items.forEach((item, i) => add(item, option, written.length === items.length ? (written[i]?.line ?? option.source.line) : option.source.line));
  }
  return scripts;
}
