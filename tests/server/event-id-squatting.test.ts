/**
 * Event ids nobody else can register (docs/api.md, "Key-bound event ids"), on SQLite and
 * PostgreSQL. A key-bound id (derived from the event's public key) is registered only by a sync
 * carrying the proof, or by a report signed with the id's key: someone who only saw the id in a
 * URL, or a proof, or a report, cannot take it, and the real host's first sync still goes
 * through. Older random ids are still registered by their first sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterState } from '$lib/shared/domain';
import {
	KEY_BOUND_ID_LENGTH,
	eventIdOfSigningKey,
	isKeyBoundId,
	registrationProof
} from '$lib/shared/event-id';
import { randomEventKey, randomId } from '$lib/shared/ids';
import { generateSigningKey, publicKeyText, sha256Hex, type SigningKey } from '$lib/shared/p256';
import { signReport } from '$lib/shared/report';
import { handleSync } from '$lib/server/sync/handler';
import { handleReport } from '$lib/server/sync/report';
import { backends, type TestDatabase } from './helpers/databases';
import {
	SyncHarness,
	details,
	newEvent,
	snapshot,
	someCaseIds,
	storedState,
	syncRequest
} from './helpers/sync-requests';

interface KeyBoundEvent {
	id: string;
	key: string;
	signingKey: SigningKey;
}

async function keyBoundEvent(): Promise<KeyBoundEvent> {
	const signingKey = await generateSigningKey();
	return { id: await eventIdOfSigningKey(signingKey), key: randomEventKey(), signingKey };
}

const errorOf = async (response: Response) =>
	((await response.json()) as { error: { code: string; message: string } }).error;

describe('key-bound ids', () => {
	it('are 32 characters, and the same key always gives the same id', async () => {
		const key = await generateSigningKey();
		const id = await eventIdOfSigningKey(key);
		expect(id).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(id).toHaveLength(KEY_BOUND_ID_LENGTH);
		expect(await eventIdOfSigningKey({ ...key })).toBe(id);
		expect(await eventIdOfSigningKey(await generateSigningKey())).not.toBe(id);
		expect(isKeyBoundId(id)).toBe(true);
		// Random ids from before stay what they were: 22 characters.
		expect(isKeyBoundId(randomId())).toBe(false);
	});
});

for (const backend of backends) {
	describe.skipIf(backend.skip)(`event id squatting on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		const clock = 1_700_000_000_000;
		const [caseA] = someCaseIds() as [string];
		const letters = (plus: number): CounterState[] => [
			{ caseId: caseA, kind: 'letter', plus, minus: 0 }
		];

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => clock);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		const post = (eventId: string, key: string, body: unknown) =>
			handleSync(syncRequest('http://test.local', eventId, key, body), eventId, server.deps);

		/** The first sync of the real host: its counts with the public key and the proof. */
		const hostSnapshot = async (event: KeyBoundEvent, device: string, plus: number) => ({
			...snapshot(device, letters(plus)),
			publicKey: publicKeyText(event.signingKey),
			proof: await registrationProof(event)
		});

		async function refusedUnchanged(response: Promise<Response>, status: number, code: string) {
			const before = await storedState(server.db);
			const answer = await response;
			expect(answer.status).toBe(status);
			expect(await errorOf(answer)).toMatchObject({ code });
			expect(await storedState(server.db)).toEqual(before);
		}

		it('refuses whoever only saw the id, and the host registers it afterwards', async () => {
			const event = await keyBoundEvent();
			const squatterKey = randomEventKey();
			const squatter = randomId();
			// With no proof at all.
			const before = await storedState(server.db);
			const first = await post(event.id, squatterKey, snapshot(squatter, letters(99)));
			expect(first.status).toBe(409);
			expect(await errorOf(first)).toMatchObject({ code: 'unregistered_event' });
			// With a key pair of its own, signing for the victim's id.
			const own = await generateSigningKey();
			const ownProof = await registrationProof({ ...event, key: squatterKey, signingKey: own });
			await refusedUnchanged(
				post(event.id, squatterKey, {
					...snapshot(squatter, letters(99)),
					publicKey: publicKeyText(own),
					proof: ownProof
				}),
				400,
				'bad_proof'
			);
			// Replaying the host's own proof (say, from a log) under another key.
			await refusedUnchanged(
				post(event.id, squatterKey, await hostSnapshot(event, squatter, 99)),
				400,
				'bad_proof'
			);
			expect(await storedState(server.db)).toEqual(before);

			const host = randomId();
			const registered = await post(event.id, event.key, await hostSnapshot(event, host, 3));
			expect(registered.status).toBe(200);
			// Later syncs carry no proof; the squatter is now simply a wrong key.
			const later = await post(event.id, event.key, snapshot(host, letters(5)));
			expect(later.status).toBe(200);
			expect((await later.json()).totals).toEqual([{ caseId: caseA, kind: 'letter', total: 5 }]);
			await refusedUnchanged(
				post(event.id, squatterKey, snapshot(squatter, letters(99))),
				403,
				'wrong_key'
			);
		});

		it('refuses a proof that is not a signature, or comes without its public key', async () => {
			const event = await keyBoundEvent();
			const device = randomId();
			const good = await hostSnapshot(event, device, 1);
			await refusedUnchanged(
				post(event.id, event.key, { ...good, proof: 'x'.repeat(85) }),
				400,
				'bad_proof'
			);
			await refusedUnchanged(
				post(event.id, event.key, { ...good, publicKey: undefined }),
				400,
				'bad_proof'
			);
			// A proof of another event's id.
			const other = await keyBoundEvent();
			await refusedUnchanged(
				post(event.id, event.key, {
					...good,
					proof: await registrationProof({ ...other, key: event.key })
				}),
				400,
				'bad_proof'
			);
		});

		it('registers a key-bound id from a report signed with its key, and no other', async () => {
			const event = await keyBoundEvent();
			const device = randomId();
			const report = async (signingKey: SigningKey) =>
				signReport(
					{
						eventId: event.id,
						deviceId: device,
						event: { ...details(), updatedBy: device },
						keyHash: await sha256Hex(event.key),
						counters: letters(4)
					},
					signingKey
				);
			const relay = (text: string) =>
				handleReport(
					new Request(`http://test.local/api/events/${event.id}/report`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ report: text })
					}),
					event.id,
					server.deps
				);
			await refusedUnchanged(
				relay(await report(await generateSigningKey())),
				409,
				'unregistered_event'
			);
			const relayed = await relay(await report(event.signingKey));
			expect(relayed.status).toBe(200);
			// The host's bearer syncs work from then on, without a proof.
			expect((await post(event.id, event.key, snapshot(device, letters(6)))).status).toBe(200);
		});

		it('still registers an older random id on its first sync', async () => {
			const event = newEvent();
			expect(isKeyBoundId(event.id)).toBe(false);
			expect((await post(event.id, event.key, snapshot(randomId(), letters(2)))).status).toBe(200);
			await refusedUnchanged(
				post(event.id, randomEventKey(), snapshot(randomId(), letters(9))),
				403,
				'wrong_key'
			);
		});
	});
}
