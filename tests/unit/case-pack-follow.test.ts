/**
 * A device learns of a newer case pack from its sync answer and downloads it; a case the new pack
 * dropped keeps its name on the device, and its counts still sync. Real server code on a real
 * SQLite file (publishCasePack, the sync handler, the served pack); only the HTTP hop is skipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasePack, CaseSheet } from '$lib/shared/case-pack';
import { parseSyncAnswer } from '$lib/shared/sync-wire';
import { activePack, localizedPack, publishCasePack, samplePack } from '$lib/server/case-pack';
import { openDatabase, type AppDb } from '$lib/server/db';
import { etagResponse } from '$lib/server/http/etag';
import { handleSync } from '$lib/server/sync/handler';
import { isLocale } from '$lib/shared/domain';
import { listCases, listRetiredCases, packInfo } from '$lib/client/repos/cases';
import { createEvent } from '$lib/client/repos/events';
import { getSyncState } from '$lib/client/repos/sync-state';
import { tap } from '$lib/client/repos/tally';
import { downloadAllPacks } from '$lib/client/sync/case-pack';
import { syncEvent } from '$lib/client/sync/sync-event';
import { useDevices } from '../helpers/devices';
import { sampleEvent } from '../helpers/sync-endpoint';

const device = useDevices('pack-follow');
const dir = mkdtempSync(join(tmpdir(), 'letterday-pack-follow-'));
let db: AppDb;
let packRequests = 0;

/** The sync and GET /api/cases, as the server runs them, minus the socket. */
const fetcher: typeof fetch = async (input, init) => {
	const url = new URL(String(input), 'http://letterday.test');
	const request = new Request(url, init);
	if (url.pathname === '/api/cases') {
		packRequests += 1;
		const lang = url.searchParams.get('lang');
		if (!isLocale(lang)) return new Response(null, { status: 400 });
		const { etag, body } = await localizedPack(db, lang);
		return etagResponse(request, etag, body, {
			cacheControl: 'no-cache',
			contentType: 'application/json'
		});
	}
	const eventId = decodeURIComponent(url.pathname.split('/')[3] ?? '');
	return handleSync(request, eventId, { database: async () => db, cases: activePack });
};

beforeAll(async () => {
	db = await openDatabase({ sqliteFile: join(dir, 'server.sqlite') });
	await activePack(db); // seeds the sample
});
afterAll(async () => {
	await db.close();
	rmSync(dir, { recursive: true, force: true });
});

const [dropped, kept] = samplePack().cases as [CaseSheet, CaseSheet];

function nextYear(): CasePack {
	const pack = structuredClone(samplePack());
	pack.version = '2027.1';
	const added = { ...structuredClone(kept), id: 'new-case-2027', name: 'Ada Newcase' };
	pack.cases = [...pack.cases.filter((sheet) => sheet.id !== dropped.id), added];
	return pack;
}

describe('following the server’s case pack', () => {
	it('downloads a newer pack after a sync, keeps the dropped case by name, and syncs its counts', async () => {
		device();
		await downloadAllPacks(fetcher);
		expect((await packInfo('en'))?.hash).toBe((await activePack(db)).stamp.hash);
		const event = await createEvent(sampleEvent);
		await tap(event.id, dropped.id, 'letter', 2);

		// Nothing new on the server: the sync downloads nothing.
		packRequests = 0;
		expect(await syncEvent(event.id, fetcher)).toEqual({ ok: true });
		expect(packRequests).toBe(0);

		const published = await publishCasePack(db, JSON.stringify(nextYear()), 'organizer-1');
		expect(published).toMatchObject({ ok: true, status: 'published' });
		await tap(event.id, dropped.id, 'letter');
		expect(await syncEvent(event.id, fetcher)).toEqual({ ok: true });
		expect(packRequests).toBe(2);

		for (const lang of ['en', 'fr'] as const) {
			expect((await packInfo(lang))?.version).toBe('2027.1');
			const ids = (await listCases(lang)).map((row) => row.id);
			expect(ids).toContain('new-case-2027');
			expect(ids).not.toContain(dropped.id);
			const retired = await listRetiredCases(lang);
			expect(retired.map((row) => [row.id, row.sheet.name])).toEqual([[dropped.id, dropped.name]]);
		}
		// The tap made on the dropped case after the new pack was out reached the server.
		expect((await getSyncState(event.id))?.totals).toEqual([
			{ caseId: dropped.id, kind: 'letter', total: 3 }
		]);

		// A case that comes back in a later pack is current again.
		await publishCasePack(db, JSON.stringify(samplePack()), 'organizer-1');
		await tap(event.id, kept.id, 'card');
		expect(await syncEvent(event.id, fetcher)).toEqual({ ok: true });
		expect((await listCases('en')).map((row) => row.id)).toContain(dropped.id);
		expect((await listRetiredCases('en')).map((row) => row.id)).toEqual(['new-case-2027']);
	});

	it('reads answers from servers that announce no pack, and ignores a malformed one', () => {
		const answer = {
			format: 1,
			event: { ...sampleEvent, updatedAt: 1, updatedBy: 'device-0123456789abcdef' },
			totals: [],
			devices: 0,
			syncedAt: 1_700_000_000_000
		};
		const old = parseSyncAnswer(answer);
		expect(old.ok && old.value.pack).toBeUndefined();
		const bad = parseSyncAnswer({ ...answer, pack: { version: 'x', hash: 42 } });
		expect(bad.ok && bad.value.pack).toBeUndefined();
		const good = parseSyncAnswer({ ...answer, pack: { version: '2027.1', hash: 'a'.repeat(43) } });
		expect(good.ok && good.value.pack).toEqual({ version: '2027.1', hash: 'a'.repeat(43) });
	});
});
