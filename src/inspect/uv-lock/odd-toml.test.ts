import { parse } from 'smol-toml';
import { expect, it } from 'vitest';
import { parsePdmLock } from '../pdm-lock/parse.js';
import { pdmContentHash } from '../pdm-lock/content-hash.js';
import { parseUvLock, uvLockFreshness } from './parse.js';
const odd = ['x = 1', 'package = "a"', 'package = [1, "b", {}]', '[manifest]\nmembers = 3\ndependency-groups = [1]', '[[package]]\nname = "r"\nsource = { editable = "." }\ndev-dependencies = 4\noptional-dependencies = { a = 5 }\nmetadata = { requires-dist = "x", requires-dev = { a = 1 } }', '[metadata]\ngroups = "x"\ntargets = 5\nfiles = 3\nstrategy = 4', '[[package]]\nname = 1\nversion = []\nfiles = "x"\nextras = 2'];
const pyprojects = ['x = 1', '[project]\nname = 3\ndependencies = "x"\noptional-dependencies = 2\nrequires-python = 3', '[project]\nname = "r"\ndependencies = [1, "!!"]\n[dependency-groups]\na = "x"\nb = [{include-group = 3}, {include-group = "b"}]\n[tool.uv]\ndev-dependencies = 2\nsources = 3\nworkspace = 1\npackage = "yes"', '[tool.pdm]\nsource = 2\ndev-dependencies = 3\nresolution = 4'];
it('never throws on odd but valid TOML', () => {
  for (const text of odd) {
    for (const py of pyprojects) {
      const doc = parse(py, { integersAsBigInt: true });
      expect(() => uvLockFreshness(parseUvLock(text), doc, { members: new Map([['m', doc]]) })).not.toThrow();
      expect(() => parsePdmLock(text, 'pdm.lock', { pyproject: doc })).not.toThrow();
      expect(() => pdmContentHash(doc, '4.5.1')).not.toThrow();
      expect(() => pdmContentHash(doc, '4.0')).not.toThrow();
    }
  }
});
