/**
 * The backup file: built from one device, checked, and merged into another, whose sync then
 * sends the first device's counts on its behalf to the real endpoint on a real SQLite file.
 * Whatever the order of imports and syncs, the server's totals equal the taps exactly.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import { importBackup, importStatuses, readBackup } from '$lib/client/repos/backup';
import { deviceId } from '$lib/client/repos/device';
import { createEvent, getEvent } from '$lib/client/repos/events';
import {
	eventsWithPendingRelayed,
	pendingRelayedCounts,
	relayedStatuses
} from '$lib/client/repos/relayed';
import { eventCounters, tap, undo } from '$lib/client/repos/tally';
import { eventsToSync, forgetSession, syncEvent } from '$lib/client/sync/sync-event';
import { postSnapshot } from '$lib/client/sync/transport';
import { serializeBackup, summarizeBackup, type Backup } from '$lib/shared/backup';
import { formatBackupIssue, parseBackup, MAX_BACKUP_BYTES } from '$lib/shared/backup-schema';
import { counterKey, totalsByKey } from '$lib/shared/counters';
import { SYNC_FORMAT_VERSION } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import { useDevices } from '../helpers/devices';
import { sampleEvent, startEndpoint, type TestEndpoint } from '../helpers/sync-endpoint';

let server: TestEndpoint;
const device = useDevices('backup-device');
let seq = 0;

beforeAll(async () => {
	server = await startEndpoint();
});
afterAll(() => server.close());
afterEach(() => forgetSession());

const details = sampleEvent;

/** What the server holds for the event, read as a device with nothing to add would. */
async function serverTotals(eventId: string, key: string): Promise<Map<string, number>> {
	const outcome = await postSnapshot(
		eventId,
		key,
		{
			format: SYNC_FORMAT_VERSION,
			deviceId: 'reader-reader-reader',
			event: { ...details, updatedAt: 1, updatedBy: 'reader-reader-reader' },
			counters: []
		},
		server.fetcher()
	);
	if (!outcome.ok) throw new Error(JSON.stringify(outcome.failure));
	return totalsByKey(outcome.answer.totals);
}

/** A device that counts 5 letters (one undone) and 7 participants offline, and saves a file. */
async function countedOffline() {
	const database = device();
	const event = await createEvent(details);
	await tap(event.id, 'case-one', 'letter', 5);
	await undo(event.id, 'case-one', 'letter');
	await tap(event.id, 'case-two', 'card', 2);
	await tap(event.id, '_event', 'participants', 7);
	const file = serializeBackup(await readBackup());
	return { database, event, file, device: await deviceId() };
}

const expected = new Map([
	[counterKey('_event', 'participants'), 7],
	[counterKey('case-one', 'letter'), 4],
	[counterKey('case-two', 'card'), 2]
]);

function parsed(text: string): Backup {
	const result = parseBackup(text);
	if (!result.ok) throw new Error(result.issues.map(formatBackupIssue).join('\n'));
	return result.backup;
}

