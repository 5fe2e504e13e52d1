import { describe, expect, it } from 'vitest';
import { fact } from '../../core/location.js';
import { appCandidates } from './asgi-wsgi.js';
import { readPythonModule } from './python.js';
import { healthRoute, reachableRoutes } from './routes.js';

/** The GET paths of the FastAPI app of `main.py`, whose router is included under `prefix`. */
const routesUnder = (prefix: string, route = '/health') => {
  const text = [
    'from fastapi import APIRouter, FastAPI',
    'router = APIRouter()',
    `@router.get(${JSON.stringify(route)})`,
    'def health():',
    '    return "ok"',
    'app = FastAPI()',
    `app.include_router(router, prefix=${JSON.stringify(prefix)})`,
    '',
  ].join('\n');
  const mod = readPythonModule(text, 'main.py', 'main');
  const [app] = appCandidates(mod);
  if (!app) throw new Error('no app found');
  return reachableRoutes(app, [mod]).map((r) => r.value);
};

describe('reachableRoutes', () => {
  it('joins a prefix and a path with one slash between them', () => {
    expect(routesUnder('/api')).toEqual(['/api/health']);
    expect(routesUnder('/api///')).toEqual(['/api/health']);
    expect(routesUnder('api', 'health')).toEqual(['/api/health']);
    expect(routesUnder('/')).toEqual(['/health']);
    expect(routesUnder('/a//b/', '//x/')).toEqual(['/a/b/x/']);
  });

  it('joins a prefix of many slashes in linear time', () => {
    const slashes = '/'.repeat(200_000);
    expect(routesUnder(`${slashes}api${slashes}`)).toEqual(['/api/health']);
    expect(routesUnder(`${slashes}api`, `${slashes}x`)).toEqual(['/api/x']);
  });
});

describe('healthRoute', () => {
  const routes = (...paths: string[]) => paths.map((p) => fact(p, { file: 'main.py', line: 1 }));

  it('prefers health-like paths, compared without trailing slashes, then /', () => {
    expect(healthRoute(routes('/', '/api/ping', '/HEALTHZ/'))?.value).toBe('/HEALTHZ/');
    expect(healthRoute(routes('/docs', '/v1/health'))?.value).toBe('/v1/health');
    expect(healthRoute(routes('/docs', '/'))?.value).toBe('/');
    expect(healthRoute(routes('//', '/docs'))).toBeUndefined();
  });

  it('compares a path of many slashes in linear time', () => {
    const slashes = '/'.repeat(200_000);
    expect(healthRoute(routes(`/ping${slashes}`))?.value).toBe(`/ping${slashes}`);
    expect(healthRoute(routes(`${slashes}x`, '/'))?.value).toBe('/');
  });
});
