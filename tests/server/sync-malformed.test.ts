/**
 * Bad requests: each gets a 4xx with `{ error: { code, message } }` and leaves the database
 * exactly as it was, both for a registered event and for one the server has never seen (which
 * a valid body would register). Same cases on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CASE_ID } from '$lib/shared/domain';
import { randomEventKey, randomId } from '$lib/shared/ids';
import type { CounterSnapshot } from '$lib/shared/sync-wire';
import { backends, type TestDatabase } from './helpers/databases';
import {
	SyncHarness,
	details,
	newEvent,
	snapshot,
	someCaseIds,
	storedState,
	type RequestInit2
} from './helpers/sync-requests';

const [caseA, caseB] = someCaseIds() as [string, string];
const device = randomId();
const good = (counters: unknown[] = [{ caseId: caseA, kind: 'letter', plus: 3, minus: 1 }]) => ({
	...snapshot(device, []),
	counters
});
const withEvent = (event: Record<string, unknown>) => ({ ...good(), event });
const counter = (fields: Record<string, unknown>) =>
	good([{ caseId: caseA, kind: 'letter', plus: 3, minus: 1, ...fields }]);
const allCounters = () =>
	someCaseIds().flatMap((caseId) =>
		['letter', 'card', 'petition', 'online'].map((kind) => ({ caseId, kind, plus: 1, minus: 0 }))
	);

interface Case {
	name: string;
	body?: unknown;
	init?: RequestInit2;
	/** Replaces the event's key; null sends no Authorization header. */
	key?: string | null;
	/** Replaces the URL's event id. */
	eventId?: string;
	status: number;
	code: string;
	/** The event detail the answer names, for bad_event. */
	field?: string;
}

