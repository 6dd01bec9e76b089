import { eventIdOfSigningKey } from '$lib/shared/event-id';
import { randomEventKey } from '$lib/shared/ids';
import { generateSigningKey } from '$lib/shared/p256';
import type { EventRow } from '../db/rows';

/**
 * What makes an event itself, all made on the device: its P-256 signing key, its id (derived
 * from the signing key's public half, so nobody else can register it: event-id.ts) and its
 * 256-bit key.
 */
export async function newEventIdentity(): Promise<Pick<EventRow, 'id' | 'key' | 'signingKey'>> {
	const signingKey = await generateSigningKey();
	return { id: await eventIdOfSigningKey(signingKey), key: randomEventKey(), signingKey };
}
