import { describe, expect, it } from 'vitest';
import { celeryBroker, celeryCandidates } from './celery.js';
import { readPythonModule } from './python.js';

/** The broker of `app = Celery("w", broker=<url>)`. */
const brokerOfUrl = (url: string) => {
  const mod = readPythonModule(`from celery import Celery\napp = Celery("w", broker=${JSON.stringify(url)})\n`, 'worker.py', 'worker');
  const [candidate] = celeryCandidates(mod);
  if (!candidate) throw new Error('no Celery app found');
  return celeryBroker(candidate, [], new Map())?.scheme;
};

describe('celeryBroker', () => {
  it.each([
    ['redis://redis:6379/0', 'redis'],
    ['rediss://cache:6380/0', 'redis'],
    ['redis+socket:///tmp/redis.sock', 'redis'],
    ['sentinel://s1:26379', 'sentinel'],
    ['pyamqp://guest@rabbit//', 'amqp'],
    ['AMQP://guest@rabbit//', 'amqp'],
    ['sqla+postgresql://db/celery', 'sqla'],
    ['pyamqp+ssl://rabbit', 'amqp'],
    ['+redis://x', undefined],
    ['redis:/x', undefined],
    ['memory', undefined],
  ])('names the scheme of %s: %s', (url, scheme) => {
    expect(brokerOfUrl(url)).toBe(scheme);
  });

  it('reads a scheme with a long run of `+` in linear time', () => {
    const pluses = '+'.repeat(200_000);
    expect(brokerOfUrl(`redis${pluses}://x`)).toBe('redis');
    expect(brokerOfUrl(`redis${pluses}\r://x`)).toBeUndefined();
  });
});
