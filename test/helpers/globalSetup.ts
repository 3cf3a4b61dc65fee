/**
 * Jest's global setup: on an unsupported Node.js (this machine's own Node 20,
 * say) the run stops at once with what to do, instead of tests failing one by
 * one or a native module crashing the worker.
 */
import { unsupportedNodeMessage } from '../../bot/runtime';

export default function requireSupportedNode(): void {
  const message = unsupportedNodeMessage();
  if (message) throw new Error(`${message}\nFor the tests: scripts/with-node 24 npm test`);
}
