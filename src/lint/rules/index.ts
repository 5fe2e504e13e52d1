import type { Rule } from '../rule.js';
import { argOutOfScope } from './arg-out-of-scope.js';
import { dockerfileSyntax } from './dockerfile-syntax.js';
import { imageNoDigest } from './image-no-digest.js';
import { imageTagUnpinned } from './image-tag-unpinned.js';
import { projectUnreadable } from './project-unreadable.js';

/** Every rule, in id order. Add a rule: one import and one entry here (see src/lint/README.md). */
export const allRules: readonly Rule[] = [
  dockerfileSyntax,
  argOutOfScope,
  projectUnreadable,
  imageTagUnpinned,
  imageNoDigest,
].sort((a, b) => a.id.localeCompare(b.id));
