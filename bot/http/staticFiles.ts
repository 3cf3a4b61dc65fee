/**
 * Serves the built tab (tab/dist) at `/`. Hashed assets are cached for a
 * year; index.html never, so a redeploy reaches every Teams client at once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Request, Response, Next } from 'restify';
import { sendError } from './errors';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function createStaticHandler(root: string) {
  const absRoot = path.resolve(root);
  return function serveTab(req: Request, res: Response, next: Next): void {
    let rel: string;
    try {
      rel = decodeURIComponent((req.getPath() || '/').split('?')[0]);
    } catch {
      sendError(res, 400, 'bad_request', 'Malformed path.');
      return next(false);
    }
    let file = path.resolve(absRoot, `.${rel}`);
    // Inside the root, not merely sharing its prefix (tab/dist-old is not tab/dist).
    const inside = path.relative(absRoot, file);
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      sendError(res, 404, 'not_found', 'Not found.');
      return next(false);
    }
    let stat = safeStat(file);
    if (stat?.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = safeStat(file);
    }
    // Client-side routes (/config, /items/…) fall back to the app shell.
    if (!stat && !path.extname(file)) {
      file = path.join(absRoot, 'index.html');
      stat = safeStat(file);
    }
    if (!stat) {
      if (rel === '/' || rel === '/index.html') {
        res.status(503);
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('The tab has not been built yet: run "npm run build".\nタブがビルドされていません。"npm run build" を実行してください。');
        return next(false);
      }
      sendError(res, 404, 'not_found', 'Not found.');
      return next(false);
    }
    const ext = path.extname(file);
    const immutable = /[.-][A-Za-z0-9_-]{8,}\.(js|css|woff2|png|svg)$/.test(file) && file.includes(`${path.sep}assets${path.sep}`);
    res.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    res.setHeader('Content-Length', stat.size);
    res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.writeHead(200);
    if (req.method === 'HEAD') {
      res.end();
      return next(false);
    }
    fs.createReadStream(file).on('error', () => res.end()).pipe(res);
    return next(false);
  };
}

function safeStat(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
