/** What never belongs in the build context: local environments, VCS data, caches, secrets, build output. */
const PATTERNS: readonly (readonly [string, readonly string[]])[] = [
  ['Local virtual environments and tool state (the image builds its own)', ['.venv', 'venv', '__pypackages__', '.pdm-python', '.pdm-build']],
  ['Version control', ['.git', '.gitignore']],
  ['Python caches and build output', ['**/__pycache__', '**/*.py[cod]', '*.egg-info', 'build', 'dist']],
  ['Test and tool caches', ['.pytest_cache', '.mypy_cache', '.ruff_cache', '.tox', '.nox', '.coverage', 'htmlcov']],
  ['Local settings and secrets', ['.env', '.env.*', '*.pem', '.netrc', '.pypirc']],
  ['Container setup (changes here need no new source layer)', ['Dockerfile', '.dockerignore', 'compose.yaml', '.devcontainer']],
  ['Editors', ['.idea', '.vscode']],
];

/** `setupFiles`: more generated files that need no new source layer when they change (README.Docker.md). */
export function renderDockerignore(header: readonly string[], setupFiles: readonly string[] = []): string {
  const lines = [...header];
  for (const [title, patterns] of PATTERNS) lines.push('', `# ${title}`, ...patterns, ...(title.startsWith('Container setup') ? setupFiles : []));
  return `${lines.join('\n')}\n`;
}
