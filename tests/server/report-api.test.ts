/**
 * Reports by QR at the endpoint, the same cases on SQLite and on PostgreSQL: a report registers
 * an unknown event, the host's later bearer syncs work and never double a count, a replay changes
 * nothing, and a tampered or foreign report is refused without a trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import {
	fromBase64Url,
	generateSigningKey,
	publicKeyText,
	sha256Hex,
	toBase64Url,
	type SigningKey
} from '$lib/shared/p256';
import { decodeReport, encodeReportBody, signReport, type ReportContent } from '$lib/shared/report';
import { hashEventKey } from '$lib/server/auth/event-key';
import { handleReport, type ReportAnswer } from '$lib/server/sync/report';
import { backends, type TestDatabase } from './helpers/databases';
import {
	SyncHarness,
	details,
	newEvent,
	snapshot,
	someCaseIds,
	storedState
} from './helpers/sync-requests';

interface Hosted {
	id: string;
	key: string;
	signingKey: SigningKey;
	device: string;
}

async function hostedEvent(): Promise<Hosted> {
	return { ...newEvent(), signingKey: await generateSigningKey(), device: randomId() };
}

async function reportOf(event: Hosted, counters: CounterState[], updatedAt = 1_000) {
	const content: ReportContent = {
		eventId: event.id,
		deviceId: event.device,
		event: { ...details({ updatedAt }), updatedBy: event.device },
		keyHash: await sha256Hex(event.key),
		counters
	};
	return signReport(content, event.signingKey);
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`report endpoint on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 1_700_000_000_000;
		const [caseA, caseB] = someCaseIds() as [string, string];

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => (clock += 1000));
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		const relay = (eventId: string, report: unknown, headers: Record<string, string> = {}) =>
			handleReport(
				new Request(`http://test.local/api/events/${eventId}/report`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', ...headers },
					body: JSON.stringify({ report })
				}),
				eventId,
				server.deps
			);

		async function relayOk(eventId: string, report: string): Promise<ReportAnswer> {
			const response = await relay(eventId, report);
			if (response.status !== 200) {
				throw new Error(`report answered ${response.status}: ${await response.text()}`);
			}
			return (await response.json()) as ReportAnswer;
		}

		async function refused(eventId: string, report: unknown, status: number, code: string) {
			const before = await storedState(server.db);
			const response = await relay(eventId, report);
			expect(response.status).toBe(status);
			expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
			expect(await storedState(server.db)).toEqual(before);
		}

		it('registers an unknown event from a report; the host’s later syncs work and add nothing twice', async () => {
			const event = await hostedEvent();
			const counters: CounterState[] = [
				{ caseId: caseA, kind: 'letter', plus: 12, minus: 2 },
				{ caseId: caseB, kind: 'card', plus: 4, minus: 0 },
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 15, minus: 0 }
			];
			const answer = await relayOk(event.id, await reportOf(event, counters));
			expect(answer.totals).toEqual(
				[
					{ caseId: EVENT_CASE_ID, kind: 'participants', total: 15 },
					{ caseId: caseA, kind: 'letter', total: 10 },
					{ caseId: caseB, kind: 'card', total: 4 }
				].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
			);
			expect(answer).toMatchObject({ eventId: event.id, deviceId: event.device, counters: 3 });
			const row = await server.db.kysely
				.selectFrom('events')
				.selectAll()
				.where('id', '=', event.id)
				.executeTakeFirstOrThrow();
			expect(row.key_hash).toBe(hashEventKey(event.key));
			expect(row.public_key).toBe(publicKeyText(event.signingKey));

			// Back online, the host syncs with its bearer key: the same counts plus one more letter.
			const synced = await server.sync(event.id, event.key, {
				...snapshot(event.device, [
					{ caseId: caseA, kind: 'letter', plus: 13, minus: 2 },
					{ caseId: caseB, kind: 'card', plus: 4, minus: 0 },
					{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 15, minus: 0 }
				]),
				publicKey: publicKeyText(event.signingKey)
			});
			expect(synced.totals).toContainEqual({ caseId: caseA, kind: 'letter', total: 11 });
			expect(synced.totals).toContainEqual({ caseId: caseB, kind: 'card', total: 4 });
			expect(synced.devices).toBe(1);
		});

		it('a replayed report changes nothing', async () => {
			const event = await hostedEvent();
			const report = await reportOf(event, [
				{ caseId: caseA, kind: 'petition', plus: 7, minus: 0 }
			]);
			const first = await relayOk(event.id, report);
			const before = await storedState(server.db);
			const again = await relayOk(event.id, report);
			const after = await storedState(server.db);
			expect(again.totals).toEqual(first.totals);
			expect(after.counters).toEqual(before.counters);
			const strip = (rows: typeof before.events) =>
				rows.map((row) => ({ ...row, last_sync_at: 0 }));
			expect(strip(after.events)).toEqual(strip(before.events));
			// An older report relayed late lowers nothing either.
			const older = await reportOf(event, [{ caseId: caseA, kind: 'petition', plus: 3, minus: 0 }]);
			expect((await relayOk(event.id, older)).totals).toEqual(first.totals);
		});

		it('refuses a tampered report, whatever byte changed, and stores nothing', async () => {
			const event = await hostedEvent();
			const counters: CounterState[] = [{ caseId: caseA, kind: 'letter', plus: 5, minus: 0 }];
			const report = await reportOf(event, counters);
			const decoded = decodeReport(report);
			if (!decoded.ok) throw new Error(decoded.message);
			// The same report with 500 letters instead of 5, carrying the original signature.
			const body = encodeReportBody(
				{
					eventId: event.id,
					deviceId: event.device,
					event: { ...details(), updatedBy: event.device },
					keyHash: await sha256Hex(event.key),
					counters: [{ ...counters[0]!, plus: 500 }]
				},
				decoded.value.publicKey
			);
			const forged = new Uint8Array(body.length + 64);
			forged.set(body);
			forged.set(decoded.value.signature, body.length);
			await refused(event.id, toBase64Url(forged), 400, 'bad_signature');

			const bytes = fromBase64Url(report)!;
			bytes[bytes.length - 1]! ^= 0x40;
			await refused(event.id, toBase64Url(bytes), 400, 'bad_signature');
			await refused(event.id, report.slice(0, 40), 400, 'bad_report');
			await refused(event.id, 42, 400, 'bad_request');
			// A report is good for its own event only.
			await refused(randomId(), report, 400, 'bad_report');
		});

		it('refuses a report signed with another key pair for a known event', async () => {
			const event = await hostedEvent();
			await relayOk(
				event.id,
				await reportOf(event, [{ caseId: caseB, kind: 'online', plus: 2, minus: 0 }])
			);
			const impostor = { ...event, signingKey: await generateSigningKey() };
			await refused(
				event.id,
				await reportOf(impostor, [{ caseId: caseB, kind: 'online', plus: 90, minus: 0 }]),
				403,
				'wrong_key'
			);
		});

		it('learns the key at the first bearer sync, and refuses reports for an event it has no key for', async () => {
			const event = await hostedEvent();
			await server.sync(event.id, event.key, snapshot(event.device, []));
			const report = await reportOf(event, [{ caseId: caseA, kind: 'card', plus: 2, minus: 0 }]);
			await refused(event.id, report, 409, 'unknown_key');

			const withKey = { ...snapshot(event.device, []), publicKey: publicKeyText(event.signingKey) };
			await server.sync(event.id, event.key, withKey);
			expect((await relayOk(event.id, report)).totals).toEqual([
				{ caseId: caseA, kind: 'card', total: 2 }
			]);
			// A key once learnt stays: a later sync naming another one does not replace it.
			const other = publicKeyText(await generateSigningKey());
			await server.sync(event.id, event.key, { ...snapshot(event.device, []), publicKey: other });
			const row = await server.db.kysely
				.selectFrom('events')
				.select('public_key')
				.where('id', '=', event.id)
				.executeTakeFirstOrThrow();
			expect(row.public_key).toBe(publicKeyText(event.signingKey));
		});

		it('refuses a report that breaks a sync rule', async () => {
			const event = await hostedEvent();
			const report = await reportOf(event, [
				{ caseId: 'no-such-case', kind: 'letter', plus: 1, minus: 0 }
			]);
			await refused(event.id, report, 400, 'unknown_case');
			const late = await reportOf(event, [{ caseId: caseA, kind: 'letter', plus: 2, minus: 3 }]);
			await refused(event.id, late, 400, 'bad_value');
		});

		it('a sync body with a bad public key is refused, and nothing is stored', async () => {
			const good = publicKeyText(await generateSigningKey());
			const raw = fromBase64Url(good)!;
			raw[64]! ^= 0x02;
			const offCurve = toBase64Url(raw);
			const known = newEvent();
			await server.sync(known.id, known.key, snapshot(randomId(), []));
			for (const [event, publicKey] of [
				[newEvent(), 'A'.repeat(87)],
				[newEvent(), offCurve],
				[known, offCurve]
			] as const) {
				const before = await storedState(server.db);
				const response = await server.post(event.id, event.key, {
					...snapshot(randomId(), [{ caseId: caseA, kind: 'letter', plus: 1, minus: 0 }]),
					publicKey
				});
				expect(response.status).toBe(400);
				expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
					'bad_public_key'
				);
				const after = await storedState(server.db);
				expect(after.counters).toEqual(before.counters);
				expect(after.events.map((e) => ({ ...e, last_sync_at: 0 }))).toEqual(
					before.events.map((e) => ({ ...e, last_sync_at: 0 }))
				);
			}
		});
	});
}
