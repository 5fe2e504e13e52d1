import type { Rule } from '../rule.js';
import type { Diagnostic, Severity } from '../types.js';
import { oneBased, type ReportOptions } from './shared.js';

const level = (s: Severity) => (s === 'info' ? 'note' : s);

export const DOCS_BASE = 'https://github.com/pycrane/pycrane/blob/main/docs/rules/';

/** SARIF 2.1.0: one run, the rules that exist in tool.driver.rules, one result per finding. */
export function formatSarif(ds: readonly Diagnostic[], rules: readonly Rule[], options: Pick<ReportOptions, 'version'>): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pycrane',
            version: options.version,
            informationUri: 'https://github.com/pycrane/pycrane',
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: r.docs.summary },
              fullDescription: { text: r.docs.why },
              helpUri: `${DOCS_BASE}${r.name}.md`,
              defaultConfiguration: { level: level(r.defaultSeverity) },
              properties: { category: r.category, tags: [r.category] },
            })),
          },
        },
        results: ds.map((d) => {
          const at = oneBased(d);
          return {
            ruleId: d.ruleId,
            ...(index.has(d.ruleId) ? { ruleIndex: index.get(d.ruleId) } : {}),
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(d.file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: at.line,
                    startColumn: at.column,
                    endLine: at.endLine,
                    endColumn: Math.max(at.endColumn, at.endLine === at.line ? at.column : 1),
                  },
                },
              },
            ],
          };
        }),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
