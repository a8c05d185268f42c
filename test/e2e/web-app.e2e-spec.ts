import Fastify from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import request from 'supertest';

import { mountWebApp } from '../../apps/api/src/web/web-app.js';
import { TestContext } from '../support/test-context.js';

const INDEX =
  '<!doctype html><html lang="sv"><head><script type="module" src="/assets/index-Bx7c9Qa1.js"></script></head><body><div id="root"></div></body></html>';
const ASSET = 'console.log("remiss");';

describe('the web application served by the API', () => {
  let ctx: TestContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'remiss-web-'));
    const root = join(dir, 'web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-Bx7c9Qa1.js'), ASSET);
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(root, '.env'), 'HEMLIGT=1');
    writeFileSync(join(dir, 'utanfor.txt'), 'utanför webbroten');
    ctx = await TestContext.create({ worker: false, env: { WEB_ROOT: root } });
  });

  afterAll(async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers / with index.html, asked for anew each time', async () => {
    const response = await ctx.http().get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers.etag).toBeDefined();
  });

  it('answers any path of the app with index.html, so a reload keeps the page', async () => {
    for (const path of [
      '/mitt-arbete',
      '/arenden/3f0e6a0e-1b1c-4c55-9d84-0d8f0a3a2b11/tjansteutlatande',
      '/index.html',
    ]) {
      const response = await ctx.http().get(path).expect(200);
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    await ctx.http().head('/mitt-arbete').expect(200);
  });

  it('serves hashed assets to be kept for a year, and refuses a missing one with 404', async () => {
    const response = await ctx.http().get('/assets/index-Bx7c9Qa1.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.text).toBe(ASSET);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await ctx.http().get('/assets/index-gammal.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('serves the unhashed files beside index.html to be revalidated', async () => {
    const response = await ctx.http().get('/favicon.svg').expect(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('never hands out a dotfile or a file outside its directory', async () => {
    for (const path of ['/.env', '/%2e%2e/utanfor.txt', '/..%2Futanfor.txt', '/assets/..%2F..%2Futanfor.txt']) {
      const response = await ctx.http().get(path);
      expect(response.text).not.toContain('HEMLIGT');
      expect(response.text).not.toContain('utanför webbroten');
    }
  });

  it('leaves the API, the health probe and the documentation to the server', async () => {
    const api = await ctx.http().get('/api/v1/finns-inte').expect(404);
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
    const bare = await ctx.http().get('/api').expect(404);
    expect(bare.headers['content-type']).toMatch(/^application\/problem\+json/);
    await ctx.http().get('/health').expect(200);
    const docs = await ctx.http().get('/api/docs').expect(200);
    expect(docs.text).not.toBe(INDEX);
    await ctx.http().post('/mitt-arbete').expect(404);
  });

  it('sends the app a strict Content-Security-Policy: nothing inline, nothing from elsewhere, never in a frame', async () => {
    const response = await ctx.http().get('/').expect(200);
    const policy = Object.fromEntries(
      String(response.headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    ) as Record<string, string[]>;
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(JSON.stringify(policy)).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const api = await ctx.http().get('/health');
    expect(api.headers['content-security-policy']).toBe(response.headers['content-security-policy']);
  });

  it('keeps the looser policy the API documentation needs to itself', async () => {
    const docs = await ctx.http().get('/api/docs').expect(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });
});

describe('an API without a built web application', () => {
  it('serves the API and says once that there is no app to serve', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const fastify = Fastify();
    const root = join(tmpdir(), 'remiss-web-finns-inte');
    await mountWebApp(fastify, root, logger);
    fastify.get('/api/v1/ping', () => ({ ok: true }));
    await fastify.ready();
    await request(fastify.server).get('/api/v1/ping').expect(200);
    await request(fastify.server).get('/').expect(404);
    await request(fastify.server).get('/mitt-arbete').expect(404);
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; webRoot?: string });
    expect(warnings).toEqual([expect.objectContaining({ level: 40, webRoot: root })]);
    await fastify.close();
  });
});
