/**
 * The thank-you page and the national total over HTTP from the built server, on SQLite and on
 * PostgreSQL: counts synced through the real sync handler (events of this year, one of last year
 * that must not count), highlights and case updates seeded in the database with a photo in the
 * media folder. Needs `npm run build` first (as `npm test` does).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDb } from '$lib/server/db';
import { DiskMediaStore } from '$lib/server/media';
import { saveThanksPage } from '$lib/server/thanks/pages';
import { CASE_KINDS, EVENT_CASE_ID, type CounterState } from '$lib/shared/domain';
import { randomId } from '$lib/shared/ids';
import { formatNumber } from '$lib/shared/i18n/catalog';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';
import { SentCounts, testEvent } from '../e2e/helpers/organizer';
import { backends, type TestDatabase } from './helpers/databases';
import { someCaseIds } from './helpers/sync-requests';

/** A 1×1 PNG: real bytes for the photo route to serve. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
	'base64'
);

const year = new Date().getUTCFullYear();
const [caseA, caseB] = someCaseIds() as [string, string];

const counters = (
	letters: number,
	cards: number,
	people: number,
	firstTimers: number
): CounterState[] => [
	{ caseId: caseA, kind: 'letter', plus: letters, minus: 1 },
	{ caseId: caseB, kind: 'card', plus: cards, minus: 0 },
	{ caseId: caseB, kind: 'online', plus: 7, minus: 0 },
	{ caseId: EVENT_CASE_ID, kind: 'participants', plus: people, minus: 0 },
	{ caseId: EVENT_CASE_ID, kind: 'firstTimers', plus: firstTimers, minus: 0 }
];

for (const backend of backends) {
	describe.skipIf(backend.skip)(`thank-you page and national total on ${backend.dialect}`, () => {
		let testDb: TestDatabase;
		let server: AppServer;
		let db: AppDb;
		let mediaDir: string;
		const sent = new SentCounts();
		const ottawa = testEvent({
			name: 'Library write-in',
			venue: 'Room 2',
			city: 'Ottawa',
			province: 'ON',
			date: `${year}-12-06`
		});
		const quebec = testEvent({
			name: 'Soirée d’écriture',
			venue: 'Salle 1',
			city: 'Québec',
			province: 'QC',
			date: `${year}-11-28`
		});
		const lastYear = testEvent({
			name: 'Last year',
			venue: 'Hall',
			city: 'Halifax',
			province: 'NS',
			date: `${year - 1}-12-10`
		});
		const ids = {
			approvedPhoto: randomId(),
			approvedPoem: randomId(),
			pending: randomId(),
			hidden: randomId(),
			organizersOnly: randomId(),
			incomplete: randomId()
		};
		const ofYear = (event: { details: { date: string } }) =>
			event.details.date.startsWith(String(year));

		async function highlight(
			id: string,
			event: { id: string },
			fields: Partial<{
				kind: 'photo' | 'quote' | 'poem';
				body: string;
				author: string;
				consent: 'publish' | 'organizers';
				review: 'pending' | 'approved' | 'hidden';
				completed_at: number | null;
			}>
		) {
			const kind = fields.kind ?? 'photo';
			await db.kysely
				.insertInto('highlights')
				.values({
					id,
					event_id: event.id,
					device_id: randomId(),
					kind,
					body: fields.body ?? '',
					author: fields.author ?? '',
					consent: fields.consent ?? 'publish',
					media_type: kind === 'photo' ? 'image/png' : null,
					media_size: kind === 'photo' ? PNG.length : null,
					media_sha256: null,
					media_width: kind === 'photo' ? 1 : null,
					media_height: kind === 'photo' ? 1 : null,
					created_at: 1_000,
					received_at: 1_000,
					completed_at: fields.completed_at === undefined ? 2_000 : fields.completed_at,
					review: fields.review ?? 'approved',
					reviewed_at: null,
					reviewed_by: null
				})
				.execute();
			if (kind === 'photo') await new DiskMediaStore(mediaDir).append(id, 0, PNG);
		}

		beforeAll(async () => {
			testDb = await backend.create();
			mediaDir = mkdtempSync(join(tmpdir(), 'letterday-media-'));
			server = await startAppServer({ ...testDb.env, MEDIA_DIR: mediaDir });
			await sent.sync(server.url, ottawa, randomId(), counters(40, 12, 30, 9));
			await sent.sync(server.url, ottawa, randomId(), counters(5, 3, 4, 1));
			await sent.sync(server.url, quebec, randomId(), counters(21, 8, 17, 6));
			await sent.sync(server.url, lastYear, randomId(), counters(500, 500, 500, 500));
			db = await testDb.open();
			await highlight(ids.approvedPhoto, ottawa, { body: 'Test caption', author: 'Testa' });
			await highlight(ids.approvedPoem, quebec, { kind: 'poem', body: 'Test poem for the suite' });
			await highlight(ids.pending, ottawa, { review: 'pending', body: 'Pending test' });
			await highlight(ids.hidden, ottawa, { review: 'hidden', body: 'Hidden test' });
			await highlight(ids.organizersOnly, quebec, {
				consent: 'organizers',
				body: 'Organizers-only test'
			});
			await highlight(ids.incomplete, quebec, { completed_at: null, body: 'Incomplete test' });
			await db.kysely
				.insertInto('case_updates')
				.values({
					id: randomId(),
					case_id: caseA,
					date: `${year}-12-20`,
					status: 'released',
					note_en: 'Test update for the suite (not real news)',
					note_fr: 'Mise à jour de test pour la suite (pas une vraie nouvelle)',
					published_at: 1_000,
					published_by: 'test'
				})
				.execute();
			for (const lang of ['en', 'fr'] as const) {
				await saveThanksPage(db, {
					year,
					lang,
					draft: {
						title: lang === 'en' ? 'Test thank-you title' : 'Titre de remerciement de test',
						message: 'Test message, first paragraph.\n\nTest message, second paragraph.',
						highlightIds: Object.values(ids)
					},
					publish: lang === 'en',
					by: 'test'
				});
			}
		}, 60_000);

		afterAll(async () => {
			await db?.close();
			await disposeAppServer(server);
			await testDb?.destroy();
			rmSync(mediaDir, { recursive: true, force: true });
		});

		const get = (path: string, headers: Record<string, string> = {}) =>
			fetch(`${server.url}${path}`, { headers });

		it('shows figures equal to the synced totals of the year, last year excluded', async () => {
			const response = await get(`/c/en/thanks/${year}`);
			expect(response.status).toBe(200);
			const html = await response.text();
			const figure = (name: string) =>
				html.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1];
			const sum = (kind: string) =>
				sent.sum((event, c) => ofYear(event) && c.caseId !== EVENT_CASE_ID && c.kind === kind);
			const head = (kind: string) => sent.sum((event, c) => ofYear(event) && c.kind === kind);
			expect(figure('participants')).toBe(formatNumber(head('participants'), 'en'));
			expect(figure('letters')).toBe(formatNumber(sum('letter') + sum('card'), 'en'));
			expect(figure('thanksEvents')).toBe('2');
			expect(figure('thanksProvinces')).toBe('2');
			expect(figure('thanksFirstTimers')).toBe(formatNumber(head('firstTimers'), 'en'));
			const total = CASE_KINDS.reduce((all, kind) => all + sum(kind), 0);
			expect(figure('thanksActions')).toBe(formatNumber(total, 'en'));
			// Last year's 500s would show up in any of these.
			expect(head('participants')).toBeLessThan(500);
			expect(html).toContain('Test thank-you title');
			expect(html).toContain('<p class="message');
			expect(html).toContain('Test message, second paragraph.');
			expect(html).toContain('Test update for the suite (not real news)');
			expect(html).toContain('Released');
		});

		it('shows only approved, publishable and complete highlights', async () => {
			const html = await (await get(`/c/en/thanks/${year}`)).text();
			expect(html).toContain(`data-highlight="${ids.approvedPhoto}"`);
			expect(html).toContain(`src="/c/photo/${ids.approvedPhoto}"`);
			expect(html).toMatch(/<img[^>]*loading="lazy"/);
			expect(html).toMatch(/<img[^>]*width="1"[^>]*height="1"/);
			expect(html).toMatch(/<img[^>]*sizes="/);
			expect(html).toContain('Test poem for the suite');
			expect(html).toContain('Anonymous');
			expect(html).toContain('Testa');
			for (const text of ['Pending test', 'Hidden test', 'Organizers-only test', 'Incomplete test'])
				expect(html).not.toContain(text);
			for (const id of [ids.pending, ids.hidden, ids.organizersOnly, ids.incomplete])
				expect(html).not.toContain(id);
		});

		it('serves an approved photo with its type and cache headers, and 404s every other id', async () => {
			const ok = await get(`/c/photo/${ids.approvedPhoto}`);
			expect(ok.status).toBe(200);
			expect(ok.headers.get('content-type')).toBe('image/png');
			expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
			expect(ok.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
			expect(Buffer.from(await ok.arrayBuffer()).equals(PNG)).toBe(true);
			const others = [ids.pending, ids.hidden, ids.organizersOnly, ids.incomplete, randomId()];
			const bodies = new Set<string>();
			for (const id of [...others, 'not-an-id', '..%2F..%2Fetc']) {
				const response = await get(`/c/photo/${id}`);
				expect(response.status, id).toBe(404);
				expect(response.headers.get('content-type')).not.toMatch(/^image\//);
				bodies.add((await response.text()).replaceAll(id, ''));
			}
			// The same answer for all: nothing tells a pending photo from an unknown id.
			expect(bodies.size).toBeLessThanOrEqual(2);
		});

		it('hides a highlight from the page and its photo route once an organizer hides it', async () => {
			const photo = randomId();
			await highlight(photo, ottawa, { body: 'Test caption later hidden' });
			await saveThanksPage(db, {
				year,
				lang: 'en',
				draft: {
					title: 'Test thank-you title',
					message: 'Test message, first paragraph.\n\nTest message, second paragraph.',
					highlightIds: [...Object.values(ids), photo]
				},
				by: 'test'
			});
			expect(await (await get(`/c/en/thanks/${year}`)).text()).toContain(photo);
			expect((await get(`/c/photo/${photo}`)).status).toBe(200);
			await db.kysely
				.updateTable('highlights')
				.set({ review: 'hidden' })
				.where('id', '=', photo)
				.execute();
			expect(await (await get(`/c/en/thanks/${year}`)).text()).not.toContain(photo);
			expect((await get(`/c/photo/${photo}`)).status).toBe(404);
		});

		it('answers 404 for an unpublished page, a year without one and a bad year', async () => {
			expect((await get(`/c/fr/thanks/${year}`)).status).toBe(404);
			expect((await get(`/c/en/thanks/${year - 3}`)).status).toBe(404);
			expect((await get(`/c/en/thanks/abcd`)).status).toBe(404);
			expect((await get(`/c/de/thanks/${year}`)).status).toBe(404);
		});

		it('weighs no more than a case sheet (photos apart)', async () => {
			const page = await (await get(`/c/en/thanks/${year}`)).arrayBuffer();
			const sheet = await (await get(`/c/en/${caseA}`)).arrayBuffer();
			expect(page.byteLength).toBeGreaterThan(1000);
			expect(page.byteLength).toBeLessThanOrEqual(sheet.byteLength);
		});

		it('answers the national total of the year, equal to the synced sum, with no event field', async () => {
			const response = await get('/api/national-total');
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('public, max-age=30');
			const etag = response.headers.get('etag');
			expect(etag).toBeTruthy();
			const body = (await response.json()) as Record<string, unknown>;
			const expected = sent.sum((event, c) => ofYear(event) && c.caseId !== EVENT_CASE_ID);
			expect(body.total).toBe(expected);
			expect(Object.keys(body).sort()).toEqual(['at', 'total', 'year']);
			const text = JSON.stringify(body);
			for (const event of [ottawa, quebec, lastYear]) {
				for (const value of [event.id, event.details.name, event.details.city])
					expect(text).not.toContain(value);
			}
			const again = await get('/api/national-total', { 'if-none-match': etag! });
			expect(again.status).toBe(304);
		});

		it('says the national total on the participant pages', async () => {
			const expected = sent.sum((event, c) => ofYear(event) && c.caseId !== EVENT_CASE_ID);
			const list = await (await get('/c/en')).text();
			expect(list).toContain(`Across Canada: ${formatNumber(expected, 'en')} letters so far`);
			expect(list).toContain(`href="/c/en/thanks/${year}"`);
			const sheet = await (await get(`/c/fr/${caseA}`)).text();
			expect(sheet).toContain(`Partout au Canada\u00a0: ${formatNumber(expected, 'fr')}`);
			// No French page is published: no link to one.
			expect(await (await get('/c/fr')).text()).not.toContain('/thanks/');
		});
	});
}
