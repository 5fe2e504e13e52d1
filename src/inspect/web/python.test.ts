import { describe, expect, it } from 'vitest';
import { memoryReader } from '../../core/reader.js';
import { envReads } from './env.js';
import { readPythonModule } from './python.js';
import { collectSources, MAX_FILES, moduleName } from './sources.js';

describe('readPythonModule', () => {
  it('resolves absolute, relative, aliased and parenthesised imports', () => {
    const text = [
      'import os',
      'import a.b',
      'import a.b as ab',
      'from fastapi import FastAPI, APIRouter as R',
      'from . import auth',
      'from .routes import (utils as u, items)',
      'from ..core.config import settings',
      'from celery import *',
    ].join('\n');
    const inPackage = readPythonModule(text, 'shop/api/__init__.py', 'shop.api');
    expect(Object.fromEntries(inPackage.imports)).toEqual({
      os: 'os',
      a: 'a',
      ab: 'a.b',
      FastAPI: 'fastapi.FastAPI',
      R: 'fastapi.APIRouter',
      auth: 'shop.api.auth',
      u: 'shop.api.routes.utils',
      items: 'shop.api.routes.items',
      settings: 'shop.core.config.settings',
    });
    expect(inPackage.starImports).toEqual(['celery']);
    const inModule = readPythonModule(text, 'shop/api/main.py', 'shop.api.main');
    expect(inModule.imports.get('auth')).toBe('shop.api.auth');
    expect(inModule.imports.get('settings')).toBe('shop.core.config.settings');
  });

  it('records assignments, calls and decorators with the top-level function they are in', () => {
    const mod = readPythonModule(
      [
        'from flask import Flask',
        'def create_app(config=None, *args, **kw):',
        '    app = Flask(__name__)',
        '    @app.route("/hello")',
        '    def hello():',
        '        def inner():',
        '            return 1',
        '        return "hi"',
        '    return app',
        'class Settings(BaseSettings):',
        '    DATABASE_URL: str',
        '    debug: bool = False',
        '    def method(self):',
        '        x = Flask("no")',
        'wsgi = create_app()',
      ].join('\n'),
      'app.py',
      'app',
    );
    expect(mod.assigns.map((a) => [a.target, a.line, a.fn])).toEqual([
      ['app', 3, 'create_app'],
      ['wsgi', 15, undefined],
    ]);
    expect(mod.calls.map((c) => [c.callee, c.line, c.fn])).toEqual([
      ['flask.Flask', 3, 'create_app'],
      ['flask.Flask', 14, undefined],
      ['create_app', 15, undefined],
    ]);
    expect(mod.decorators.map((d) => [d.written, d.line, d.fn])).toEqual([['app.route', 4, 'create_app']]);
    const fn = mod.functions.get('create_app');
    expect(fn?.params).toEqual(['config']);
    expect(fn?.returns.map((r) => mod.src.slice(r))).toEqual(['app']);
    expect(mod.classes).toEqual([{ name: 'Settings', bases: ['BaseSettings'], fields: [{ name: 'DATABASE_URL', line: 11 }, { name: 'debug', line: 12 }] }]);
  });

  it('never throws on text that is not Python', () => {
    expect(() => readPythonModule('def (:\n  ]]] "unterminated\n\u0000', 'x.py', 'x')).not.toThrow();
  });
});

describe('envReads', () => {
  it('reads os.environ, os.getenv, django-environ, python-decouple, dj-database-url and BaseSettings fields, in file order', () => {
    const mod = readPythonModule(
      [
        'import os',
        'import environ',
        'import dj_database_url',
        'from os import getenv',
        'from decouple import config',
        'env = environ.Env()',
        'A = os.environ["SECRET_KEY"]',
        'B = os.environ.get("DEBUG", "0")',
        'C = getenv("REDIS_URL", "redis://localhost")',
        'D = env.db()',
        'E = env.bool("USE_TZ", default=True)',
        'F = config("EMAIL_HOST", default="smtp")',
        'G = dj_database_url.config(default="sqlite://")',
        '# H = os.environ["COMMENTED"]',
        'I = other("NOT_AN_ENV")',
        'class S(pydantic_settings.BaseSettings):',
        '    api_key: str',
      ].join('\n'),
      'settings.py',
      'settings',
    );
    expect(envReads(mod).map((r) => [r.name, r.line, r.default])).toEqual([
      ['SECRET_KEY', 7, undefined],
      ['DEBUG', 8, '0'],
      ['REDIS_URL', 9, 'redis://localhost'],
      ['DATABASE_URL', 10, undefined],
      ['USE_TZ', 11, undefined],
      ['EMAIL_HOST', 12, 'smtp'],
      ['DATABASE_URL', 13, 'sqlite://'],
      ['API_KEY', 17, undefined],
    ]);
  });
});

describe('collectSources', () => {
  it('skips tests, migrations, virtualenvs and node_modules, and walks three folders deep', async () => {
    const files = Object.fromEntries(
      ['app.py', 'tests/test_app.py', 'pkg/migrations/0001_initial.py', 'venv/lib/x.py', '.venv/lib/y.py', 'node_modules/z.py', 'pkg/a/b/c.py', 'pkg/a/b/c/d.py', 'pkg/test_x.py', 'conftest.py', 'Dockerfile'].map((p) => [p, '']),
    );
    const sources = await collectSources(memoryReader(files));
    expect(sources.files.map((f) => f.path)).toEqual(['app.py', 'pkg/a/b/c.py']);
    expect(sources.truncated).toBe(false);
  });

  it('stops at MAX_FILES and says so', async () => {
    const files = Object.fromEntries(Array.from({ length: MAX_FILES + 5 }, (_, i) => [`m${i}.py`, '']));
    const sources = await collectSources(memoryReader(files));
    expect(sources.files).toHaveLength(MAX_FILES);
    expect(sources.truncated).toBe(true);
  });

  it('names modules relative to their import root', () => {
    expect(moduleName('app/api/main.py', '')).toBe('app.api.main');
    expect(moduleName('src/pkg/__init__.py', 'src')).toBe('pkg');
    expect(moduleName('backend/manage.py', 'backend')).toBe('manage');
  });
});

describe('readPythonModule on a large file with a syntax error', () => {
  const app = 'from flask import Flask\napp = Flask(__name__)\n';
  it('reads it as empty past 32 KiB (Python could not import it), instead of seconds of error recovery', () => {
    const mod = readPythonModule(`${app}${'x = 1\n'.repeat(6000)}x = ${'not '.repeat(50_000)},\n`, 'big.py', 'big');
    expect(mod.imports.size).toBe(0);
    expect(mod.assigns).toEqual([]);
  });
  it('reads around the error in a small file', () => {
    const mod = readPythonModule(`${app}y = (\n`, 'small.py', 'small');
    expect(mod.imports.get('Flask')).toBe('flask.Flask');
  });
});
