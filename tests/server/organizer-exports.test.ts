/**
 * The organizers' downloads: the CSV writer byte by byte (BOM, CRLF, header, quoting, accents,
 * formula neutralisation, numbers untouched), read back with csv-parse; then the three exports
 * from a database, whose CSV and JSON carry the same rows as the read model's figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { EVENT_CASE_ID } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import { parseEventFilter } from '$lib/server/organizer/event-filter';
import { DEFAULT_ORDER } from '$lib/shared/event-order';
import {
	CASE_FIELDS,
	EVENT_FIELDS,
	PROVINCE_FIELDS,
	readExport,
	type ExportName
} from '$lib/server/organizer/exports';
import { readDashboard } from '$lib/server/organizer/pages';
import { tableResponse, toCsv, toJson, type Table } from '$lib/server/organizer/table-file';
import { backends, type TestDatabase } from './helpers/databases';
import { SyncHarness, details, newEvent, snapshot, someCaseIds } from './helpers/sync-requests';

const BOM = '\uFEFF';

const sample: Table<'id' | 'name' | 'count'> = {
	name: 'sample',
	fields: ['id', 'name', 'count'],
	rows: [
		{ id: 'a', name: 'Écrire, c’est agir — Québec', count: 12 },
		{ id: 'b', name: 'The "Big" write-in', count: 0 },
		{ id: 'c', name: '=HYPERLINK("http://x","y")', count: -3 },
		{ id: 'd', name: '+1 more', count: 1.5 },
		{ id: 'e', name: '-minus', count: 7 },
		{ id: 'f', name: '@SUM(A1)', count: 7 },
		{ id: 'g', name: '\tTab', count: 7 },
		{ id: 'h', name: '\rReturn', count: 7 },
		{ id: 'i', name: 'Fine = fine', count: null },
		{ id: '-x', name: '', count: 2 }
	]
};

describe('the CSV writer', () => {
	const csv = toCsv(sample);

	it('starts with a byte-order mark and a header of the field names, CRLF line ends', () => {
		expect(csv.startsWith(`${BOM}id,name,count\r\n`)).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		// Every line break is a CRLF: no bare LF anywhere.
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
	});

	it('quotes a name with a comma or quotes, keeps accents, doubles inner quotes', () => {
		expect(csv).toContain('\r\na,"Écrire, c’est agir — Québec",12\r\n');
		expect(csv).toContain('\r\nb,"The ""Big"" write-in",0\r\n');
	});

	it('neutralises text cells a spreadsheet would run, and only those', () => {
		const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
		const name = (id: string) => rows.find((row) => row.id === id)?.name;
		expect(name('c')).toBe(`'=HYPERLINK("http://x","y")`);
		expect(name('d')).toBe(`'+1 more`);
		expect(name('e')).toBe(`'-minus`);
		expect(name('f')).toBe(`'@SUM(A1)`);
		expect(name('g')).toBe(`'\tTab`);
		expect(name('h')).toBe(`'\rReturn`);
		expect(name('i')).toBe('Fine = fine');
		expect(name('a')).toBe('Écrire, c’est agir — Québec');
		// An id is text too.
		expect(rows.at(-1)).toEqual({ id: `'-x`, name: '', count: '2' });
	});

	it('leaves numbers alone, negative ones included; null is an empty cell', () => {
		expect(csv).toContain('\r\nc,"\'=HYPERLINK(""http://x"",""y"")",-3\r\n');
		expect(csv).toContain(',1.5\r\n');
		expect(csv).toContain('\r\ni,Fine = fine,\r\n');
	});

	it('writes the same rows and fields as JSON, values untouched, numbers as numbers', () => {
		const json = JSON.parse(toJson(sample)) as Record<string, unknown>[];
		expect(json).toEqual(sample.rows);
		expect(Object.keys(json[0]!)).toEqual(['id', 'name', 'count']);
	});

	it('answers a dated attachment that no cache keeps', async () => {
		const response = tableResponse(sample, 'csv', '2026-12-12');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="letterday-sample-2026-12-12.csv"'
		);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const json = tableResponse(sample, 'json', '2026-12-12');
		expect(json.headers.get('content-disposition')).toContain('letterday-sample-2026-12-12.json');
		expect(json.headers.get('content-type')).toBe('application/json');
	});
});

for (const backend of backends) {
	describe.skipIf(backend.skip)(`exports from ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: SyncHarness;
		let clock = Date.parse('2026-12-10T15:00:00Z');
		const [caseA, caseB] = someCaseIds() as [string, string];
		const quebec = newEvent();
		const toronto = newEvent();

		beforeAll(async () => {
			testDb = await backend.create();
			server = await SyncHarness.start(testDb, () => (clock += 60_000));
			const qc = details({ name: 'Écrire, c’est agir — Québec', city: 'Québec', province: 'QC' });
			for (const [device, letters] of [
				[randomId(), 12],
				[randomId(), 5]
			] as const) {
				await server.sync(
					quebec.id,
					quebec.key,
					snapshot(
						device,
						[
							{ caseId: caseA, kind: 'letter', plus: letters, minus: 1 },
							{ caseId: EVENT_CASE_ID, kind: 'participants', plus: 4, minus: 0 }
						],
						qc
					)
				);
			}
			await server.sync(
				toronto.id,
				toronto.key,
				snapshot(
					randomId(),
					[{ caseId: caseB, kind: 'petition', plus: 40, minus: 0 }],
					details({ name: '=cmd|" /C calc"!A0', city: 'Toronto', province: 'ON' })
				)
			);
		});
		afterAll(async () => {
			await server?.close();
			await testDb?.destroy();
		});

		const read = (name: ExportName, lang: 'en' | 'fr' = 'en', query = '') =>
			readExport(server.db, name, {
				lang,
				filter: parseEventFilter(new URLSearchParams(query)).filter,
				order: DEFAULT_ORDER
			});

		function both(table: Table) {
			const csv = parse(toCsv(table), { bom: true, columns: true }) as Record<string, string>[];
			const json = JSON.parse(toJson(table)) as Record<string, unknown>[];
			return { csv, json };
		}

		it('cases: one row per case, the same figures as the dashboard', async () => {
			const table = await read('cases', 'fr');
			expect(table.fields).toEqual(CASE_FIELDS);
			const { csv, json } = both(table);
			expect(Object.keys(csv[0]!)).toEqual([
				'case_id',
				'name',
				'letter',
				'card',
				'petition',
				'online',
				'total'
			]);
			const { cases } = await readDashboard(server.db, 'fr', clock);
			expect(json).toEqual(
				cases.map((c) => ({
					case_id: c.caseId,
					name: c.name,
					letter: c.letter,
					card: c.card,
					petition: c.petition,
					online: c.online,
					total: c.total
				}))
			);
			expect(json.find((row) => row.case_id === caseA)).toMatchObject({ letter: 15, total: 15 });
			expect(csv.find((row) => row.case_id === caseB)).toMatchObject({
				petition: '40',
				total: '40'
			});
		});

		it('events: details, devices, head counts, figures and the last sync in UTC', async () => {
			const table = await read('events');
			expect(table.fields).toEqual(EVENT_FIELDS);
			const { csv, json } = both(table);
			const qc = json.find((row) => row.event_id === quebec.id)!;
			expect(qc).toMatchObject({
				name: 'Écrire, c’est agir — Québec',
				province: 'QC',
				devices: 2,
				participants: 8,
				first_timers: 0,
				letter: 15,
				total: 15
			});
			expect(qc.last_sync_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
			const qcCsv = csv.find((row) => row.event_id === quebec.id)!;
			expect(qcCsv.name).toBe('Écrire, c’est agir — Québec');
			expect(qcCsv.last_sync_at).toBe(qc.last_sync_at);
			// The formula in a name is made harmless in the CSV, kept as typed in the JSON.
			const on = csv.find((row) => row.province === 'ON')!;
			expect(on.name).toBe(`'=cmd|" /C calc"!A0`);
			expect(json.find((row) => row.province === 'ON')!.name).toBe('=cmd|" /C calc"!A0');
		});

		it('provinces: one row per province with events, and the events filter', async () => {
			const table = await read('provinces');
			expect(table.fields).toEqual(PROVINCE_FIELDS);
			const { json } = both(table);
			expect(json).toEqual([
				{
					province: 'ON',
					events: 1,
					participants: 0,
					first_timers: 0,
					letter: 0,
					card: 0,
					petition: 40,
					online: 0,
					total: 40
				},
				{
					province: 'QC',
					events: 1,
					participants: 8,
					first_timers: 0,
					letter: 15,
					card: 0,
					petition: 0,
					online: 0,
					total: 15
				}
			]);
			const filtered = both(await read('provinces', 'en', 'q=quebec')).json;
			expect(filtered.map((row) => row.province)).toEqual(['QC']);
			const events = both(await read('events', 'en', 'province=ON')).json;
			expect(events.map((row) => row.event_id)).toEqual([toronto.id]);
		});
	});
}
