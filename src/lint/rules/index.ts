import type { Rule } from '../rule.js';
import { addInsteadOfCopy } from './add-instead-of-copy.js';
import { addRemoteWithoutChecksum } from './add-remote-without-checksum.js';
import { aptListsNotRemoved } from './apt-lists-not-removed.js';
import { aptRecommends } from './apt-recommends.js';
import { aptUpdateWithoutInstall } from './apt-update-without-install.js';
import { argOutOfScope } from './arg-out-of-scope.js';
import { buildToolsInRuntime } from './build-tools-in-runtime.js';
import { buildToolsRepeated } from './build-tools-repeated.js';
import { checkIncomplete } from './check-incomplete.js';
import { chownAfterCopy } from './chown-after-copy.js';
import { composeBindShadowsVenv } from './compose-bind-shadows-venv.js';
import { composeCacheFromWithoutExport } from './compose-cache-from-without-export.js';
import { composeHealthcheckMissingTool } from './compose-healthcheck-missing-tool.js';
import { composeScaleZeroBuildOnly } from './compose-scale-zero-build-only.js';
import { composeSchemaInvalid } from './compose-schema-invalid.js';
import { composeSharedDockerfileNoTarget } from './compose-shared-dockerfile-no-target.js';
import { composeUidVariableUnset } from './compose-uid-variable-unset.js';
import { composeUnknownBuildTarget } from './compose-unknown-build-target.js';
import { composeVenvVolume } from './compose-venv-volume.js';
import { composeVersionObsolete } from './compose-version-obsolete.js';
import { composeWatchSyncsVenv } from './compose-watch-syncs-venv.js';
import { copyFromUnknownStage } from './copy-from-unknown-stage.js';
import { credentialsInUrl } from './credentials-in-url.js';
import { devcontainerLegacyVscodeProperties } from './devcontainer-legacy-vscode-properties.js';
import { devcontainerRootUser } from './devcontainer-root-user.js';
import { devcontainerSchemaInvalid } from './devcontainer-schema-invalid.js';
import { devcontainerServiceExits } from './devcontainer-service-exits.js';
import { devcontainerServiceMissing } from './devcontainer-service-missing.js';
import { devcontainerUidSyncDisabled } from './devcontainer-uid-sync-disabled.js';
import { devcontainerWorkspaceFolderUnset } from './devcontainer-workspace-folder-unset.js';
import { dockerfileSyntax } from './dockerfile-syntax.js';
import { dockerignoreEnvNotExcluded } from './dockerignore-env-not-excluded.js';
import { dockerignoreMissing } from './dockerignore-missing.js';
import { dockerignoreVenvGit } from './dockerignore-venv-git.js';
import { editableInstallInRuntime } from './editable-install-in-runtime.js';
import { entrypointOutsideVenv } from './entrypoint-outside-venv.js';
import { entrypointRunsNoApp } from './entrypoint-runs-no-app.js';
import { eolPython } from './eol-python.js';
import { healthcheckMissingTool } from './healthcheck-missing-tool.js';
import { imageNoDigest } from './image-no-digest.js';
import { imageTagUnpinned } from './image-tag-unpinned.js';
import { installCacheInLayer } from './install-cache-in-layer.js';
import { installIgnoresLock } from './install-ignores-lock.js';
import { noCacheMount } from './no-cache-mount.js';
import { noDevTarget } from './no-dev-target.js';
import { nonNumericUser } from './non-numeric-user.js';
import { pathNotInStage } from './path-not-in-stage.js';
import { platformSpecificBuild } from './platform-specific-build.js';
import { poetryRemovedOption } from './poetry-removed-option.js';
import { poetryVersionMismatch } from './poetry-version-mismatch.js';
import { projectUnreadable } from './project-unreadable.js';
import { pythonOutputBuffered } from './python-output-buffered.js';
import { pythonVersionMismatch } from './python-version-mismatch.js';
import { runtimeRunsAsRoot } from './runtime-runs-as-root.js';
import { runtimeWithoutApp } from './runtime-without-app.js';
import { secretInArgEnv } from './secret-in-arg-env.js';
import { shellFormCmd } from './shell-form-cmd.js';
import { sourceBeforeDeps } from './source-before-deps.js';
import { sudoInRuntime } from './sudo-in-runtime.js';
import { unpinnedInstall } from './unpinned-install.js';
import { venvBaseMismatch } from './venv-base-mismatch.js';
import { webServerWithoutHealthcheck } from './web-server-without-healthcheck.js';
import { worldWritableChmod } from './world-writable-chmod.js';
import { wrapperAsPid1 } from './wrapper-as-pid1.js';

/** Every rule, in id order. Add a rule: one import and one entry here (see src/lint/README.md). */
export const allRules: readonly Rule[] = [
  addInsteadOfCopy,
  addRemoteWithoutChecksum,
  aptListsNotRemoved,
  aptRecommends,
  aptUpdateWithoutInstall,
  argOutOfScope,
  buildToolsInRuntime,
  buildToolsRepeated,
  checkIncomplete,
  chownAfterCopy,
  composeBindShadowsVenv,
  composeCacheFromWithoutExport,
  composeHealthcheckMissingTool,
  composeScaleZeroBuildOnly,
  composeSchemaInvalid,
  composeSharedDockerfileNoTarget,
  composeUidVariableUnset,
  composeUnknownBuildTarget,
  composeVenvVolume,
  composeVersionObsolete,
  composeWatchSyncsVenv,
  copyFromUnknownStage,
  credentialsInUrl,
  devcontainerLegacyVscodeProperties,
  devcontainerRootUser,
  devcontainerSchemaInvalid,
  devcontainerServiceExits,
  devcontainerServiceMissing,
  devcontainerUidSyncDisabled,
  devcontainerWorkspaceFolderUnset,
  dockerfileSyntax,
  dockerignoreEnvNotExcluded,
  dockerignoreMissing,
  dockerignoreVenvGit,
  editableInstallInRuntime,
  entrypointOutsideVenv,
  entrypointRunsNoApp,
  eolPython,
  healthcheckMissingTool,
  imageNoDigest,
  imageTagUnpinned,
  installCacheInLayer,
  installIgnoresLock,
  noCacheMount,
  noDevTarget,
  nonNumericUser,
  pathNotInStage,
  platformSpecificBuild,
  poetryRemovedOption,
  poetryVersionMismatch,
  projectUnreadable,
  pythonOutputBuffered,
  pythonVersionMismatch,
  runtimeRunsAsRoot,
  runtimeWithoutApp,
  secretInArgEnv,
  shellFormCmd,
  sourceBeforeDeps,
  sudoInRuntime,
  unpinnedInstall,
  venvBaseMismatch,
  webServerWithoutHealthcheck,
  worldWritableChmod,
  wrapperAsPid1,
].sort((a, b) => a.id.localeCompare(b.id));
