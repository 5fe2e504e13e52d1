import type { Issue } from '../../core/issue.js';
import type { SourceRef } from '../../core/location.js';
import { type AppCandidate, appCandidates, plainCallables } from './asgi-wsgi.js';
import type { PyModule } from './python.js';
import { modulePaths, type Sources } from './sources.js';

/** A `[tool.pycrane]` import target (`mysite.wsgi:application`, `app:create_app()`), looked up in the tree. */
export interface ConfiguredTarget {
  readonly module: string;
  readonly attribute: string;
  readonly factory: boolean;
  /** The import root the module was found under (`''`, `src`, a Django root). */
  readonly root: string;
  readonly mod: PyModule | undefined;
  /** The application the module defines under that name, when detection recognises it. */
  readonly candidate: AppCandidate | undefined;
}

/**
 * Finds the module a configured target names. A module that is in none of the import roots
 * is an error issue (init refuses it, check reports it): a server would fail to import it.
 */
export async function findConfiguredTarget(
  value: string,
  key: string,
  source: SourceRef | undefined,
  roots: readonly string[],
  sources: Sources,
  issues: Issue[],
): Promise<ConfiguredTarget | undefined> {
  const m = /^([A-Za-z_][\w.]*):([A-Za-z_]\w*)(\(\))?$/.exec(value);
  if (!m) return undefined;
  const module = m[1] as string;
  const attribute = m[2] as string;
  const tried: string[] = [];
  for (const root of [...new Set(roots)]) {
    for (const path of modulePaths(module, root)) {
      tried.push(path);
      if (!(await sources.exists(path))) continue;
      const mod = await sources.module(path, root);
      const found = mod ? [...appCandidates(mod), ...plainCallables(mod)].find((c) => c.attribute === attribute) : undefined;
      if (mod && !found && !definesName(mod, attribute)) {
        issues.push({
          code: 'W_WEB_TARGET_ATTRIBUTE',
          severity: 'warning',
          message: `${key} = "${value}": ${path} defines no top-level "${attribute}" that pycrane can see (it may come from an import); check the name`,
          ...(source ? { source } : {}),
        });
      }
      return { module, attribute, factory: m[3] !== undefined, root, mod, candidate: found };
    }
  }
  issues.push({
    code: 'E_WEB_TARGET_MODULE',
    severity: 'error',
    message: `${key} = "${value}": module ${module} not found (looked for ${tried.join(', ')}); a server could not import it`,
    ...(source ? { source } : {}),
  });
  return undefined;
}

function definesName(mod: PyModule, name: string): boolean {
  return mod.assigns.some((a) => a.fn === undefined && a.target === name) || mod.functions.has(name) || mod.imports.has(name) || mod.classes.some((c) => c.name === name);
}
