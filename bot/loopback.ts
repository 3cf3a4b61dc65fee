/**
 * Whether something is this machine: the one security check behind local
 * mode (the bot answers only loopback serviceUrls; the assessment API only
 * loopback peers) and behind allowing plain http (tests, the Emulator).
 * Only the socket's own remote address counts for a request, never
 * X-Forwarded-For or Host headers, which any client can write.
 */
import { isIP } from 'node:net';

/** A socket's peer address: `127.x.x.x`, `::1`, or the IPv4-mapped `::ffff:127.x.x.x`. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (a === '::1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** A URL host name: `localhost`, or a loopback address (`[::1]` as URLs write it). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || isLoopbackAddress(h);
}

/** An http(s) URL whose host is this machine. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}
