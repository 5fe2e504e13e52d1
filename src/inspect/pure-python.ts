/**
 * Whether a package's wheel is, exactly, its import packages copied into site-packages plus
 * metadata and console scripts that depend on pyproject.toml alone. Then the image can build
 * the metadata in a layer that source edits never touch and COPY the packages straight into
 * site-packages: an edit rebuilds one COPY, no RUN. Anything that makes the wheel differ from
 * the source tree (compiled extensions, build hooks, include/exclude rules, generated files, a
 * dynamic version, setup.py) keeps the real wheel build.
 */
import type { FileReader } from '../core/reader.js';
import { BUILD_BACKENDS } from './build-backends.js';
import type { PureSources, SourceLayout } from './model.js';
import { isTable, stringAt, type TomlTable } from './toml/parse.js';


/** Tables that change what goes into the wheel: their presence means "build it for real". */
const WHEEL_RULES: readonly (readonly string[])[] = [
  ['tool', 'hatch', 'build', 'hooks'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'hooks'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'force-include'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'shared-data'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'sources'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'only-include'],
  ['tool', 'hatch', 'build', 'targets', 'wheel', 'exclude'],
  ['tool', 'hatch', 'build', 'exclude'],
  ['tool', 'hatch', 'build', 'force-include'],
  ['tool', 'hatch', 'metadata', 'hooks'],
  ['tool', 'poetry', 'include'],
  ['tool', 'poetry', 'exclude'],
  ['tool', 'poetry', 'build'],
  ['tool', 'setuptools', 'package-data'],
  ['tool', 'setuptools', 'data-files'],
  ['tool', 'setuptools', 'ext-modules'],
  ['tool', 'setuptools', 'exclude-package-data'],
  ['tool', 'pdm', 'build'],
  ['tool', 'flit', 'sdist'],
  ['tool', 'uv', 'build-backend', 'data'],
];

/** Files in a package folder that mean something is compiled or generated at build time. */
const BUILT = /\.(?:pyx|pxd|c|cc|cpp|rs|f90|in)$/i;

function at(doc: TomlTable, path: readonly string[]): unknown {
  let value: unknown = doc;
  for (const key of path) value = isTable(value) ? value[key] : undefined;
  return value;
}

/** Files the backend reads for the metadata: the readme, a license file, license-files at the root. */
async function metadataFiles(reader: FileReader, doc: TomlTable): Promise<string[]> {
  const files = new Set<string>();
  const project = isTable(doc.project) ? doc.project : {};
  const readme = project.readme ?? at(doc, ['tool', 'poetry', 'readme']);
  if (typeof readme === 'string') files.add(readme);
  else if (isTable(readme) && stringAt(readme, 'file')) files.add(stringAt(readme, 'file') ?? '');
  else if (Array.isArray(readme)) for (const r of readme) if (typeof r === 'string') files.add(r);
  const license = project.license;
  if (isTable(license) && stringAt(license, 'file')) files.add(stringAt(license, 'file') ?? '');
  for (const name of await reader.list('.')) {
    if (/^(?:LICEN[CS]E|COPYING|NOTICE|AUTHORS)/i.test(name) && !(await reader.isDirectory(name))) files.add(name);
  }
  const present: string[] = [];
  for (const f of files) if (f !== '' && (await reader.read(f)) !== undefined) present.push(f);
  return present.sort();
}

export async function pureSources(reader: FileReader, doc: TomlTable | undefined, layout: SourceLayout, hasSetupPy: boolean): Promise<PureSources | undefined> {
  if (!doc || hasSetupPy || layout.packages.length === 0) return undefined;
  const backend = stringAt(isTable(doc['build-system']) ? doc['build-system'] : undefined, 'build-backend');
  if (backend === undefined || !BUILD_BACKENDS.some((b) => b.exactWheel === backend)) return undefined;
  const project = isTable(doc.project) ? doc.project : undefined;
  const dynamic = Array.isArray(project?.dynamic) ? project.dynamic : [];
  // Poetry 1 style keeps the version in [tool.poetry]; PEP 621 needs a static one.
  if (dynamic.length > 0 || (project && typeof project.version !== 'string')) return undefined;
  if (WHEEL_RULES.some((path) => at(doc, path) !== undefined)) return undefined;
  const packages: { path: string; name: string }[] = [];
  for (const pkg of layout.packages) {
    const name = pkg.include;
    if (name.includes('*') || name.includes('/')) return undefined;
    const path = pkg.from ? `${pkg.from.replace(/^\.\//, '').replace(/\/$/, '')}/${name}` : name;
    if (name.endsWith('.py')) {
      packages.push({ path, name });
      continue;
    }
    const entries = await reader.list(path);
    if (entries.length === 0 || entries.some((e) => BUILT.test(e))) return undefined;
    packages.push({ path, name });
  }
  return { packages, metadataFiles: await metadataFiles(reader, doc) };
}
