/**
 * The bounded run `npm test` makes (fuzz.test.ts): a fixed seed and a fixed number of inputs per family,
 * sized from each family's speed on one core so the whole run stays well under a minute (about 30 s).
 */
export const BOUNDED_SEED = 20261201;

export const BOUNDED_INPUTS: Readonly<Record<string, number>> = {
  pyproject: 400,
  'poetry-lock': 400,
  'uv-lock': 240,
  'pdm-lock': 800,
  pipfile: 1000,
  'pipfile-lock': 1000,
  requirements: 800,
  'setup-cfg': 500,
  'setup-py': 120,
  'python-version': 240,
  dockerfile: 120,
  compose: 120,
  devcontainer: 200,
  dockerignore: 200,
};
