import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';

/**
 * Devices found by discovery, kept beside the spool so a restart does not probe again.
 * Only names are stored: the credential NAME, never a community or key.
 */
const recordSchema = z.strictObject({
  name: z.string().min(1).max(128),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  credentials: z.string().min(1).max(64),
  school: z.string().min(1).max(64).optional(),
  via: z.enum(['lldp', 'sweep']),
  foundAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
});

const fileSchema = z.strictObject({
  version: z.literal(1),
  lastSweepAt: z.iso.datetime().nullable(),
  devices: z.array(recordSchema).max(4096),
});

export type DiscoveredRecord = z.infer<typeof recordSchema>;
export type DiscoveredFile = z.infer<typeof fileSchema>;

export const EMPTY_DISCOVERED: DiscoveredFile = { version: 1, lastSweepAt: null, devices: [] };

export function discoveredFile(spoolDir: string): string {
  return path.join(path.dirname(path.resolve(spoolDir)), 'discovered.json');
}

/** A missing file is an empty list; an unreadable or invalid one is reported and ignored. */
export function readDiscovered(file: string): { data: DiscoveredFile; problem?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { data: EMPTY_DISCOVERED };
    return { data: EMPTY_DISCOVERED, problem: `cannot be read (${code ?? 'error'})` };
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { data: parsed.data };
    return { data: EMPTY_DISCOVERED, problem: parsed.error.issues[0]?.message ?? 'invalid' };
  } catch (error) {
    return { data: EMPTY_DISCOVERED, problem: `is not valid JSON: ${(error as Error).message}` };
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a list. */
export function writeDiscovered(file: string, data: DiscoveredFile): void {
  const safe = fileSchema.parse(data);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(safe, null, 2)}\n`);
  renameSync(temp, file);
}
