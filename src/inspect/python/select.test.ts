import { describe, expect, it } from 'vitest';
import type { Issue } from '../../core/issue.js';
import { selectPython } from './select.js';

const options = { candidates: ['3.12', '3.13'], baseImage: undefined, today: '2026-01-01' };

describe('selectPython with a pin whose parts are beyond nine digits', () => {
  it('ignores the pin with a warning at its source and picks from the constraints', () => {
    const issues: Issue[] = [];
    const source = { file: 'pyproject.toml', line: 7 };
    const facts = selectPython(
      [{ value: '>=3.12', pep440: true, label: 'requires-python', source: { file: 'pyproject.toml', line: 3 } }],
      [{ minor: '3.3333333333333333333333', exact: undefined, raw: '3.3333333333333333333333', label: '[tool.pycrane] python', source }],
      options,
      issues,
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: 'W_PYTHON_VERSION_IGNORED', source }));
    expect(JSON.stringify(facts)).not.toContain('3333333333');
  });
});
