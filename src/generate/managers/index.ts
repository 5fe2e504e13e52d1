/**
 * The package managers `init` writes setups for, one unit each (a folder with its recipe and
 * its tests). Adding a manager adds a folder and one line here.
 */
import type { PackageManager } from '../../inspect/model.js';
import { pdm } from './pdm/index.js';
import { pep621 } from './pep621/index.js';
import { pip } from './pip/index.js';
import { pipTools } from './pip-tools/index.js';
import { pipenv } from './pipenv/index.js';
import { poetry } from './poetry/index.js';
import type { ManagerRecipe } from './types.js';
import { uv } from './uv/index.js';

const RECIPES: Readonly<Record<PackageManager, ManagerRecipe>> = {
  poetry,
  uv,
  pdm,
  pipenv,
  'pip-tools': pipTools,
  pip,
  pep621,
};

export function recipeFor(id: PackageManager): ManagerRecipe {
  return RECIPES[id];
}
