"""Writes configparser-cases.json: random setup.cfg-like texts and what CPython's configparser,
set up as setuptools sets it up (ConfigParser(), optionxform = str), makes of them.
Run: python3 configparser-cases.py > configparser-cases.json"""
import configparser
import json
import random
import re
import sys

ATOMS = ['[metadata]', '[options]', '[options.entry_points]', '[DEFAULT]', 'name = demo', 'key: value', 'k=v',
         'x = a = b', 'y : c = d', '    continued', '\tcont tab', '  # indented comment', '# comment', '; semi', '',
         '   ', 'install_requires =', '    req>=1  # inline', '    b; python_version<"3.8"', 'console_scripts =',
         '    foo = foo.cli:main', '  deeper', 'z =', 'w = %(name)s', 'p = 50%%', '[sec] trailing', ' [indented]',
         'a_b-c = 1', 'Case = 2']
VALUES = ['plain', '%(a)s', '%%', '50%% done', '%(b)s-%(a)s', '%(missing)s', '% x', '%(a)x', '%(c)s', 'x%', '%()s',
          '%(self)s']


def parser():
    p = configparser.ConfigParser()
    p.optionxform = str
    return p


def parse_cases(rng, count):
    cases = []
    for _ in range(count):
        lines = ['[metadata]']
        for j in range(rng.randint(1, 25)):
            atom = rng.choice(ATOMS)
            if atom.startswith('[') and not atom.startswith('[sec') and rng.random() < 0.7:
                atom = '[s%d]' % j
            elif ('=' in atom or ':' in atom) and not atom[:1].isspace():
                atom = re.sub(r'^([A-Za-z_-]+)', lambda m: m.group(1) + str(j), atom, count=1)
            lines.append(atom)
        text = '\n'.join(lines) + rng.choice(['', '\n'])
        p = parser()
        try:
            p.read_string(text)
            res = {'ok': True, 'sections': {s: {k: p.get(s, k, raw=True) for k in p.options(s)} for s in p.sections()}}
        except configparser.Error as e:
            res = {'ok': False, 'err': type(e).__name__}
        cases.append({'text': text, 'res': res})
    return cases


def interpolation_cases(rng, count):
    cases = []
    for _ in range(count):
        text = '\n'.join(['[DEFAULT]', 'c = ' + rng.choice(VALUES), '[m]', 'a = ' + rng.choice(VALUES),
                          'b = ' + rng.choice(VALUES), 'self = ' + rng.choice(VALUES),
                          'k = ' + rng.choice(VALUES) + ' ' + rng.choice(VALUES)])
        p = parser()
        p.read_string(text)
        res = {}
        for key in ['a', 'b', 'self', 'k', 'c']:
            try:
                res[key] = p.get('m', key)
            except configparser.Error:
                res[key] = 'ERR'
        cases.append({'text': text, 'res': res})
    return cases


rng = random.Random(1)
json.dump({'python': sys.version.split()[0], 'parse': parse_cases(rng, 150), 'interpolation': interpolation_cases(rng, 100)},
          sys.stdout, indent=0)
