import type { Rule } from '../rule.js';
import { addRemoteWithoutChecksum } from './add-remote-without-checksum.js';
import { argOutOfScope } from './arg-out-of-scope.js';
import { composeVersionObsolete } from './compose-version-obsolete.js';
import { copyFromUnknownStage } from './copy-from-unknown-stage.js';
import { credentialsInUrl } from './credentials-in-url.js';
import { dockerfileSyntax } from './dockerfile-syntax.js';
import { editableInstallInRuntime } from './editable-install-in-runtime.js';
import { entrypointOutsideVenv } from './entrypoint-outside-venv.js';
import { entrypointRunsNoApp } from './entrypoint-runs-no-app.js';
import { imageNoDigest } from './image-no-digest.js';
import { imageTagUnpinned } from './image-tag-unpinned.js';
import { installIgnoresLock } from './install-ignores-lock.js';
import { nonNumericUser } from './non-numeric-user.js';
import { pathNotInStage } from './path-not-in-stage.js';
import { projectUnreadable } from './project-unreadable.js';
import { runtimeRunsAsRoot } from './runtime-runs-as-root.js';
import { runtimeWithoutApp } from './runtime-without-app.js';
import { secretInArgEnv } from './secret-in-arg-env.js';
import { shellFormCmd } from './shell-form-cmd.js';
import { sudoInRuntime } from './sudo-in-runtime.js';
import { venvBaseMismatch } from './venv-base-mismatch.js';
import { worldWritableChmod } from './world-writable-chmod.js';
import { wrapperAsPid1 } from './wrapper-as-pid1.js';

/** Every rule, in id order. Add a rule: one import and one entry here (see src/lint/README.md). */
export const allRules: readonly Rule[] = [
  addRemoteWithoutChecksum,
  argOutOfScope,
  composeVersionObsolete,
  copyFromUnknownStage,
  credentialsInUrl,
  dockerfileSyntax,
  editableInstallInRuntime,
  entrypointOutsideVenv,
  entrypointRunsNoApp,
  imageNoDigest,
  imageTagUnpinned,
  installIgnoresLock,
  nonNumericUser,
  pathNotInStage,
  projectUnreadable,
  runtimeRunsAsRoot,
  runtimeWithoutApp,
  secretInArgEnv,
  shellFormCmd,
  sudoInRuntime,
  venvBaseMismatch,
  worldWritableChmod,
  wrapperAsPid1,
].sort((a, b) => a.id.localeCompare(b.id));
