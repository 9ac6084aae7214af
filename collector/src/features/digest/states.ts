/**
 * A delivery's life: `pending` until claimed, `sending` while one scheduler holds its claim,
 * then `sent`, or `failed` (retried at `next_attempt_at`; given up when that is null).
 */
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
