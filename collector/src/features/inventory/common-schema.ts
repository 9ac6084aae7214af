import { z } from 'zod';

/* Building blocks shared by the inventory schemas; ids and timestamps as in places. */

/** Ids in a path or query string arrive as text; in a JSON body they must be numbers. */
export const pathId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const bodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const timestamp = z.string().meta({ format: 'date-time', description: 'ISO-8601, UTC' });
export const int = z.number().int();

/** Text that came from a device: any characters, returned as a plain JSON string, never HTML. */
export const deviceText = z
  .string()
  .meta({ description: 'As the device reported it; untrusted, escape wherever shown' });

export const idParams = z.object({ id: pathId });
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** A place referred to by id, with its name for display. */
export const placeRef = z.object({ id: int, name: z.string() });
