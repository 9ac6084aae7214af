// Child process for the kill -9 test: appends reports in a tight loop and announces each
// reportId on stdout only after append resolved. Usage: append-until-killed.ts <dir> <tag>
import { randomUUID } from 'node:crypto';
import { openSpool } from '../spool.ts';

const [dir, tag = 'child'] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: append-until-killed.ts <dir> <tag>');
const spool = await openSpool({ dir, maxBytes: 2 ** 40, maxAgeDays: 3650 });
process.stdout.write('ready\n');
for (let i = 0; ; i += 1) {
  const reportId = randomUUID();
  const pad = 'x'.repeat(Math.floor(Math.random() * 32 * 1024));
  await spool.append({ reportId, tag, i, pad });
  // Pipe writes are synchronous on Linux, so an announced id was appended before the kill.
  process.stdout.write(`${reportId}\n`);
}
