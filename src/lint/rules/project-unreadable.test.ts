import { ruleTester } from '../testing/rule-tester.js';
import { projectUnreadable } from './project-unreadable.js';

ruleTester(projectUnreadable, {
  valid: [{ code: '' }],
  invalid: [{ code: '', projectError: 'bad toml', errors: [{ messageId: 'unreadable', line: 1, column: 1, endLine: 1, endColumn: 1, file: 'pyproject.toml' }] }],
});
