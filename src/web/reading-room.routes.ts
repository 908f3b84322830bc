import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { READING_ROOM_SCRIPT_PATH, READING_ROOM_STYLESHEET_PATH } from './reading-room.component.tsx';

// Read once at start-up: they are part of the program, not of the archive.
const SCRIPT = readFileSync(new URL('./static/reading-room.js', import.meta.url), 'utf8');
const STYLESHEET = readFileSync(new URL('./static/reading-room.css', import.meta.url), 'utf8');

/**
 * The reading room's script and stylesheet for side-by-side reading, served from our own origin
 * (the pages' Content-Security-Policy allows scripts from 'self' only, and no inline script).
 */
export function createReadingRoomRoutes(): Hono {
  const routes = new Hono();
  const cache = 'public, max-age=3600';
  routes.get(READING_ROOM_SCRIPT_PATH, (c) =>
    c.body(SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': cache }),
  );
  routes.get(READING_ROOM_STYLESHEET_PATH, (c) =>
    c.body(STYLESHEET, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': cache }),
  );
  return routes;
}