describe('the backup file', () => {
	it('round-trips: what a device saves reads back whole', async () => {
		const { event, file, device: id } = await countedOffline();
		const backup = parsed(file);
		expect(backup.deviceId).toBe(id);
		expect(summarizeBackup(backup)).toEqual({ events: 1, counts: 13 });
		expect(backup.events[0]).toMatchObject({
			id: event.id,
			key: event.key,
			lang: 'en',
			expected: 30,
			snapshots: [{ format: 1, deviceId: id, event: { name: 'Library write-in', updatedBy: id } }]
		});
		expect(backup.events[0]!.snapshots[0]!.counters).toContainEqual({
			caseId: 'case-one',
			kind: 'letter',
			plus: 5,
			minus: 1
		});
		// The same text again: nothing is lost or added on the way.
		expect(serializeBackup(backup)).toBe(file);
	});

	it('imports on a fresh device, which syncs the counts on the first device’s behalf, exactly', async () => {
		const { event, file, device: first } = await countedOffline();
		device();
		expect(await deviceId()).not.toBe(first);
		const imported = await importBackup(parsed(file));
		expect(imported).toEqual([
			{ id: event.id, name: 'Library write-in', status: 'new', added: 13 }
		]);
		expect(await getEvent(event.id)).toMatchObject({ key: event.key, detailsDirty: 0 });
		// They are the first device's counts, not this one's.
		expect(await eventCounters(event.id)).toEqual([]);
		expect(await pendingRelayedCounts()).toEqual(new Map([[event.id, 13]]));
		expect(await eventsToSync()).toContain(event.id);

		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await pendingRelayedCounts()).toEqual(new Map());
		expect(await serverTotals(event.id, event.key)).toEqual(expected);

		// Import again and sync again: unchanged.
		expect((await importBackup(parsed(file)))[0]).toMatchObject({ status: 'known', added: 0 });
		expect(await pendingRelayedCounts()).toEqual(new Map());
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await serverTotals(event.id, event.key)).toEqual(expected);
	});

	it('changes nothing on the server when the counts in the file have synced since', async () => {
		const { database: first, event, file } = await countedOffline();
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		const before = await serverTotals(event.id, event.key);
		expect(before).toEqual(expected);

		device();
		await importBackup(parsed(file));
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await serverTotals(event.id, event.key)).toEqual(expected);

		// And the first device syncing again after the relay: still exact.
		useDatabase(first);
		forgetSession();
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await serverTotals(event.id, event.key)).toEqual(expected);
	});

	it('merges into a device that co-hosts the event: its own counts and the file’s add up', async () => {
		const { event, file } = await countedOffline();
		const cohost = device();
		await cohost.events.add({ ...event, detailsDirty: 0 });
		await tap(event.id, 'case-one', 'letter', 3);
		expect((await importStatuses(parsed(file))).get(event.id)).toBe('known');
		const [result] = await importBackup(parsed(file));
		expect(result).toMatchObject({ status: 'known', added: 13 });
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		const totals = await serverTotals(event.id, event.key);
		expect(totals.get(counterKey('case-one', 'letter'))).toBe(7);
		expect(totals.get(counterKey('_event', 'participants'))).toBe(7);
	});

	it('refuses an event the device holds under another key, and merges the rest', async () => {
		const { event, file } = await countedOffline();
		const other = device();
		await other.events.add({ ...event, key: 'f'.repeat(64), detailsDirty: 0 });
		const second = await createEvent({ ...details, name: 'Second' });
		expect((await importStatuses(parsed(file))).get(event.id)).toBe('other_key');
		const result = await importBackup(parsed(file));
		expect(result).toEqual([
			{ id: event.id, name: 'Library write-in', status: 'other_key', added: 0 }
		]);
		expect((await getEvent(event.id))?.key).toBe('f'.repeat(64));
		expect(await pendingRelayedCounts()).toEqual(new Map());
		expect(await getEvent(second.id)).toBeDefined();
	});

	it('max-merges a device’s own file into its own rows, marking only what grew', async () => {
		const { database, event, file } = await countedOffline();
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		// Re-importing one's own file is harmless: nothing grows, nothing is marked to send.
		expect((await importBackup(parsed(file)))[0]).toMatchObject({ status: 'known', added: 0 });
		expect(await database.counters.where('dirty').equals(1).count()).toBe(0);

		// A file with a larger value (say the rows were rolled back) raises the row and marks it.
		const backup = parsed(file);
		const letters = backup.events[0]!.snapshots[0]!.counters.find((c) => c.kind === 'letter')!;
		letters.plus = 9;
		expect((await importBackup(backup))[0]).toMatchObject({ added: 4 });
		expect(await database.counters.get([event.id, 'case-one', 'letter'])).toMatchObject({
			plus: 9,
			minus: 1,
			dirty: 1
		});
		expect(await pendingRelayedCounts()).toEqual(new Map());
	});

	it('a second device’s backup carries the counts it relays, so a third can send them', async () => {
		const { event, file } = await countedOffline();
		device();
		await importBackup(parsed(file));
		const relayedFile = serializeBackup(await readBackup());
		const backup = parsed(relayedFile);
		expect(backup.events[0]!.snapshots).toHaveLength(2);

		device();
		await importBackup(backup);
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await serverTotals(event.id, event.key)).toEqual(expected);
	});

	it('keeps a relayed row pending when an import made it grow while it was in flight', async () => {
		const { event, file } = await countedOffline();
		device();
		await importBackup(parsed(file));
		const bigger = parsed(file);
		bigger.events[0]!.snapshots[0]!.counters.find((c) => c.kind === 'card')!.plus = 5;
		const during = server.fetcher(async () => {
			if ((await pendingRelayedCounts()).get(event.id) === 13) await importBackup(bigger);
		});
		expect(await syncEvent(event.id, during)).toEqual({ ok: true });
		expect(await pendingRelayedCounts()).toEqual(new Map([[event.id, 16]]));
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await pendingRelayedCounts()).toEqual(new Map());
		expect((await serverTotals(event.id, event.key)).get(counterKey('case-two', 'card'))).toBe(5);
	});

	it('keeps counts the server refuses pending, says why, and still syncs the device’s own', async () => {
		const { event, file } = await countedOffline();
		const database = device();
		const backup = parsed(file);
		// A case id of the right shape that the server's pack does not have.
		backup.events[0]!.snapshots[0]!.counters.push({
			caseId: 'not-in-the-pack',
			kind: 'letter',
			plus: 1,
			minus: 0
		});
		await importBackup(backup);
		await tap(event.id, 'case-one', 'letter');
		expect(await syncEvent(event.id, server.fetcher())).toEqual({ ok: true });
		expect(await relayedStatuses()).toEqual(
			new Map([[event.id, { waiting: 14, error: 'unknown_case' }]])
		);
		expect(await database.counters.where('dirty').equals(1).count()).toBe(0);
		expect((await serverTotals(event.id, event.key)).get(counterKey('case-one', 'letter'))).toBe(1);

		// The refused counts are not posted again and again: not by later syncs this session, and
		// they no longer make the event worth an automatic sync on their own.
		const posted: string[] = [];
		const watching: typeof fetch = async (input, init) => {
			posted.push(JSON.parse(String(init?.body)).deviceId);
			return server.fetcher()(input, init);
		};
		await syncEvent(event.id, watching);
		await syncEvent(event.id, watching);
		expect(posted).not.toContain(backup.deviceId);
		expect(await eventsWithPendingRelayed()).toEqual(new Set());
		// A new session tries them once more, in case the server's pack changed.
		forgetSession();
		await syncEvent(event.id, watching);
		expect(posted.filter((id) => id === backup.deviceId)).toHaveLength(1);
	});

	it('keeps relayed counts pending while offline and says nothing was sent', async () => {
		const { event, file } = await countedOffline();
		device();
		await importBackup(parsed(file));
		const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'));
		expect(await syncEvent(event.id, offline)).toEqual({
			ok: false,
			failure: { kind: 'network' }
		});
		expect(await pendingRelayedCounts()).toEqual(new Map([[event.id, 13]]));
	});
});

