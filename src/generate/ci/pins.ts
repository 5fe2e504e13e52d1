/**
 * Every third-party action and image the generated CI files use, pinned in one place.
 *
 * Actions are pinned by the full commit of a release tag (a tag can be moved, a commit cannot),
 * with the tag in a comment after it so a reader and Dependabot/Renovate see the version.
 * Each commit below was read from the action's own repository, as the tag's target: see
 * docs/ci.md ("Pinned versions") for when each was checked. Images are pinned by version tag;
 * their digests could not be looked up from here (no registry access), see docs/ci.md.
 */
export interface ActionPin {
  /** `owner/repo` or `owner/repo/path`. */
  readonly action: string;
  /** The release tag the commit belongs to. */
  readonly version: string;
  /** Full 40-hex commit the tag points at. */
  readonly commit: string;
}

const pin = (action: string, version: string, commit: string): ActionPin => ({ action, version, commit });

export const ACTIONS = {
  checkout: pin('actions/checkout', 'v7.0.1', '3d3c42e5aac5ba805825da76410c181273ba90b1'),
  setupNode: pin('actions/setup-node', 'v7.0.0', '820762786026740c76f36085b0efc47a31fe5020'),
  setupQemu: pin('docker/setup-qemu-action', 'v4.2.0', '96fe6ef7f33517b61c61be40b68a1882f3264fb8'),
  setupBuildx: pin('docker/setup-buildx-action', 'v4.3.0', '37fe631027851001ddb9b187196cc803df7f5f0e'),
  login: pin('docker/login-action', 'v4.1.0', '4907a6ddec9925e35a0a9e82d7399ccc52663121'),
  uploadSarif: pin('github/codeql-action/upload-sarif', 'v4.36.2', '8aad20d150bbac5944a9f9d289da16a4b0d87c1e'),
  // Exposes the Actions cache credentials to `docker buildx` in a run step, printing nothing.
  githubScript: pin('actions/github-script', 'v8.0.0', 'ed597411d8f924073f98dfc5c65a23a2325f34cd'),
} as const;

/** `uses:` value: the action at its commit. The version goes in the line comment. */
export function usesRef(action: ActionPin): string {
  return `${action.action}@${action.commit}`;
}

/** Node for the jobs that run pycrane (pycrane needs 20.9 or newer; 24 is the active LTS line). */
export const NODE_MAJOR = '24';

/** GitHub's hosted runner image, named by version so an image change is an edit here. */
export const GITHUB_RUNNER = 'ubuntu-24.04';

/** Docker's official images: the CLI (Alpine, with git and the buildx plugin) and the daemon for dind. */
export const DOCKER_VERSION = '29.7.2';
export const DOCKER_CLI_IMAGE = `docker:${DOCKER_VERSION}-cli`;
export const DOCKER_DIND_IMAGE = `docker:${DOCKER_VERSION}-dind`;

/** QEMU user-mode emulators registered through binfmt_misc, so BuildKit can run arm64 steps on amd64. */
export const BINFMT_IMAGE = 'tonistiigi/binfmt:qemu-v10.2.3';

/** What the image jobs build: the default branch and `v*` tags push both, pull requests build amd64 only. */
export const PUSH_PLATFORMS = 'linux/amd64,linux/arm64';
export const CHECK_PLATFORM = 'linux/amd64';
