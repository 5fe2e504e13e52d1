import { defineRule } from '../rule.js';

/** Reported by the engine when inspecting the project failed with a user error (see engine.ts). */
export const projectUnreadable = defineRule({
  id: 'PC190',
  name: 'project-unreadable',
  kind: 'project',
  category: 'correctness',
  defaultSeverity: 'error',
  docs: {
    summary: 'The Python project could not be read, so the project-aware rules did not run.',
    why: 'Rules that compare the container files with the project (Python version, lock file, console scripts) need pyproject.toml and its lock. When they cannot be read the Dockerfile is still linted, but those checks are skipped; fix the project file or run with `--no-project`.',
    bad: { code: '', projectError: 'pyproject.toml:3: invalid TOML: expected "="' },
    good: { code: '' },
  },
  messages: { unreadable: 'cannot inspect the project: {{message}}' },
  create() {
    return { done() {} };
  },
});