const cases: Case[] = [
	{ name: 'malformed JSON', init: { raw: '{"format":1,' }, status: 400, code: 'bad_request' },
	{ name: 'an empty body', init: { raw: '' }, status: 400, code: 'bad_request' },
	{ name: 'a JSON array', body: [], status: 400, code: 'bad_request' },
	{ name: 'JSON null', body: null, status: 400, code: 'bad_request' },
	{
		name: 'bytes that are not UTF-8',
		init: { raw: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) },
		status: 400,
		code: 'bad_request'
	},
	{
		name: 'no format',
		body: { ...good(), format: undefined },
		status: 400,
		code: 'unsupported_format'
	},
	{ name: 'format 2', body: { ...good(), format: 2 }, status: 400, code: 'unsupported_format' },
	{
		name: 'format as a string',
		body: { ...good(), format: '1' },
		status: 400,
		code: 'unsupported_format'
	},
	{
		name: 'no deviceId',
		body: { ...good(), deviceId: undefined },
		status: 400,
		code: 'bad_device_id'
	},
	{
		name: 'a deviceId too short',
		body: { ...good(), deviceId: 'abc' },
		status: 400,
		code: 'bad_device_id'
	},
	{
		name: 'a deviceId with spaces',
		body: { ...good(), deviceId: 'my phone 1234567890' },
		status: 400,
		code: 'bad_device_id'
	},
	{ name: 'no event', body: { ...good(), event: undefined }, status: 400, code: 'bad_request' },
	{
		name: 'an unknown province',
		body: withEvent({ ...details(), province: 'XX' }),
		status: 400,
		code: 'bad_event',
		field: 'province'
	},
	{
		name: 'a date that does not exist',
		body: withEvent({ ...details(), date: '2026-02-30' }),
		status: 400,
		code: 'bad_event',
		field: 'date'
	},
	{
		name: 'the 29th of February of a common year',
		body: withEvent({ ...details(), date: '2027-02-29' }),
		status: 400,
		code: 'bad_event',
		field: 'date'
	},
	{
		name: 'a month 13',
		body: withEvent({ ...details(), date: '2026-13-01' }),
		status: 400,
		code: 'bad_event',
		field: 'date'
	},
	{
		name: 'a negative updatedAt',
		body: withEvent({ ...details(), updatedAt: -1 }),
		status: 400,
		code: 'bad_event',
		field: 'updatedAt'
	},
	{
		name: 'a name too long',
		body: withEvent({ ...details(), name: 'x'.repeat(201) }),
		status: 400,
		code: 'bad_event',
		field: 'name'
	},
	{
		// PostgreSQL refuses NUL in text (error 22021): it must be a 400, never a 500 retried forever.
		name: 'a NUL character in the name',
		body: withEvent({ ...details(), name: 'a\u0000b' }),
		status: 400,
		code: 'bad_event',
		field: 'name'
	},
	{
		name: 'a line break in the city',
		body: withEvent({ ...details(), city: 'Trois-\nRivières' }),
		status: 400,
		code: 'bad_event',
		field: 'city'
	},
	{
		name: 'a C1 control character in the venue',
		body: withEvent({ ...details(), venue: 'Salle\u0085 2' }),
		status: 400,
		code: 'bad_event',
		field: 'venue'
	},
	{
		name: 'a name that is a number',
		body: withEvent({ ...details(), name: 42 }),
		status: 400,
		code: 'bad_event',
		field: 'name'
	},
	{
		name: 'an updatedBy that is not a device id',
		body: withEvent({ ...details(), updatedBy: 'x' }),
		status: 400,
		code: 'bad_event',
		field: 'updatedBy'
	},
	{ name: 'counters not an array', body: good({} as never), status: 400, code: 'bad_request' },
	{ name: 'a counter that is not an object', body: good([7]), status: 400, code: 'bad_request' },
	{
		name: 'a counter without caseId',
		body: counter({ caseId: undefined }),
		status: 400,
		code: 'bad_request'
	},
	{
		name: 'an unknown case',
		body: counter({ caseId: 'no-such-case' }),
		status: 400,
		code: 'unknown_case'
	},
	{ name: 'an unknown kind', body: counter({ kind: 'email' }), status: 400, code: 'unknown_kind' },
	{
		name: 'an event kind on a case',
		body: counter({ kind: 'participants' }),
		status: 400,
		code: 'unknown_kind'
	},
	{
		name: 'a case kind on the event',
		body: counter({ caseId: EVENT_CASE_ID, kind: 'letter' }),
		status: 400,
		code: 'unknown_kind'
	},
	{
		name: 'a negative plus',
		body: counter({ plus: -1, minus: 0 }),
		status: 400,
		code: 'bad_value'
	},
	{ name: 'a negative minus', body: counter({ minus: -1 }), status: 400, code: 'bad_value' },
	{ name: 'a fractional plus', body: counter({ plus: 2.5 }), status: 400, code: 'bad_value' },
	{ name: 'a plus as a string', body: counter({ plus: '5' }), status: 400, code: 'bad_value' },
	{ name: 'a null minus', body: counter({ minus: null }), status: 400, code: 'bad_value' },
	{ name: 'a plus over 100,000', body: counter({ plus: 100_001 }), status: 400, code: 'bad_value' },
	{
		name: 'a plus of 1e999 (Infinity)',
		init: { raw: JSON.stringify(counter({})).replace('"plus":3', '"plus":1e999') },
		status: 400,
		code: 'bad_value'
	},
	{
		name: 'minus above plus',
		body: counter({ plus: 2, minus: 3 }),
		status: 400,
		code: 'bad_value'
	},
	{
		name: 'a bad counter after a good one',
		body: good([
			{ caseId: caseB, kind: 'card', plus: 4, minus: 0 },
			{ caseId: caseA, kind: 'letter', plus: 1, minus: 0.5 }
		]),
		status: 400,
		code: 'bad_value'
	},
	{
		name: 'the same (caseId, kind) twice',
		body: good([
			{ caseId: caseA, kind: 'letter', plus: 4, minus: 0 },
			{ caseId: caseA, kind: 'letter', plus: 5, minus: 0 }
		]),
		status: 400,
		code: 'duplicate_counter'
	},
	{
		name: 'more counters than cases × kinds + event kinds',
		body: good([
			...allCounters(),
			{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 1, minus: 0 },
			{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 1, minus: 0 },
			{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 1, minus: 0 }
		]),
		status: 400,
		code: 'too_many_counters'
	},
	{
		name: 'Content-Type text/plain',
		body: good(),
		init: { headers: { 'content-type': 'text/plain' } },
		status: 415,
		code: 'unsupported_media_type'
	},
	{
		name: 'a form body',
		init: {
			raw: 'format=1',
			headers: { 'content-type': 'application/x-www-form-urlencoded' }
		},
		status: 415,
		code: 'unsupported_media_type'
	},
	{
		name: 'a body over 256 KB',
		body: withEvent({ ...details(), name: 'x'.repeat(300_000) }),
		status: 413,
		code: 'payload_too_large'
	},
	{
		name: 'a Content-Length over 256 KB',
		body: good(),
		init: { headers: { 'content-length': String(300_000) } },
		status: 413,
		code: 'payload_too_large'
	},
	{ name: 'no Authorization', body: good(), key: null, status: 401, code: 'missing_key' },
	{ name: 'a short key', body: good(), key: 'abc123', status: 401, code: 'malformed_key' },
	{
		name: 'an upper-case key',
		body: good(),
		key: randomEventKey().toUpperCase(),
		status: 401,
		code: 'malformed_key'
	},
	{
		name: 'a Basic authorization',
		body: good(),
		init: { headers: { authorization: 'Basic dXNlcjpwYXNz' } },
		status: 401,
		code: 'malformed_key'
	},
	{ name: 'a short event id', body: good(), eventId: 'short', status: 400, code: 'bad_event_id' },
	{
		name: 'an event id with a dot',
		body: good(),
		eventId: 'event.0123456789abcdef',
		status: 400,
		code: 'bad_event_id'
	}
];

for (const backend of backends) {
	describe.skipIf(backend.skip)(`malformed sync requests on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		const registered = newEvent();

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb);
			await server.sync(registered.id, registered.key, good() as CounterSnapshot);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('has at least 20 distinct malformed requests', () => {
			expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
			expect(cases.length).toBeGreaterThanOrEqual(20);
		});

		it.each(cases)('$name → $status $code, nothing stored', async (bad) => {
			for (const event of [registered, newEvent()]) {
				const before = await storedState(server.db);
				const eventId = bad.eventId ?? event.id;
				const key = bad.key === undefined ? event.key : bad.key;
				const response = await server.post(eventId, key, bad.body, bad.init);
				expect(response.status).toBe(bad.status);
				expect(response.headers.get('content-type')).toMatch(/^application\/json/);
				expect(await response.json()).toEqual({
					error: {
						code: bad.code,
						message: expect.stringMatching(/\w/),
						...(bad.field && { field: bad.field })
					}
				});
				expect(await storedState(server.db)).toEqual(before);
			}
		});

		it('the registered event still syncs afterwards', async () => {
			const answer = await server.sync(registered.id, registered.key, good() as CounterSnapshot);
			expect(answer.totals).toEqual([{ caseId: caseA, kind: 'letter', total: 2 }]);
		});
	});
}
