// Child process for the file-size-limit test: appends ever larger reports under `ulimit -f`
// until one fails, then a small one, printing one JSON line per attempt.
import { randomUUID } from 'node:crypto';
import { openSpool } from '../spool.ts';

const [dir] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: append-growing.ts <dir>');
const spool = await openSpool({ dir, maxBytes: 2 ** 30, maxAgeDays: 30 });

async function attempt(size: number): Promise<boolean> {
  const reportId = randomUUID();
  try {
    await spool.append({ reportId, pad: 'x'.repeat(size) });
    process.stdout.write(`${JSON.stringify({ ok: reportId, size })}\n`);
    return true;
  } catch (error) {
    const { name, code } = error as { name?: string; code?: string };
    process.stdout.write(`${JSON.stringify({ error: name, code, size })}\n`);
    return false;
  }
}

for (let size = 4096; size <= 4 * 1024 * 1024; size *= 2) {
  if (!(await attempt(size))) break;
}
await attempt(1024);
await spool.close();
