import { UserError } from '../core/errors.js';
import type { SourceRef } from '../core/location.js';
import type { Severity } from './types.js';

export type SeveritySetting = Severity | 'off';

/** `[tool.pycrane.check]`, merged with command-line options. Severity is decided here and nowhere else. */
export interface CheckConfig {
  /** Rule ids or names that never report. */
  readonly ignore: readonly string[];
  /** Per-rule severity by id or name: `error`, `warning`, `info` or `off`. */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
  /** Findings at or above this severity make `check` exit 1. */
  readonly failOn: Severity;
}

export const defaultCheckConfig: CheckConfig = { ignore: [], severity: {}, failOn: 'warning' };

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const SETTINGS: readonly string[] = [...SEVERITIES, 'off'];

export function isSeverity(s: unknown): s is Severity {
  return typeof s === 'string' && SEVERITIES.includes(s);
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}

export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return severityRank(s) >= severityRank(threshold);
}

/**
 * Reads `[tool.pycrane.check]` (`ignore = [...]`, `severity = { PC501 = "off" }`, `fail-on = "error"`).
 * Wrong types are user errors; unknown keys too, so a typo never silently disables nothing.
 */
export function parseCheckConfig(raw: unknown, source?: SourceRef): CheckConfig {
  if (raw === undefined || raw === null) return defaultCheckConfig;
  const fail = (message: string) => {
    throw new UserError('E_CHECK_CONFIG', `[tool.pycrane.check]: ${message}`, source ? { source } : {});
  };
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('must be a table');
  const table = raw as Record<string, unknown>;
  let ignore: string[] = [];
  let severity: Record<string, SeveritySetting> = {};
  let failOn: Severity = defaultCheckConfig.failOn;
  for (const [key, value] of Object.entries(table)) {
    if (key === 'ignore') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail('ignore must be a list of rule ids or names');
      ignore = value as string[];
    } else if (key === 'severity') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('severity must be a table of rule = "error" | "warning" | "info" | "off"');
      severity = {};
      for (const [rule, setting] of Object.entries(value as Record<string, unknown>)) {
        if (typeof setting !== 'string' || !SETTINGS.includes(setting)) fail(`severity.${rule} must be one of ${SETTINGS.join(', ')}`);
        severity[rule] = setting as SeveritySetting;
      }
    } else if (key === 'fail-on' || key === 'fail_on') {
      if (!isSeverity(value)) fail(`fail-on must be one of ${SEVERITIES.join(', ')}`);
      failOn = value as Severity;
    } else fail(`unknown key "${key}" (expected ignore, severity, fail-on)`);
  }
  return { ignore, severity, failOn };
}

export function withOverrides(config: CheckConfig, overrides: { failOn?: Severity | undefined; ignore?: readonly string[] | undefined }): CheckConfig {
  return {
    ignore: [...config.ignore, ...(overrides.ignore ?? [])],
    severity: config.severity,
    failOn: overrides.failOn ?? config.failOn,
  };
}

/** The one place a rule's severity is decided: ignore list, then override by id, then by name, then the default. */
export function effectiveSeverity(rule: { readonly id: string; readonly name: string; readonly defaultSeverity: Severity }, config: CheckConfig): SeveritySetting {
  if (config.ignore.includes(rule.id) || config.ignore.includes(rule.name)) return 'off';
  return config.severity[rule.id] ?? config.severity[rule.name] ?? rule.defaultSeverity;
}
