import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../dockerfile/parse.js';
import { launchedProgram } from './launchers.js';

const launched = (text: string) => {
  const model = parseDockerfile(text);
  const stage = model.stages[model.stages.length - 1]!;
  const l = launchedProgram(model, stage, undefined);
  return l && { program: l.program, python: l.python, server: l.server };
};

describe('launchedProgram', () => {
  it('sees through runners, init wrappers and python -m', () => {
    expect(launched('FROM python:3.12\nCMD ["uv", "run", "--frozen", "gunicorn", "app:app"]\n')).toEqual({ program: 'gunicorn', python: true, server: 'gunicorn' });
    expect(launched('FROM python:3.12\nENTRYPOINT ["tini", "--"]\nCMD ["python", "-m", "uvicorn", "app:app"]\n')).toEqual({ program: 'python', python: true, server: 'uvicorn' });
    expect(launched('FROM python:3.12\nCMD python -X dev manage.py runserver 0.0.0.0:8000\n')).toEqual({ program: 'python', python: true, server: 'manage.py runserver' });
  });
  it('tells a console script in a venv from other programs', () => {
    expect(launched('FROM python:3.12\nCMD ["/opt/venv/bin/app"]\n')).toEqual({ program: 'app', python: true, server: undefined });
    expect(launched('FROM python:3.12\nCMD ["/usr/sbin/nginx"]\n')).toEqual({ program: 'nginx', python: false, server: undefined });
    expect(launched('FROM python:3.12\nCMD ["uwsgi", "--ini", "app.ini"]\n')).toEqual({ program: 'uwsgi', python: false, server: 'uwsgi' });
  });
  it('looks at every command of a shell-form CMD and of an exec-form sh -c', () => {
    expect(launched('FROM python:3\nCMD sh init.sh && python3 manage.py runserver 0.0.0.0:8000\n')).toEqual({ program: 'python3', python: true, server: 'manage.py runserver' });
    expect(launched('FROM python:3.9\nCMD ["sh", "-c", "python manage.py migrate && gunicorn --bind 0.0.0.0:8000 app.wsgi:application"]\n')).toEqual({ program: 'gunicorn', python: true, server: 'gunicorn' });
    expect(launched('FROM python:3.9\nCMD ["bash", "-c", "echo start; exec uv run python bot.py"]\n')).toEqual({ program: 'python', python: true, server: undefined });
  });
  it('reads a 200,000-letter -cccc…1 option of sh as an option, not as -c', () => {
    expect(launched(`FROM python:3.9\nCMD ["sh", "-${'c'.repeat(200_000)}1", "gunicorn app:app"]\n`)).toEqual({ program: 'sh', python: false, server: undefined });
    expect(launched('FROM python:3.9\nCMD ["sh", "-ec", "gunicorn app:app"]\n')).toEqual({ program: 'gunicorn', python: true, server: 'gunicorn' });
  });
  it('a stage without a command keeps the server its base image starts', () => {
    expect(launched('FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY . /app\n')).toEqual({ program: 'gunicorn', python: true, server: 'gunicorn' });
    expect(launched('FROM python:3.12\nCOPY . /app\n')).toBeUndefined();
  });
  it('a bare interpreter is not an application; a start script named for its server starts it', () => {
    expect(launched('FROM python:3.13\nCMD ["uv", "run", "python"]\n')).toEqual({ program: 'python', python: false, server: undefined });
    expect(launched('FROM python:3.13\nCMD ["python", "-c", "import app; app.main()"]\n')?.python).toBe(true);
    expect(launched('FROM python:3.13\nCMD ["./gunicorn.sh"]\n')).toEqual({ program: 'gunicorn.sh', python: true, server: 'gunicorn' });
    expect(launched('FROM python:3.13\nCMD ["/usr/local/bin/gunicorn_start"]\n')).toEqual({ program: 'gunicorn_start', python: true, server: 'gunicorn' });
    expect(launched('FROM python:3.13\nCMD ["sh", "gunicorn_start"]\n')).toEqual({ program: 'gunicorn_start', python: true, server: 'gunicorn' });
    expect(launched('FROM python:3.13\nCMD ["./start.sh"]\n')).toEqual({ program: 'start.sh', python: false, server: undefined });
  });
  it('a server only with its serving subcommand', () => {
    expect(launched('FROM python:3.12\nCMD ["flask", "--app", "x", "routes"]\n')?.server).toBeUndefined();
    expect(launched('FROM python:3.12\nCMD ["fastapi", "run", "main.py"]\n')?.server).toBe('fastapi run');
    expect(launched('FROM python:3.12\nCMD ["flask", "--app", "app", "run", "--host=0.0.0.0"]\n')?.server).toBe('flask run');
    expect(launched('FROM python:3.12\nCMD ["uv", "run"]\n')).toBeUndefined();
  });
});
