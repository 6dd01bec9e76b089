/**
 * Who may register an event the server does not know yet (src/lib/shared/event-id.ts). An event
 * with a key-bound id is registered only by a request that proves it holds the id's private key:
 * a sync with a registration proof, or a signed report whose public key the id was derived from.
 * An older event with a random id is registered by its first sync, as before. Checked before the
 * transaction and only when there is something to check, so a known event's sync pays nothing.
 */
import { isKeyBoundId, isKeyOfId, provesRegistration } from '$lib/shared/event-id';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import type { SnapshotAuth } from '$lib/server/db/sync-repo';

/** 'may': this request may register the event; 'may_not': only an already known event may
 * take it; 'bad_proof': it carries a proof that does not hold, which is refused outright. */
export type RegistrationRight = 'may' | 'may_not' | 'bad_proof';

export async function registrationRight(
	eventId: string,
	auth: SnapshotAuth,
	snapshot: CounterSnapshot
): Promise<RegistrationRight> {
	if (!isKeyBoundId(eventId)) return 'may';
	if (auth.by === 'signature') {
		// The report's signature was verified with this very key, over the key hash it registers.
		return (await isKeyOfId(eventId, auth.publicKey)) ? 'may' : 'may_not';
	}
	if (snapshot.proof === undefined || snapshot.publicKey === undefined) return 'may_not';
	const proven = await provesRegistration(
		eventId,
		snapshot.publicKey,
		snapshot.proof,
		auth.keyHash
	);
	return proven ? 'may' : 'bad_proof';
}
