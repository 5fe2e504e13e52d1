/**
 * The PEP 517 build backends pycrane knows, in one table: which ones compile code (the builder
 * then needs compilers and headers), and which build a pure package's wheel as exactly its
 * files plus metadata (what lets the app image copy the code: pure-python.ts).
 */
export interface BuildBackend {
  /** `build-backend` as written, or its module prefix (`flit.` covers flit's old `flit.buildapi`). */
  readonly prefix: string;
  readonly compiles: boolean;
  /** The value of `build-backend` whose wheels of a plain package the e2e tests checked file by file. */
  readonly exactWheel?: string;
}

export const BUILD_BACKENDS: readonly BuildBackend[] = [
  { prefix: 'setuptools', compiles: false, exactWheel: 'setuptools.build_meta' },
  { prefix: 'hatchling', compiles: false, exactWheel: 'hatchling.build' },
  { prefix: 'flit_core', compiles: false, exactWheel: 'flit_core.buildapi' },
  { prefix: 'flit.', compiles: false },
  { prefix: 'poetry.core', compiles: false, exactWheel: 'poetry.core.masonry.api' },
  { prefix: 'poetry.masonry', compiles: false },
  { prefix: 'pdm.backend', compiles: false, exactWheel: 'pdm.backend' },
  { prefix: 'pdm.pep517', compiles: false },
  { prefix: 'uv_build', compiles: false, exactWheel: 'uv_build' },
  { prefix: 'maturin', compiles: true },
  { prefix: 'scikit_build_core', compiles: true },
  { prefix: 'mesonpy', compiles: true },
];

export function buildBackend(value: string): BuildBackend | undefined {
  return BUILD_BACKENDS.find((b) => value.startsWith(b.prefix));
}
