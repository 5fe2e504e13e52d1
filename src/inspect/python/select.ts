/**
 * Which CPython the images use. Pins win (`[tool.pycrane] python`, `.python-version`,
 * `runtime.txt`, `.tool-versions`, Pipfile's `[requires]`, first found); without one, the
 * policy below picks among the minors the constraints allow (requires-python, Poetry's
 * python, setup.py's python_requires):
 *
 * 1. the newest minor that is supported (not past end of life) and mature (released at least
 *    MATURITY_MONTHS before pycrane's release table was last checked: native wheels need time);
 * 2. else the newest supported one (a project that allows only the newest release gets it);
 * 3. else the newest allowed one past end of life, with a warning naming the date;
 * 4. a project that allows only Python 2 cannot be containerised: exit 2.
 *
 * The choice depends on the release table, not on the clock, so `init --check` gives the
 * same answer every day; only the end-of-life warnings use today's date.
 */
import { UserError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { type Fact, fact, formatRef, type SourceRef } from '../../core/location.js';
import { isMature, MATURITY_MONTHS, python3Minors, pythonEol, pythonRelease, RELEASES_AS_OF } from '../../core/python-releases.js';
import type { PythonFacts } from '../model.js';
import { compareMinor, hasOversizedPart, MAX_VERSION_PART_DIGITS, minorAdmits, type Pep440Union, pep440, poetryToPep440, satisfiesUnion } from './constraint.js';

export interface ConstraintInput {
  readonly value: string;
  /** PEP 440 (`requires-python`, python_requires); false: Poetry's syntax (`^3.11`). */
  readonly pep440: boolean;
  /** How messages name it: `requires-python`, `setup.py python_requires`. */
  readonly label: string;
  readonly source: SourceRef | undefined;
}

export interface PinInput {
  readonly minor: string;
  readonly exact: string | undefined;
  readonly raw: string;
  readonly label: string;
  readonly source: SourceRef | undefined;
}

export interface SelectOptions {
  /** `[tool.pycrane] supported-pythons` (or the caller's): the only minors to choose from. */
  readonly candidates: readonly string[] | undefined;
  readonly baseImage: Fact<string> | undefined;
  /** `YYYY-MM-DD`, for end-of-life warnings. */
  readonly today: string;
}

interface Constraint {
  readonly fact: Fact<string>;
  readonly union: Pep440Union;
  readonly label: string;
}

function describe(c: Constraint): string {
  const where = formatRef(c.fact.source);
  return `${c.label} "${c.fact.value}"${where ? ` (${where})` : ''}`;
}

function parseConstraints(inputs: readonly ConstraintInput[]): Constraint[] {
  return inputs.map((c) => {
    const union = c.pep440 ? pep440(c.value) : poetryToPep440(c.value);
    if (union === undefined) {
      throw new UserError('E_PYTHON_CONSTRAINT', `${c.label} "${c.value}" is not a valid version constraint`, {
        source: c.source,
        hint: c.pep440 ? 'use PEP 440 specifiers, e.g. ">=3.11,<3.14"' : 'use a Poetry constraint, e.g. "^3.11" or ">=3.11,<3.14"',
      });
    }
    return { fact: fact(c.value, c.source), union, label: c.label };
  });
}

function eolWarning(minor: string, today: string, source: SourceRef | undefined, why: string): Issue | undefined {
  const eol = pythonEol(minor, today);
  if (eol === undefined) return undefined;
  return {
    code: 'W_PYTHON_EOL',
    severity: 'warning',
    message: `Python ${minor} reached end of life on ${eol} (no more security fixes)${why}`,
    ...(source ? { source } : {}),
  };
}

export function selectPython(
  constraintInputs: readonly ConstraintInput[],
  pins: readonly PinInput[],
  options: SelectOptions,
  issues: Issue[],
): PythonFacts {
  const constraints = parseConstraints(constraintInputs);
  const unions = constraints.map((c) => c.union);
  const all = [...new Set(options.candidates ?? python3Minors())].sort((a, b) => compareMinor(b, a));
  // Minors the user listed are supported by their word; pycrane's own list drops those past end of life.
  const supported = options.candidates ? all : all.filter((m) => pythonEol(m, options.today) === undefined);
  const allFacts = constraints.map((c) => c.fact);

  const [pin, ...others] = pins.filter((p) => {
    if (!hasOversizedPart(p.raw) && !hasOversizedPart(p.minor) && !hasOversizedPart(p.exact ?? '')) return true;
    issues.push({
      code: 'W_PYTHON_VERSION_IGNORED',
      severity: 'warning',
      message: `${p.label} pins Python "${p.raw.length > 40 ? `${p.raw.slice(0, 40)}…` : p.raw}", a version with a part longer than ${MAX_VERSION_PART_DIGITS} digits: ignored`,
      ...(p.source ? { source: p.source } : {}),
    });
    return false;
  });
  for (const other of others) {
    if (pin && other.minor !== pin.minor) {
      issues.push({
        code: 'W_PYTHON_VERSION_OVERRIDDEN',
        severity: 'warning',
        message: `${other.label} says ${other.raw} but ${pin.label} (${pin.raw}) wins`,
        ...(other.source ? { source: other.source } : {}),
      });
    }
  }

  let selected: Fact<string>;
  if (pin) {
    allFacts.push(fact(pin.raw, pin.source));
    const ok = (c: Constraint) => (pin.exact ? satisfiesUnion(pin.exact, c.union) : minorAdmits(pin.minor, [c.union]));
    const conflict = constraints.find((c) => !ok(c));
    if (conflict || (!pin.exact && !minorAdmits(pin.minor, unions))) {
      const against = conflict ? describe(conflict) : constraints.map(describe).join(' and ');
      throw new UserError('E_PYTHON_PIN_CONFLICT', `${pin.label} pins Python ${pin.raw}, which does not satisfy ${against}`, {
        source: pin.source,
        hint: `change ${pin.label} or the constraint so they agree`,
      });
    }
    if (pin.minor.startsWith('2.')) {
      throw new UserError('E_PYTHON2', `${pin.label} pins Python ${pin.raw}: pycrane builds Python 3 images only`, { source: pin.source });
    }
    if (!all.includes(pin.minor) && pythonRelease(pin.minor) === undefined) {
      issues.push({
        code: 'W_PYTHON_UNKNOWN',
        severity: 'warning',
        message: `${pin.label} pins Python ${pin.minor}, which pycrane's release table (of ${RELEASES_AS_OF}) does not know`,
        ...(pin.source ? { source: pin.source } : {}),
      });
    } else if (options.candidates && !options.candidates.includes(pin.minor)) {
      issues.push({
        code: 'W_PYTHON_UNSUPPORTED',
        severity: 'warning',
        message: `${pin.label} pins Python ${pin.minor}, outside the supported set (${all.join(', ')})`,
        ...(pin.source ? { source: pin.source } : {}),
      });
    }
    const eol = eolWarning(pin.minor, options.today, pin.source, `: ${pin.label} pins it`);
    if (eol) issues.push(eol);
    selected = fact(pin.minor, pin.source);
  } else {
    const allowed = all.filter((m) => minorAdmits(m, unions));
    const mature = (m: string) => {
      const release = pythonRelease(m);
      return release === undefined || isMature(release, RELEASES_AS_OF);
    };
    const minor =
      allowed.find((m) => !pythonEol(m, options.today) && mature(m)) ?? allowed.find((m) => !pythonEol(m, options.today)) ?? allowed[0];
    if (minor === undefined) {
      if (constraints.length > 0 && minorAdmits('2.7', unions)) {
        const first = constraints[0];
        throw new UserError('E_PYTHON2', `${first ? describe(first) : 'the project'} allows only Python 2: pycrane builds Python 3 images only`, {
          source: first?.fact.source,
        });
      }
      const blocking = constraints.find((c) => !all.some((m) => minorAdmits(m, [c.union])));
      const what = blocking ? describe(blocking) : constraints.map(describe).join(' and ');
      throw new UserError('E_PYTHON_UNSATISFIABLE', `no Python release satisfies ${what}; considered: ${all[all.length - 1] ?? ''} to ${all[0] ?? ''}`, {
        source: (blocking ?? constraints[0])?.fact.source,
        hint: 'widen the constraint, or set [tool.pycrane] supported-pythons / python',
      });
    }
    if (constraints.length === 0) {
      issues.push({
        code: 'I_NO_PYTHON_CONSTRAINT',
        severity: 'info',
        message: `no Python constraint (requires-python, python_requires, .python-version): chose ${minor}, the newest supported release out for ${MATURITY_MONTHS} months or more`,
      });
    }
    const capping = constraints.find((c) => !minorAdmits(all[0] ?? minor, [c.union])) ?? constraints[0];
    const eol = eolWarning(minor, options.today, capping?.fact.source, `; ${capping ? describe(capping) : 'the constraints'} allow no supported release`);
    if (eol) issues.push(eol);
    selected = fact(minor, capping?.fact.source);
  }

  const image = options.baseImage ?? fact(`python:${selected.value}-slim`, selected.source);
  return { constraints: allFacts, selected, supported, image };
}
