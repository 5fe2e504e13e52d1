import type { Diagnostic } from '../types.js';
import { oneBased } from './shared.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: one annotation per finding. */
export function formatGithub(ds: readonly Diagnostic[]): string {
  return ds
    .map((d) => {
      const at = oneBased(d);
      const level = d.severity === 'info' ? 'notice' : d.severity;
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${at.line}`,
        `col=${at.column}`,
        `endLine=${at.endLine}`,
        `endColumn=${at.endColumn}`,
        `title=${escapeProperty(`${d.ruleId} ${d.ruleName}`)}`,
      ];
      return `::${level} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
}
