/**
 * The tool versions pinned when neither `[tool.pycrane] <tool>-version` nor the project's
 * files say which: the newest release pycrane was checked against. Update here, and only
 * here. (Poetry's are in ../poetry-versions.ts, with the lock-format history.)
 */
export const DEFAULT_TOOL_VERSIONS = {
  uv: '0.12.5',
  pdm: '2.29.3',
  pipenv: '2026.8.0',
  'pip-tools': '7.5.2',
} as const;
