import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, ConfigError } from './app-config';

describe('AppConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'sira-config-'));

  it('starts with no configuration in development, generating and keeping secrets', () => {
    const dir = dataDir();
    const sut = AppConfig.load({ DATA_DIR: dir });
    expect(sut.port).toBe(3000);
    expect(sut.isProduction).toBe(false);
    expect(sut.encryptionKeys.get(sut.encryptionKeyId)).toHaveLength(32);
    expect(sut.adminPasswordGenerated).toBe(true);
    expect(sut.twilioConfigured).toBe(false);

    const again = AppConfig.load({ DATA_DIR: dir });
    expect(again.jwtSecret).toBe(sut.jwtSecret);
    expect(again.twilioAuthToken).toBe(sut.twilioAuthToken);
    expect(readFileSync(join(dir, 'dev-secrets.json'), 'utf8')).toContain(sut.jwtSecret);
  });

  it('names every bad variable on its own line', () => {
    let error: unknown;
    try {
      AppConfig.load({
        DATA_DIR: dataDir(),
        PORT: 'abc',
        MONGODB_URI: 'postgres://x',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('MONGODB_URI:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('LOG_LEVEL:'))).toBeDefined();
  });

  it('refuses to start in production without its secrets', () => {
    expect(() => AppConfig.load({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(
      /ENCRYPTION_KEY is required when NODE_ENV=production/,
    );
  });

  it('keeps the blind index stable when a new current key is added in front', () => {
    const old = 'a'.repeat(64);
    const before = AppConfig.load({ DATA_DIR: dataDir(), ENCRYPTION_KEY: `k1:${old}` });
    const after = AppConfig.load({
      DATA_DIR: dataDir(),
      ENCRYPTION_KEY: `k2:${'b'.repeat(64)},k1:${old}`,
    });
    expect(after.encryptionKeyId).toBe('k2');
    expect(after.blindIndexKey.equals(before.blindIndexKey)).toBe(true);
  });

  it('reads numbers and trims the public URL', () => {
    const sut = AppConfig.load({
      DATA_DIR: dataDir(),
      PORT: '8080',
      PUBLIC_BASE_URL: 'https://sira.example.org/',
      SMS_SEGMENT_BUDGET: '3',
    });
    expect(sut.port).toBe(8080);
    expect(sut.publicBaseUrl).toBe('https://sira.example.org');
    expect(sut.smsSegmentBudget).toBe(3);
  });
});
