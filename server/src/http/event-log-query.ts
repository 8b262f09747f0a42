// The query a device event log (proof of play, kiosk feedback) is read with: one device, a time range and a
// page size, newest first.
import { z } from '@hono/zod-openapi';

export const eventLogQuery = {
  deviceId: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
};

/** Epoch ms of an ISO instant from the query, or undefined when it was not given. */
export const epochOf = (iso?: string) => (iso ? Date.parse(iso) : undefined);
