import { describe, expect, it } from 'vitest';
import { fact } from '../../core/location.js';
import { planSetup } from '../../generate/index.js';
import { djangoPostgresFacts, fastapiFacts, poetryFacts } from '../../generate/testing/facts.js';
import type { ProjectFacts } from '../../inspect/model.js';
import { allowedPythons, initQuestions, parseServices, type Question, type QuestionId } from './questions.js';

const questionsOf = (facts: ProjectFacts) => initQuestions(facts, planSetup(facts, { directoryName: 'x' }));
const byId = (qs: readonly Question[], id: QuestionId) => {
  const q = qs.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};
const asked = (facts: ProjectFacts) => questionsOf(facts).filter((q) => q.ask).map((q) => q.id);

describe('initQuestions', () => {
  it('asks a single-script package only the Python version its constraint leaves open', () => {
    const qs = questionsOf(poetryFacts());
    expect(qs.filter((q) => q.ask).map((q) => q.id)).toEqual(['python']);
    const python = byId(qs, 'python');
    expect(python).toMatchObject({ detected: '3.13', from: 'the newest mature release ">=3.11,<3.14" pyproject.toml:7 allows' });
    expect(python.choices?.map((c) => c.value)).toEqual(['3.13', '3.12', '3.11']);
    expect(python.choices?.find((c) => c.hint === 'detected')?.value).toBe('3.13');
    expect(byId(qs, 'command')).toMatchObject({ detected: '/opt/venv/bin/hello-cli --help', ask: false });
  });

  it('does not ask the Python version a pin file or [tool.pycrane] python fixes', () => {
    const pinned = poetryFacts();
    const pin = { ...pinned, python: { ...pinned.python, selected: fact('3.12', { file: '.python-version', line: 1 }) } };
    expect(asked(pin)).toEqual([]);
    expect(byId(questionsOf(pin), 'python').from).toBe('.python-version:1');
    expect(asked(poetryFacts({ config: { python: '3.12' } }))).toEqual([]);
  });

  it('asks the command when nothing to start was found, or when there are several candidates', () => {
    const bare = poetryFacts({ scripts: [], isPackage: fact(false, undefined), config: { python: '3.13' } });
    expect(asked(bare)).toEqual(['command']);
    expect(byId(questionsOf(bare), 'command')).toMatchObject({ detected: 'python', other: true });
    const two = poetryFacts({
      scripts: [
        { name: 'one', target: 'a:main', source: undefined },
        { name: 'two', target: 'b:main', source: undefined },
      ],
      layout: { kind: 'src', packages: [], mainModules: ['one'] },
      config: { python: '3.13' },
    });
    expect(byId(questionsOf(two), 'command').choices?.map((c) => c.value)).toEqual(['/opt/venv/bin/one --help', '/opt/venv/bin/two', 'python -m one']);
    expect(asked(two)).toEqual(['command']);
    expect(asked({ ...two, config: { python: '3.13', command: ['serve'] } })).toEqual([]);
  });

  it('asks a web app what detection fell back on: the port; and always the services, with the detected ones', () => {
    const django = djangoPostgresFacts();
    const qs = questionsOf(django);
    expect(qs.filter((q) => q.ask).map((q) => q.id)).toEqual(['python', 'port', 'services']);
    expect(byId(qs, 'app')).toMatchObject({ detected: 'mysite.wsgi:application', from: 'mysite/settings.py:52 Django', ask: false });
    expect(byId(qs, 'port')).toMatchObject({ detected: '8000', from: "pycrane's default" });
    expect(byId(qs, 'health-path')).toMatchObject({ detected: '/admin/login/', from: 'mysite/urls.py:5', ask: false });
    expect(byId(qs, 'services')).toMatchObject({
      detected: 'postgres,redis',
      from: "postgres: Django's postgresql engine mysite/settings.py:80; redis: django-redis cache mysite/settings.py:95",
    });
    expect(byId(qs, 'command').ask).toBe(false);
  });

  it('asks the app when several were found, the server and health path when they are defaults, and nothing [tool.pycrane] sets', () => {
    const base = fastapiFacts();
    const app = base.web.app!;
    const unsure: ProjectFacts = {
      ...base,
      web: { ...base.web, app: { ...app, server: fact('uvicorn'), healthPath: fact('/health') } },
      issues: [{ code: 'W_WEB_APP_AMBIGUOUS', severity: 'warning', message: '2 web applications: app.main:app (app/main.py:3), api:app (api.py:5); pycrane serves app.main:app' }],
    };
    expect(asked(unsure)).toEqual(['python', 'app', 'server', 'port', 'health-path', 'services']);
    expect(byId(questionsOf(unsure), 'app').from).toBe('app/main.py:3, best ranked of 2 web applications: app.main:app (app/main.py:3), api:app (api.py:5)');
    expect(byId(questionsOf(unsure), 'server').choices?.map((c) => c.value)).toEqual(['gunicorn', 'uvicorn', 'hypercorn', 'granian', 'daphne', 'fastapi-cli'].filter((s) => s !== 'gunicorn'));
    const configured = { ...unsure, config: { python: '3.13', app: 'app.main:app', server: 'uvicorn' as const, port: 8000, healthPath: '/health', services: [] } };
    expect(asked(configured)).toEqual([]);
  });

  it('checks answers as flags give them', () => {
    const qs = questionsOf(djangoPostgresFacts());
    expect(byId(qs, 'port').parse('9000')).toEqual({ value: 9000 });
    expect(byId(qs, 'port').parse('0')).toEqual({ error: 'expected a port number from 1 to 65535' });
    expect(byId(qs, 'port').parse('80a')).toHaveProperty('error');
    expect(byId(qs, 'health-path').parse('health')).toEqual({ error: 'expected an HTTP path like /health' });
    expect(byId(qs, 'app').parse('app:create_app()')).toEqual({ value: 'app:create_app()' });
    expect(byId(qs, 'app').parse('app')).toHaveProperty('error');
    expect(byId(qs, 'server').parse('waitress')).toHaveProperty('error');
    expect(byId(qs, 'command').parse(`gunicorn 'app:create_app()'`)).toEqual({ value: ['gunicorn', 'app:create_app()'] });
    expect(byId(qs, 'command').parse('  ')).toEqual({ error: 'expected a command' });
    expect(byId(qs, 'python').parse('3.13.1')).toEqual({ value: '3.13.1' });
    expect(byId(qs, 'python').parse('3')).toHaveProperty('error');
  });
});

describe('parseServices', () => {
  it('takes a comma-separated list in any order, or none', () => {
    expect(parseServices('redis, postgres')).toEqual({ value: ['postgres', 'redis'] });
    expect(parseServices('none')).toEqual({ value: [] });
    expect(parseServices('mysql')).toEqual({ error: 'expected a comma-separated list of postgres, redis, or none (not "mysql")' });
    expect(parseServices('')).toHaveProperty('error');
  });
});

describe('allowedPythons', () => {
  it('reads PEP 440 and Poetry constraints', () => {
    const facts = poetryFacts();
    expect(allowedPythons({ ...facts, python: { ...facts.python, constraints: [fact('^3.12')] } })).toEqual(['3.14', '3.13', '3.12']);
    expect(allowedPythons({ ...facts, python: { ...facts.python, constraints: [fact('>=3.11'), fact('<3.13')] } })).toEqual(['3.12', '3.11']);
  });
});
