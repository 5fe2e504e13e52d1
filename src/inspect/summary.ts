import { formatRef, type SourceRef } from '../core/location.js';
import type { ProjectFacts } from './model.js';

/**
 * The text report of `pycrane inspect`: one fact per line, each followed by where it came
 * from (`  (pyproject.toml:12)`), then the issues.
 */
export function formatFacts(facts: ProjectFacts): string {
  const lines: string[] = [];
  const add = (label: string, value: string, source?: SourceRef) => {
    const where = formatRef(source);
    lines.push(`${label.padEnd(13)} ${value}${where ? `  (${where})` : ''}`);
  };

  if (facts.name) add('name', facts.name.value, facts.name.source);
  if (facts.version) add('version', facts.version.value, facts.version.source);
  if (facts.description && facts.description.value !== '') add('description', facts.description.value, facts.description.source);
  if (facts.license) add('license', facts.license.value, facts.license.source);
  if (facts.authors.length > 0) add('authors', facts.authors.join(', '));
  add('manager', facts.manager.value, facts.manager.source);
  if (facts.tool) add('tool', `${facts.tool.name} ${facts.tool.version.value}`, facts.tool.version.source);
  if (facts.poetry) add('poetry style', facts.poetry.style === 2 ? '2 ([project] + [tool.poetry])' : '1 ([tool.poetry])');
  if (facts.buildBackend) add('build backend', facts.buildBackend.value, facts.buildBackend.source);
  if (facts.requirements) {
    const r = facts.requirements;
    const what = (f: typeof r.main) => `${f.path}: ${f.requirements.length} requirements${f.pinned ? ', pinned' : ', NOT pinned'}${f.hashes ? ', with hashes' : ''}${f.includes.length > 0 ? `, includes ${f.includes.join(', ')}` : ''}`;
    add('requirements', what(r.main), { file: r.main.path, line: 1 });
    for (const dev of r.dev) add('dev reqs', what(dev), { file: dev.path, line: 1 });
    if (r.inputs.length > 0) add('compiled from', r.inputs.join(', '));
  }
  if (facts.dynamicDependencies) add('dependencies', 'dynamic: computed by the build backend (installed with the project)');
  for (const c of facts.python.constraints) add('python spec', c.value, c.source);
  add('python', `${facts.python.selected.value} (supported: ${facts.python.supported.join(', ')})`, facts.python.selected.source);
  add('base image', facts.python.image.value, facts.python.image.source);
  add('package', facts.isPackage.value ? 'yes (installed as a wheel)' : 'no (an application: the code is copied)', facts.isPackage.source);
  add('layout', facts.layout.kind);
  for (const p of facts.layout.packages) add('import pkg', p.from ? `${p.include} (from ${p.from})` : p.include, p.source);
  for (const s of facts.scripts) add('script', `${s.name} = ${s.target}`, s.source);
  for (const g of facts.groups) {
    const deps = g.dependencies.map((d) => `${d.name}${d.constraint ? ` ${d.constraint}` : ''}${d.optional ? ' (optional)' : ''}`);
    add(`group ${g.name}`, `${deps.length === 0 ? '(none)' : deps.join(', ')}${g.optional ? '  [optional group]' : ''}`, g.source);
  }
  if (facts.lock) {
    const l = facts.lock;
    const fresh = l.fresh === true ? 'fresh' : l.fresh === false ? 'STALE' : 'freshness unknown';
    add('lock', `${l.path}: ${l.packages.length} packages, ${fresh}`, l.contentHash?.source);
    if (l.generator) add('lock by', `${l.generator.value.tool} ${l.generator.value.version}`, l.generator.source);
    if (l.lockVersion) add('lock-version', l.lockVersion.value, l.lockVersion.source);
  } else {
    add('lock', 'none');
  }
  for (const i of facts.indexes) add('index', `${i.name} ${i.url}${i.priority ? ` (${i.priority})` : ''}`, i.source);
  const config = Object.entries(facts.config).filter(([k]) => k !== 'source');
  if (config.length > 0) add('config', config.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', '), facts.config.source);

  if (facts.issues.length > 0) {
    lines.push('', 'issues:');
    for (const issue of facts.issues) {
      const where = formatRef(issue.source);
      lines.push(`  ${issue.severity.padEnd(7)} ${where ? `${where}: ` : ''}${issue.message} [${issue.code}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}
