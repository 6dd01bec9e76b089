/**
 * The organizers' read model against what devices sent through the real sync handler, on SQLite
 * and on PostgreSQL: national, per case, per province, per event and per device figures,
 * undo (minus), two devices on one event, the events page's filters, one consistent read, and
 * the live-update version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_KINDS, EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import { publishCasePack, samplePack } from '$lib/server/case-pack';
import type { AppDb } from '$lib/server/db';
import { NO_FILTER, parseEventFilter } from '$lib/server/organizer/event-filter';
import { DEFAULT_ORDER } from '$lib/shared/event-order';
import { activeCases, caseNames } from '$lib/server/organizer/case-names';
import { readCases, readNational } from '$lib/server/organizer/national';
import {
	readDashboard,
	readEventPage,
	readEventsPage,
	readLiveVersion
} from '$lib/server/organizer/pages';
import { readConsistently } from '$lib/server/organizer/read';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, details, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

/** What a device sent, kept to compute the expected figures the plain way. */
interface Sent {
	eventId: string;
	province: string;
	deviceId: string;
	counters: CounterState[];
}

for (const backend of backends) {
	describe.skipIf(backend.skip)(`organizer read model on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = 1_765_000_000_000;
		const [caseA, caseB, caseC] = someCaseIds() as [string, string, string];
		const sent = new Map<string, Sent>(); // by event and device: the latest snapshot wins
		const ottawa = newEvent();
		const quebec = newEvent();
		const halifax = newEvent();
		const [deviceA, deviceB, deviceC, deviceD] = [randomId(), randomId(), randomId(), randomId()];
		const events = {
			[ottawa.id]: details({ name: 'Library write-in', city: 'Ottawa', province: 'ON' }),
			[quebec.id]: details({
				name: 'Écrire, c’est agir — Québec',
				city: 'Québec',
				province: 'QC',
				date: '2026-12-06'
			}),
			[halifax.id]: details({
				name: '100% for rights_day',
				city: 'Halifax',
				province: 'NS',
				date: '2026-11-28'
			})
		};
		const keyOf = { [ottawa.id]: ottawa.key, [quebec.id]: quebec.key, [halifax.id]: halifax.key };

		async function send(eventId: string, deviceId: string, counters: CounterState[]) {
			await server.sync(eventId, keyOf[eventId]!, snapshot(deviceId, counters, events[eventId]));
			sent.set(`${eventId}/${deviceId}`, {
				eventId,
				province: events[eventId]!.province,
				deviceId,
				counters
			});
		}

		/** Sum over devices of plus − minus, over what `keep` selects. */
		function expected(keep: (s: Sent, c: CounterState) => boolean): number {
			let total = 0;
			for (const s of sent.values()) {
				for (const c of s.counters) if (keep(s, c)) total += c.plus - c.minus;
			}
			return total;
		}
		const isCase = (c: CounterState) => c.caseId !== EVENT_CASE_ID;

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => (clock += 1000));
			// Ottawa: two devices, with an undo on each.
			await send(ottawa.id, deviceA, [
				{ caseId: caseA, kind: 'letter', plus: 14, minus: 1 },
				{ caseId: caseA, kind: 'card', plus: 6, minus: 0 },
				{ caseId: caseB, kind: 'petition', plus: 30, minus: 2 },
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 23, minus: 1 },
				{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 7, minus: 0 }
			]);
			await send(ottawa.id, deviceB, [
				{ caseId: caseA, kind: 'letter', plus: 9, minus: 3 },
				{ caseId: caseC, kind: 'online', plus: 4, minus: 0 },
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 5, minus: 0 }
			]);
			// Quebec: one device; Halifax: one device in another province.
			await send(quebec.id, deviceC, [
				{ caseId: caseA, kind: 'letter', plus: 11, minus: 0 },
				{ caseId: caseB, kind: 'card', plus: 3, minus: 1 },
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 12, minus: 0 },
				{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: 4, minus: 1 }
			]);
			await send(halifax.id, deviceD, [
				{ caseId: caseC, kind: 'letter', plus: 2, minus: 0 },
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 3, minus: 0 }
			]);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		it('adds up the nation: per kind, the grand total and the head counts', async () => {
			const { national } = await readDashboard(server.db, 'en', clock);
			for (const kind of CASE_KINDS) {
				expect(national[kind], kind).toBe(expected((_, c) => isCase(c) && c.kind === kind));
			}
			expect(national.total).toBe(expected((_, c) => isCase(c)));
			expect(national.total).toBe(13 + 6 + 28 + 6 + 4 + 11 + 2 + 2);
			expect(national.participants).toBe(22 + 5 + 12 + 3);
			expect(national.firstTimers).toBe(7 + 3);
			expect(national.events).toBe(3);
			expect(national.provinces).toBe(3);
		});

		it('gives every case of the pack, counted or not, largest first, with its name', async () => {
			const active = await activeCases(server.db, 'fr');
			const cases = await readConsistently(server.db, async (trx) =>
				readCases(trx, await caseNames(trx, active))
			);
			expect(cases.length).toBe(someCaseIds().length);
			const a = cases.find((c) => c.caseId === caseA)!;
			expect(a).toMatchObject({ letter: 13 + 6 + 11, card: 6, petition: 0, online: 0 });
			expect(a.total).toBe(30 + 6);
			expect(a.name).not.toBe(caseA);
			for (const c of cases) {
				expect(c.total, c.caseId).toBe(expected((_, x) => x.caseId === c.caseId && isCase(x)));
			}
			expect(cases.map((c) => c.total)).toEqual(
				[...cases.map((c) => c.total)].sort((x, y) => y - x)
			);
			expect(cases.at(-1)!.total).toBe(0);
		});

		it('keeps a case a newer pack dropped, with its letters and its published name', async () => {
			const sample = samplePack();
			const dropped = sample.cases.find((sheet) => sheet.id === caseA)!;
			const newer = {
				...structuredClone(sample),
				version: '2027.1',
				cases: sample.cases.filter((sheet) => sheet.id !== caseA)
			};
			expect((await publishCasePack(server.db, JSON.stringify(newer), 'organizer-1')).ok).toBe(
				true
			);
			try {
				const { cases } = await readDashboard(server.db, 'en', clock);
				const a = cases.find((c) => c.caseId === caseA)!;
				expect(a.name).toBe(dropped.name);
				expect(a.total).toBe(expected((_, c) => c.caseId === caseA && isCase(c)));
				expect(cases.length).toBe(sample.cases.length);
			} finally {
				const back = { ...structuredClone(sample), version: '2027.2' };
				expect((await publishCasePack(server.db, JSON.stringify(back), 'organizer-1')).ok).toBe(
					true
				);
			}
		});

		it('sums each province over its own events only', async () => {
			const { provinces } = await readDashboard(server.db, 'en', clock);
			expect(provinces.map((p) => p.province)).toEqual(['NS', 'ON', 'QC']);
			for (const p of provinces) {
				const inIt = (s: Sent) => s.province === p.province;
				expect(p.total, p.province).toBe(expected((s, c) => inIt(s) && isCase(c)));
				expect(p.participants).toBe(expected((s, c) => inIt(s) && c.kind === 'participants'));
				expect(p.firstTimers).toBe(expected((s, c) => inIt(s) && c.kind === 'firstTimers'));
				for (const kind of CASE_KINDS) {
					expect(p[kind]).toBe(expected((s, c) => inIt(s) && isCase(c) && c.kind === kind));
				}
				expect(p.events).toBe(1);
			}
		});

		it('lists each event with its devices, head counts and totals', async () => {
			const page = await readEventsPage(server.db, {
				filter: NO_FILTER,
				order: DEFAULT_ORDER,
				lang: 'en',
				now: clock
			});
			expect(page.events.map((e) => e.id)).toEqual([ottawa.id, quebec.id, halifax.id]);
			const [o, q] = page.events;
			expect(o).toMatchObject({
				devices: 2,
				participants: 27,
				firstTimers: 7,
				letter: 19,
				total: 19 + 6 + 28 + 4
			});
			expect(q).toMatchObject({ devices: 1, province: 'QC', name: 'Écrire, c’est agir — Québec' });
			expect(q!.total).toBe(expected((s, c) => s.eventId === quebec.id && isCase(c)));
			expect(page.allEvents).toBe(3);
		});

		it('shows what each device of one event brought and when its counts last changed', async () => {
			const before = clock;
			// A replay changes nothing, so the time of the last change stays.
			await send(ottawa.id, deviceB, sent.get(`${ottawa.id}/${deviceB}`)!.counters);
			let page = await readEventPage(server.db, ottawa.id, 'en', clock);
			const b = page!.devices.find((d) => d.deviceId === deviceB)!;
			expect(b).toMatchObject({ letter: 6, online: 4, total: 10, participants: 5 });
			expect(b.lastNewCountAt).toBeLessThan(before);

			// An undo is a change.
			await send(ottawa.id, deviceB, [
				{ caseId: caseA, kind: 'letter', plus: 9, minus: 4 },
				{ caseId: caseC, kind: 'online', plus: 4, minus: 0 },
				{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 5, minus: 0 }
			]);
			page = await readEventPage(server.db, ottawa.id, 'en', clock);
			const after = page!.devices.find((d) => d.deviceId === deviceB)!;
			expect(after).toMatchObject({ letter: 5, total: 9 });
			expect(after.lastNewCountAt).toBe(clock);
			expect(page!.devices.map((d) => d.deviceId).sort()).toEqual([deviceA, deviceB].sort());
			expect(page!.event.letter).toBe(13 + 5);
			const perCase = page!.cases.find((c) => c.caseId === caseA)!;
			expect(perCase).toMatchObject({ letter: 18, card: 6, total: 24 });
			expect(page!.cases.reduce((sum, c) => sum + c.total, 0)).toBe(page!.event.total);

			expect(await readEventPage(server.db, randomId(), 'en', clock)).toBeNull();
		});

		it('filters events by province, date range and words of the name or city', async () => {
			const list = async (query: string) => {
				const { filter } = parseEventFilter(new URLSearchParams(query));
				const page = await readEventsPage(server.db, {
					filter,
					order: DEFAULT_ORDER,
					lang: 'fr',
					now: clock
				});
				return { ids: page.events.map((e) => e.id), provinces: page.provinces };
			};
			expect((await list('province=QC')).ids).toEqual([quebec.id]);
			expect((await list('from=2026-12-01&to=2026-12-06')).ids).toEqual([quebec.id]);
			expect((await list('from=2026-12-06')).ids).toEqual([ottawa.id, quebec.id]);
			expect((await list('to=2026-11-28')).ids).toEqual([halifax.id]);
			// Accents, capitals and the typographic apostrophe are folded on both sides.
			expect((await list('q=QUEBEC')).ids).toEqual([quebec.id]);
			expect((await list("q=c'est agir")).ids).toEqual([quebec.id]);
			expect((await list('q=ottawa')).ids).toEqual([ottawa.id]);
			// LIKE's wildcards are taken literally.
			expect((await list('q=100%25')).ids).toEqual([halifax.id]);
			expect((await list('q=%25')).ids).toEqual([halifax.id]);
			expect((await list('q=for_rights')).ids).toEqual([]);
			expect((await list('q=rights_day')).ids).toEqual([halifax.id]);
			// The province sums beside the list cover the listed events only.
			const filtered = await list('q=qu');
			expect(filtered.provinces.map((p) => p.province)).toEqual(['QC']);
			expect(filtered.provinces[0]!.total).toBe(
				expected((s, c) => s.eventId === quebec.id && isCase(c))
			);
		});

		it('reads a page in one snapshot: a sync that commits midway does not show', async () => {
			// A second handle on the same database, so the sync can commit while the read is open.
			let reader: AppDb | undefined;
			try {
				reader = await testDb.open();
				const [first, second] = await readConsistently(reader, async (trx) => {
					const first = await readNational(trx);
					await send(halifax.id, deviceD, [
						{ caseId: caseC, kind: 'letter', plus: 50, minus: 0 },
						{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 3, minus: 0 }
					]);
					return [first, await readNational(trx)];
				});
				expect(second).toEqual(first);
				// …and the next read sees it.
				const later = await readConsistently(reader, readNational);
				expect(later.total).toBe(first.total + 48);
			} finally {
				await reader?.close();
			}
		});

		it('moves the live version with every sync, and only then', async () => {
			const v1 = await readLiveVersion(server.db);
			expect(await readLiveVersion(server.db)).toBe(v1);
			expect((await readDashboard(server.db, 'en', clock)).version).toBe(v1);
			await send(quebec.id, deviceC, sent.get(`${quebec.id}/${deviceC}`)!.counters);
			const v2 = await readLiveVersion(server.db);
			expect(v2).not.toBe(v1);
			// A new event moves it too.
			const other = newEvent();
			keyOf[other.id] = other.key;
			events[other.id] = details({ province: 'BC', city: 'Victoria' });
			await send(other.id, randomId(), []);
			expect(await readLiveVersion(server.db)).not.toBe(v2);
		});
	});
}
