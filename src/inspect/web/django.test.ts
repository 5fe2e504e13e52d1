import { describe, expect, it } from 'vitest';
import { memoryReader } from '../../core/reader.js';
import { readDjango } from './django.js';
import { collectSources } from './sources.js';

/** readDjango on a project whose settings.py is `settings`. */
const django = async (settings: string) => {
  const files = {
    'manage.py': 'import os\nimport django\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_cfg.settings")\n',
    'site_cfg/__init__.py': '',
    'site_cfg/settings.py': settings,
  };
  return readDjango(await collectSources(memoryReader(files)));
};

describe('readDjango: settings found by line', () => {
  it('reads the engine, the Redis cache and whitenoise outside comments, at their lines', async () => {
    const reading = await django(
      [
        'MIDDLEWARE = [',
        '    # "whitenoise.middleware.WhiteNoiseMiddleware",',
        ']',
        'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql"}}  # was "django.db.backends.sqlite3"',
        'CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache"}}',
        '',
      ].join('\n'),
    );
    expect(reading?.facts.whitenoise).toBe(false);
    expect(reading?.database).toEqual({ value: 'django.db.backends.postgresql', source: { file: 'site_cfg/settings.py', line: 4 } });
    expect(reading?.redisCache).toEqual({ file: 'site_cfg/settings.py', line: 5 });
  });

  it('cuts a comment that holds a U+2028 (not a line break to Python)', async () => {
    const reading = await django('MIDDLEWARE = [\r\n    # off:\u2028"whitenoise.middleware.WhiteNoiseMiddleware",\r\n]\r\n');
    expect(reading?.facts.whitenoise).toBe(false);
  });

  it('cuts a comment of many `#` in linear time', async () => {
    const hashes = '#'.repeat(100_000); // two of them: settings files over MAX_CHARS (300,000) are not read
    const reading = await django(`${hashes}\u2028\nMIDDLEWARE = ["whitenoise.middleware.WhiteNoiseMiddleware"]  ${hashes}\u2028\n`);
    expect(reading?.facts.whitenoise).toBe(true);
    expect(reading?.redisCache).toBeUndefined();
  });
});
