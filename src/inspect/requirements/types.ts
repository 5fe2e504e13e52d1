import type { Issue } from '../../core/issue.js';
import type { Fact, SourceRef } from '../../core/location.js';

/** One requirement of a requirements file, after pip's line joining and comment stripping. */
export interface RequirementLine {
  /** PEP 503-normalised; undefined for a bare URL or path that names no project (no `#egg=`, not a wheel). */
  readonly name: string | undefined;
  /** The version specifier as written, without spaces or parentheses: `==1.2.3`, `>=2,<3`. */
  readonly specifier: string | undefined;
  /**
   * `1.2.3` when the specifier is exactly one `==` (or `===`) clause without a wildcard;
   * for a wheel file or URL, the version in the wheel's file name (pip installs exactly that).
   */
  readonly pinned: string | undefined;
  readonly extras: readonly string[];
  readonly markers: string | undefined;
  /** `sha256:...` from `--hash` options, in the order written. */
  readonly hashes: readonly string[];
  /** A PEP 508 direct reference, a bare URL, a VCS URL or a local path, as written (extras removed). */
  readonly url: string | undefined;
  /** `-e` / `--editable`. */
  readonly editable: boolean;
  /** The file and the line where the requirement starts (the first of its continuation lines). */
  readonly source: SourceRef;
}

export type HeaderTool = 'pip-compile' | 'uv' | 'poetry' | 'pdm' | 'pipenv' | 'pip-freeze' | 'unknown';

/** Who wrote the file, from the comments its generator leaves. */
export interface CompiledHeader {
  readonly tool: HeaderTool;
  /** The generator's own version; none of the known headers states it, so this is undefined for them. */
  readonly version: string | undefined;
  /** The Python the file was compiled for: pip-compile's `with Python 3.11`, uv's `-p`/`--python-version`. */
  readonly python: string | undefined;
  /** The command in the header, e.g. `pip-compile --generate-hashes requirements.in`. */
  readonly command: string | undefined;
  /** Input files named in the command or in `# via -r ...` / `# via name (pyproject.toml)` comments. */
  readonly inputs: readonly string[];
  readonly source: SourceRef;
}

export interface RequirementsFile {
  /** As given, relative to the project root. */
  readonly path: string;
  /** This file's requirements and, flattened in order, those of every `-r` include. */
  readonly requirements: readonly RequirementLine[];
  /** From `-c` files, transitively (a `-r` inside a constraints file is read as requirements, as pip does). */
  readonly constraints: readonly RequirementLine[];
  /** Every file read through `-r` as requirements, root-relative, in the order first read, no duplicates. */
  readonly includes: readonly string[];
  /** Every file read through `-c`, root-relative, in the order first read, no duplicates. */
  readonly constraintFiles: readonly string[];
  /** `-i` / `--index-url`: the last one read wins, as in pip. */
  readonly indexUrl: Fact<string> | undefined;
  readonly extraIndexUrls: readonly Fact<string>[];
  readonly findLinks: readonly Fact<string>[];
  readonly noIndex: boolean;
  readonly header: CompiledHeader | undefined;
  /** Every requirement has at least one hash (what pip's hash-checking mode needs); false for no requirements. */
  readonly hashes: boolean;
  /** Every requirement is pinned with `==`/`===` or is a URL, path or VCS reference; false for no requirements. */
  readonly pinned: boolean;
  readonly issues: readonly Issue[];
}
