/**
 * GitHub's own workflow parser (@actions/workflow-parser, the one behind the Actions VS Code
 * extension), loaded for tests. Its ESM build imports JSON without an import attribute, so a
 * module hook (json-import-hook.mjs) serves those files first.
 */
import { register } from 'node:module';

register('./json-import-hook.mjs', import.meta.url);
const parser = await import('@actions/workflow-parser');

/** The parser's error messages for a workflow (`name (Line: L, Col: C): message`), empty when it is valid. */
export function workflowErrors(content: string, name = 'pycrane.yml'): string[] {
  const result = parser.parseWorkflow({ name, content }, new parser.NoOperationTraceWriter());
  return result.context.errors.getErrors().map((e) => e.message);
}
