import { describe, expect, it } from 'vitest';
import { WEB_SERVERS } from '../../inspect/web/types.js';
import { SERVERS, serverCommand, type ServerTarget } from './servers.js';

const target = (over: Partial<ServerTarget> = {}): ServerTarget => ({ target: 'app.main:app', factory: false, interface: 'asgi', port: 8000, packages: new Set(), ...over });

describe('SERVERS', () => {
  it('has a row for every server inspect can name, each binding 0.0.0.0 on the port with the target last', () => {
    expect(Object.keys(SERVERS).sort()).toEqual([...WEB_SERVERS].sort());
    for (const spec of Object.values(SERVERS)) {
      const argv = serverCommand(spec, target({ interface: spec.interfaces[0] ?? 'asgi', port: 8123 }), '/opt/venv');
      expect(argv[0]).toBe(`/opt/venv/bin/${spec.executable}`);
      expect(argv.join(' ')).toMatch(/0\.0\.0\.0/);
      expect(argv.join(' ')).toMatch(/8123/);
      expect(argv.at(-1)).toBe('app.main:app');
      expect(spec.stopSignal).toBe('SIGTERM');
    }
  });

  it('starts gunicorn with a bind, a graceful timeout, and a factory written as a call', () => {
    expect(serverCommand(SERVERS.gunicorn, target({ target: 'hello:create_app', factory: true, interface: 'wsgi' }), '/opt/venv')).toEqual([
      '/opt/venv/bin/gunicorn',
      '--bind',
      '0.0.0.0:8000',
      '--graceful-timeout',
      '5',
      '--access-logfile',
      '-',
      'hello:create_app()',
    ]);
  });

  it('gives gunicorn a uvicorn worker class for an ASGI app (uvicorn-worker\'s when it is locked)', () => {
    expect(serverCommand(SERVERS.gunicorn, target(), '/v')).toContain('uvicorn.workers.UvicornWorker');
    expect(serverCommand(SERVERS.gunicorn, target({ packages: new Set(['uvicorn-worker']) }), '/v')).toContain('uvicorn_worker.UvicornWorker');
  });

  it('starts uvicorn with --factory and --interface wsgi where asked, and fastapi-cli as uvicorn', () => {
    const argv = serverCommand(SERVERS.uvicorn, target({ factory: true, interface: 'wsgi' }), '/v');
    expect(argv).toEqual(['/v/bin/uvicorn', '--host', '0.0.0.0', '--port', '8000', '--timeout-graceful-shutdown', '5', '--interface', 'wsgi', '--factory', 'app.main:app']);
    expect(serverCommand(SERVERS['fastapi-cli'], target(), '/v')[0]).toBe('/v/bin/uvicorn');
  });

  it('names the variable each server reads its worker count from, and none where it reads none', () => {
    expect(SERVERS.gunicorn.workersEnv).toBe('WEB_CONCURRENCY');
    expect(SERVERS.uvicorn.workersEnv).toBe('WEB_CONCURRENCY');
    expect(SERVERS.granian.workersEnv).toBe('GRANIAN_WORKERS');
    expect(SERVERS.hypercorn.workersEnv).toBeUndefined();
    expect(SERVERS.daphne.workersEnv).toBeUndefined();
  });
});
