import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ConfigError, loadAppConfig } from './app-config.js';
import { DEVELOPMENT_SECRETS_FILE, developmentSecret } from './development-secrets.js';
import { EnvSchema, KNOWN_SECRETS } from './env.schema.js';

describe(loadAppConfig.name, () => {
  it('runs on local defaults: PostgreSQL and Redis on 127.0.0.1', () => {
    const sut = loadAppConfig({});
    expect(sut.database.url.reveal()).toBe('postgres://postgres@127.0.0.1:5432/remiss');
    expect(sut.redis.url.reveal()).toBe('redis://127.0.0.1:6379');
    expect(sut.http.port).toBe(3000);
    expect(sut.reminders.daysBefore).toEqual([7, 1]);
  });

  it('names every invalid variable at once', () => {
    let error: unknown;
    try {
      loadAppConfig({ PORT: 'åttio', DATABASE_URL: 'mysql://x', FILE_MAX_BYTES: '-1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^FILE_MAX_BYTES: /m);
  });

  it('requires token, signing-key and audit secrets of at least 32 characters in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_TOKEN_SECRET: is required in production/);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/SIGNING_KEY_SECRET: is required in production/);
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/AUDIT_KEY: is required in production/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'kort' })).toThrow(/AUTH_TOKEN_SECRET/);
    const sut = loadAppConfig({
      NODE_ENV: 'production',
      AUTH_TOKEN_SECRET: 'x'.repeat(32),
      SIGNING_KEY_SECRET: 'y'.repeat(32),
      AUDIT_KEY: 'z'.repeat(32),
    });
    expect(sut.auth.tokenSecret.reveal()).toBe('x'.repeat(32));
    expect(sut.signing.keySecret.reveal()).toBe('y'.repeat(32));
    expect(sut.audit.key.reveal()).toBe('z'.repeat(32));
  });

  it('refuses every published secret in production, for every secret variable', () => {
    const good = {
      NODE_ENV: 'production',
      AUTH_TOKEN_SECRET: 'x'.repeat(40),
      SIGNING_KEY_SECRET: 'y'.repeat(40),
      AUDIT_KEY: 'z'.repeat(40),
    };
    for (const variable of ['AUTH_TOKEN_SECRET', 'SIGNING_KEY_SECRET', 'AUDIT_KEY']) {
      for (const known of KNOWN_SECRETS) {
        expect(() => loadAppConfig({ ...good, [variable]: known })).toThrow(
          new RegExp(`${variable}: is a published value`),
        );
      }
    }
  });

  it('outside production takes a secret of this installation, not one from the source', () => {
    const sut = loadAppConfig({});
    const token = sut.auth.tokenSecret.reveal();
    expect(token).toBe(developmentSecret('AUTH_TOKEN_SECRET'));
    expect(new Set([token, sut.signing.keySecret.reveal(), sut.audit.key.reveal()]).size).toBe(3);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(KNOWN_SECRETS).not.toContain(token);
    expect(statSync(DEVELOPMENT_SECRETS_FILE).mode & 0o777).toBe(0o600);
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain(DEVELOPMENT_SECRETS_FILE);
  });

  it('makes the development key once per installation and keeps it', () => {
    const [one, two] = [mkdtempSync(join(tmpdir(), 'remiss-a-')), mkdtempSync(join(tmpdir(), 'remiss-b-'))];
    try {
      const first = developmentSecret('AUTH_TOKEN_SECRET', join(one, 'secrets.json'));
      const stored = readFileSync(join(one, 'secrets.json'), 'utf8');
      expect(developmentSecret('AUTH_TOKEN_SECRET', join(one, 'secrets.json'))).toBe(first);
      expect(readFileSync(join(one, 'secrets.json'), 'utf8')).toBe(stored);
      expect(developmentSecret('AUTH_TOKEN_SECRET', join(two, 'secrets.json'))).not.toBe(first);
    } finally {
      rmSync(one, { recursive: true });
      rmSync(two, { recursive: true });
    }
  });

  it('never prints a secret', () => {
    const sut = loadAppConfig({ AUTH_TOKEN_SECRET: 's'.repeat(40), DATABASE_URL: 'postgres://u:lösen@db/remiss' });
    const printed = JSON.stringify(sut) + String(sut.auth.tokenSecret);
    expect(printed).not.toContain('s'.repeat(40));
    expect(printed).not.toContain('lösen');
  });

  it('is documented variable by variable in .env.example', () => {
    const example = readFileSync(join(process.cwd(), '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const declared = Object.keys(new EnvSchema()).concat([
      'AUTH_TOKEN_SECRET',
      'SIGNING_TSA_URL',
      'SIGNING_KEY_SECRET',
      'AUDIT_KEY',
    ]);
    for (const name of new Set(declared)) {
      expect(documented).toContain(name);
    }
  });
});
