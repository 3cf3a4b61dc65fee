/**
 * Whether a socket's peer is this machine. Local mode trusts only that —
 * the socket's own remote address, never X-Forwarded-For or Host headers,
 * which any client can write.
 */
import { isIP } from 'node:net';

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (a === '::1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return isIP(v4) === 4 && v4.startsWith('127.');
}
