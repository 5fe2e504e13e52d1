// A Node module hook for tests: @actions/workflow-parser's ESM build imports its JSON schemas
// without `with { type: 'json' }`, which Node refuses. This serves those files as JSON modules.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/@actions/workflow-parser/')) {
    return { format: 'json', source: await readFile(new URL(url), 'utf8'), shortCircuit: true };
  }
  return nextLoad(url, context);
}
