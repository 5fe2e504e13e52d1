import type { Rule } from '../rule.js';
import { argOutOfScope } from './arg-out-of-scope.js';
import { copyFromUnknownStage } from './copy-from-unknown-stage.js';
import { dockerfileSyntax } from './dockerfile-syntax.js';
import { editableInstallInRuntime } from './editable-install-in-runtime.js';
import { entrypointOutsideVenv } from './entrypoint-outside-venv.js';
import { entrypointRunsNoApp } from './entrypoint-runs-no-app.js';
import { imageNoDigest } from './image-no-digest.js';
import { imageTagUnpinned } from './image-tag-unpinned.js';
import { installIgnoresLock } from './install-ignores-lock.js';
import { pathNotInStage } from './path-not-in-stage.js';
import { projectUnreadable } from './project-unreadable.js';
import { runtimeWithoutApp } from './runtime-without-app.js';
import { shellFormCmd } from './shell-form-cmd.js';
import { venvBaseMismatch } from './venv-base-mismatch.js';
import { wrapperAsPid1 } from './wrapper-as-pid1.js';

/** Every rule, in id order. Add a rule: one import and one entry here (see src/lint/README.md). */
export const allRules: readonly Rule[] = [
  argOutOfScope,
  copyFromUnknownStage,
  dockerfileSyntax,
  editableInstallInRuntime,
  entrypointOutsideVenv,
  entrypointRunsNoApp,
  imageNoDigest,
  imageTagUnpinned,
  installIgnoresLock,
  pathNotInStage,
  projectUnreadable,
  runtimeWithoutApp,
  shellFormCmd,
  venvBaseMismatch,
  wrapperAsPid1,
].sort((a, b) => a.id.localeCompare(b.id));
