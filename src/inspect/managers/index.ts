/**
 * The package managers inspect knows, one unit each. Order matters only between managers
 * whose evidence is of the same kind and that cannot be told apart otherwise (see detect.ts).
 */
import type { PackageManager } from '../model.js';
import { pdm } from './pdm.js';
import { pep621 } from './pep621.js';
import { pipenv } from './pipenv.js';
import { poetry } from './poetry.js';
import { pip, pipTools } from './requirements.js';
import type { ManagerInspector } from './types.js';
import { uv } from './uv.js';

export const MANAGERS: readonly ManagerInspector[] = [uv, poetry, pdm, pipenv, pipTools, pip, pep621];

export function inspectorFor(id: PackageManager): ManagerInspector {
  const found = MANAGERS.find((m) => m.id === id);
  if (!found) throw new Error(`no inspector for ${id}`);
  return found;
}
