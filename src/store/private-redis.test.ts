import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { findOnPath, startPrivateRedis } from './private-redis.js';

describe('startPrivateRedis', () => {
  it('names the Debian package when redis-server is not on PATH', async () => {
    const start = startPrivateRedis('/nonexistent-dir');
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(/REDIS_URL.*apt-get install redis-server/);
  });

  it('finds executables on a PATH list and ignores missing directories', () => {
    expect(findOnPath('sh', '/nonexistent:/bin:/usr/bin')).toMatch(/\/sh$/);
    expect(findOnPath('no-such-binary-hlb', '/bin:/usr/bin')).toBeUndefined();
  });
});
