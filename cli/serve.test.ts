// `hotline-sim serve`: static files of dist/web only, a strict CSP, localhost by default.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, resolveInRoot, webServer } from './commands/serve.ts';
import { spawnSync } from 'node:child_process';
import { CLI, ROOT, startServe } from '../web/test/browser.ts';

describe('serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
  const root = join(dir, 'web');
  let base = '';
  const server = webServer(root);
  beforeAll(async () => {
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'outside the build');
    symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves paths inside the build only', () => {
    expect(resolveInRoot(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInRoot(root, '/app.js?v=1')).toBe(join(root, 'app.js'));
    expect(resolveInRoot(root, '/../secret.txt')).toBeNull();
    expect(resolveInRoot(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveInRoot(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveInRoot(root, '/link.txt')).toBeNull(); // a symbolic link out of the build
    expect(resolveInRoot(root, '/sub')).toBeNull(); // a folder
    expect(resolveInRoot(root, '/%E0%A4%A')).toBeNull(); // malformed escape
    expect(resolveInRoot(root, '/a%00b')).toBeNull();
  });

  it('serves the page with a strict Content-Security-Policy and refuses the rest', async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/app.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetch(`${base}/link.txt`)).status).toBe(404);
    expect((await fetch(`${base}/nothing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fetch(`${base}/app.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('a bad or busy port is one line and exit code 2', () => {
    const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'serve', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    const bad = run(['--port', '99999']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('hotline-sim: --port must be a whole number from 0 to 65535 (got 99999)\n');
    const port = (server.address() as AddressInfo).port;
    const busy = run(['--port', String(port)]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toBe(`hotline-sim: --port ${port} is in use: give another (--port 0 takes any free one)\n`);
  });

  it('the command binds to localhost by default and serves the built page', async () => {
    const served = await startServe();
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await (await fetch(served.url)).text();
      expect(page).toContain('<script type="module" src="app.js"></script>');
      expect(page).not.toMatch(/<script>(?!<\/script>)/); // no inline script
    } finally {
      served.stop();
    }
  });
});
