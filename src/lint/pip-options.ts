/**
 * pip's long options as pip reads them. pip parses with Python's optparse, which takes any unambiguous
 * prefix of a long option (`--no-cache` is `--no-cache-dir`, `--no-c` is an error: --no-cache-dir,
 * --no-clean, --no-color, --no-compile). uv and the other tools do not, so this is for pip commands only.
 */

/**
 * The long options of `pip install`, `pip wheel` and `pip download` with pip's general options, read
 * from pip's own parsers (pip 23.2.1, 24.2 and 26.2.1: `create_command(sub).parser._get_all_options()`),
 * the union of the three: a prefix unique among them is unique in each of those versions. True: the
 * option takes a value.
 */
const PIP_LONG_OPTIONS: ReadonlyMap<string, boolean> = new Map([
  ...'--abi --all-releases --build-constraint --build-option --cache-dir --cert --client-cert --config-settings --constraint --dest --editable --exists-action --extra-index-url --find-links --global-option --group --implementation --index-url --keyring-provider --log --no-binary --only-binary --only-final --platform --prefix --progress-bar --proxy --python --python-version --refresh-package --report --requirement --requirements-from-script --resume-retries --retries --root --root-user-action --src --target --timeout --trusted-host --upgrade-strategy --uploaded-prior-to --use-deprecated --use-feature --wheel-dir'
    .split(' ')
    .map((o) => [o, true] as const),
  ...'--break-system-packages --check-build-dependencies --compile --debug --disable-pip-version-check --dry-run --force-reinstall --help --ignore-installed --ignore-requires-python --isolated --no-build-isolation --no-cache-dir --no-clean --no-color --no-compile --no-deps --no-index --no-input --no-proxy-env --no-python-version-warning --no-require-hashes --no-use-pep517 --no-user --no-verify --no-warn-conflicts --no-warn-script-location --only-deps --pre --prefer-binary --quiet --require-hashes --require-virtualenv --upgrade --use-pep517 --user --verbose --version'
    .split(' ')
    .map((o) => [o, false] as const),
]);

/** Second spellings pip gives an option, to the name the rules use. */
const PIP_ALIASES: Readonly<Record<string, string>> = {
  '--no-dependencies': '--no-deps',
  '--only-dependencies': '--only-deps',
  '--pypi-url': '--index-url',
  '--source': '--src',
  '--source-dir': '--src',
  '--source-directory': '--src',
  '--require-venv': '--require-virtualenv',
  '--log-file': '--log',
  '--local-log': '--log',
  '--default-timeout': '--timeout',
  '--destination-dir': '--dest',
  '--destination-directory': '--dest',
};

const ALL_NAMES = [...PIP_LONG_OPTIONS.keys(), ...Object.keys(PIP_ALIASES)];

/** The option pip reads for `--name` (exact, alias or unique prefix), or undefined when pip would reject it. */
function resolve(name: string): string | undefined {
  const exact = PIP_LONG_OPTIONS.has(name) || Object.hasOwn(PIP_ALIASES, name) ? name : undefined;
  // `--requirements` is uv's spelling of `--requirement`; pip 26 would take it for `--requirements-from-script`
  // and earlier pips reject it, so it is read as written (a requirement file, as the rules did before).
  const hits = exact || name === '--requirements' ? [] : ALL_NAMES.filter((o) => o.startsWith(name));
  const full = exact ?? (hits.length === 1 ? hits[0] : undefined);
  return full === undefined ? undefined : (PIP_ALIASES[full] ?? full);
}

/**
 * A word as pip reads it: `--no-cache` -> `--no-cache-dir`, `--no-dependencies` -> `--no-deps`,
 * `--index=https://...` -> `--index-url=https://...`. Short options, values and names pip would reject
 * (ambiguous or unknown prefixes) come back as written.
 */
export function pipOptionWord(word: string): string {
  if (!word.startsWith('--') || word === '--') return word;
  const eq = word.indexOf('=');
  const name = eq === -1 ? word : word.slice(0, eq);
  const full = resolve(name);
  return full === undefined || full === name ? word : full + (eq === -1 ? '' : word.slice(eq));
}

/** A long option of pip, spelled out as pipOptionWord gives it, that takes a value (`--index-url`, `--group`). */
export function pipOptionTakesValue(name: string): boolean {
  return PIP_LONG_OPTIONS.get(name) === true;
}
