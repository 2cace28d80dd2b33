// `hotline-sim serve`: the workbench page (dist/web, built by `npm run build:web`) over Node's own
// http. Everything is computed in the page, so the server only hands out static files: it binds to
// localhost by default, serves nothing outside the build and sends a strict Content-Security-Policy.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Self only: no inline script, no eval, no remote anything. Vega's own expression evaluation is
 * replaced by the CSP-safe interpreter in the page (vega-interpreter), and styles set from script
 * through the CSSOM are allowed by 'unsafe-inline' for styles only (vega-embed sizes its views so).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/web beside the package root, from cli/commands (source) or cli/dist (bundle). */
export function webRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  throw new UsageError('cannot find the package root (package.json) above the serve command');
}

/** The file a URL path names inside root, or null when it names nothing there (or leaves it). */
export function resolveInRoot(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, '.' + (path.startsWith('/') ? path : '/' + path));
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (!existsSync(file)) return null;
  // a symbolic link out of the build is refused too
  const real = realpathSync(file);
  const realRoot = realpathSync(root);
  if (!real.startsWith(realRoot + sep)) return null;
  return statSync(real).isFile() ? real : null;
}

export function webServer(root: string): Server {
  return createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const file = resolveInRoot(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`could not open a browser (${cmd}); open ${url} yourself\n`));
  child.unref();
}

export function registerServe(y: Argv) {
  return y.command(
    'serve',
    'the planner\'s workbench in the browser (computed in the page; nothing leaves this machine)',
    (a) =>
      a
        .option('port', { type: 'number', default: 8345, describe: 'TCP port (0: any free port)' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to bind (localhost by default; 0.0.0.0 shares the page on the network)' })
        .option('open', { type: 'boolean', default: false, describe: 'open the page in the default browser' }),
    async (argv) => {
      const port = argv.port;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got ${port})`);
      const root = webRoot();
      if (!existsSync(join(root, 'index.html'))) throw new UsageError(`the page is not built (${root}): run npm run build:web`);
      const server = webServer(root);
      await new Promise<void>((ok, fail) => {
        server.once('error', (e: NodeJS.ErrnoException) =>
          fail(e.code === 'EADDRINUSE' ? new UsageError(`--port ${port} is in use: give another (--port 0 takes any free one)`) : e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' ? new UsageError(`--host ${argv.host}: not an address of this machine`) : e),
        );
        server.listen(port, argv.host, ok);
      });
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      const host = argv.host.includes(':') ? `[${argv.host}]` : argv.host;
      const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actual}/`;
      process.stdout.write(`hotline-sim workbench 工作台: ${url}\n(all figures are computed in the page; Ctrl-C stops the server)\n`);
      if (argv.open) openBrowser(url);
      await new Promise(() => {});
    },
  );
}
