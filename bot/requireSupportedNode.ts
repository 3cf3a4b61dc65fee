/**
 * Imported first by the composition root: on an unsupported Node.js the
 * process stops here with a message that says what to install, before a
 * native module built for another Node.js can crash it without one.
 */
import { unsupportedNodeMessage } from './runtime';

const message = unsupportedNodeMessage();
if (message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
