import { main } from './main.ts';

/** The process entry point, shared by the repo's tsx bin and the bundled install. */
const io = {
  stdout: (text: string) => process.stdout.write(`${text}\n`),
  stderr: (text: string) => process.stderr.write(`${text}\n`),
};
process.exitCode = await main(process.argv.slice(2), io);