describe('the device database', () => {
	it('opens a version 1 database at the current version with every row kept', async () => {
		const name = `backup-upgrade-${seq++}`;
		const old = new Dexie(name);
		old.version(1).stores({
			events: 'id, date, createdAt',
			counters: '[eventId+caseId+kind], eventId, dirty, [eventId+dirty]',
			syncState: 'eventId',
			cases: '[lang+id], [lang+position]',
			packs: 'lang',
			meta: 'key'
		});
		await old.table('counters').put({
			eventId: 'e'.repeat(22),
			caseId: 'case-one',
			kind: 'letter',
			plus: 3,
			minus: 0,
			dirty: 1,
			rev: 3
		});
		old.close();

		const upgraded = new LetterdayDB(name);
		try {
			expect(await upgraded.counters.toArray()).toHaveLength(1);
			expect(await upgraded.relayed.count()).toBe(0);
			expect(await upgraded.highlights.count()).toBe(0);
			expect(upgraded.verno).toBe(3);
		} finally {
			await upgraded.delete();
		}
	});
});

describe('a bad backup file', () => {
	async function goodFile(): Promise<Backup> {
		const { file } = await countedOffline();
		return parsed(file);
	}
	/** Writes a value the types would refuse: that is the point of these files. */
	const set = (target: object, key: string, value: unknown) => Reflect.set(target, key, value);
	const firstEvent = (file: Backup) => file.events[0]!;
	const firstSnapshot = (file: Backup) => firstEvent(file).snapshots[0]!;

	function refused(text: string) {
		const result = parseBackup(text);
		expect(result.ok).toBe(false);
		return result.ok ? [] : result.issues;
	}

	it('refuses a file that is not a Letterday backup', () => {
		expect(refused('not json')[0]).toMatchObject({ problem: 'not_json' });
		expect(refused('{"format":"letterday-pack"}')[0]).toMatchObject({ problem: 'not_backup' });
		expect(refused('{"format":"letterday-backup","version":2}')[0]).toMatchObject({
			problem: 'newer_version',
			path: 'version'
		});
	});

	it('refuses a file that is too big, before reading it', () => {
		expect(refused(' '.repeat(MAX_BACKUP_BYTES + 1))[0]).toMatchObject({ problem: 'too_big' });
	});

	it('names the event and the field of a bad detail', async () => {
		const file = await goodFile();
		set(firstSnapshot(file).event, 'province', 'XX');
		const [issue] = refused(JSON.stringify(file));
		expect(issue).toMatchObject({
			problem: 'bad_details',
			eventIndex: 0,
			eventName: 'Library write-in',
			path: 'snapshots[0].event.province'
		});
		expect(formatBackupIssue(issue!)).toMatch(
			/^event 1 “Library write-in”: snapshots\[0\]\.event\.province: event\.province must be one of/
		);
	});

	it('names a counter over the limit and a repeated counter', async () => {
		const file = await goodFile();
		const counters = firstSnapshot(file).counters;
		counters[0]!.plus = 100_001;
		expect(refused(JSON.stringify(file))[0]).toMatchObject({
			problem: 'bad_value',
			eventIndex: 0,
			path: 'snapshots[0].counters[0].plus'
		});
		counters[0]!.plus = 10;
		counters.push({ ...counters[1]! });
		expect(refused(JSON.stringify(file))[0]).toMatchObject({
			problem: 'duplicate_counter',
			path: `snapshots[0].counters[${counters.length - 1}]`
		});
	});

	it('names a bad key, a bad case id, a missing field and a repeated event', async () => {
		const file = await goodFile();
		firstEvent(file).key = 'short';
		expect(refused(JSON.stringify(file))[0]).toMatchObject({ problem: 'bad_key', path: 'key' });
		firstEvent(file).key = 'a'.repeat(64);
		// The signing key is checked as the co-host link checks it: a point on the curve.
		expect(firstEvent(file).signingKey).toMatch(/^[\w-]{43}\.[\w-]{43}\.[\w-]{43}$/);
		const signingKey = firstEvent(file).signingKey!;
		firstEvent(file).signingKey = signingKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
		expect(refused(JSON.stringify(file))[0]).toMatchObject({
			problem: 'bad_key',
			path: 'signingKey'
		});
		firstEvent(file).signingKey = signingKey;
		const counter = firstSnapshot(file).counters[0]!;
		const caseId = counter.caseId;
		counter.caseId = 'Not A Case';
		expect(refused(JSON.stringify(file))[0]).toMatchObject({
			problem: 'bad_case',
			path: 'snapshots[0].counters[0]'
		});
		counter.caseId = caseId;
		Reflect.deleteProperty(firstEvent(file), 'lang');
		expect(refused(JSON.stringify(file))[0]).toMatchObject({ problem: 'missing', path: 'lang' });
		firstEvent(file).lang = 'fr';
		file.events.push(firstEvent(file));
		expect(refused(JSON.stringify(file))[0]).toMatchObject({
			problem: 'duplicate_event',
			eventIndex: 1,
			path: 'id'
		});
	});

	it('refuses a file with one bad event among good ones whole', async () => {
		const file = await goodFile();
		const bad = structuredClone(firstEvent(file));
		bad.id = randomId();
		bad.snapshots[0]!.deviceId = 'x';
		file.events.push(bad);
		expect(refused(JSON.stringify(file))[0]).toMatchObject({
			problem: 'bad_id',
			eventIndex: 1,
			path: 'snapshots[0].deviceId'
		});
	});
});
