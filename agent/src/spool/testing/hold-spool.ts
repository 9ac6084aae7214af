// Child process for the lock test: opens a spool, says so, and holds it until killed.
import { openSpool } from '../spool.ts';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: hold-spool.ts <dir>');
await openSpool({ dir, maxBytes: 1_048_576, maxAgeDays: 1 });
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
