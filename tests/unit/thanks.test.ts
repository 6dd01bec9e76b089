/**
 * The thank-you page's small pieces: the organizer form's checks (bounded words, line breaks kept,
 * only publishable highlight ids kept), the year and language of the page asked for, paragraphs,
 * and the projector's reading of the national total (null for anything but a whole number).
 */
import { describe, expect, it } from 'vitest';
import { pageKey, readDraft } from '$lib/server/thanks/form';
import { MAX_CHOSEN, MAX_MESSAGE, MAX_TITLE, paragraphsOf } from '$lib/server/thanks/pages';
import { fetchNationalTotal } from '$lib/client/sync/national-total';

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields))
		for (const one of [value].flat()) data.append(name, one);
	return data;
}

describe('readDraft', () => {
	const allowed = new Set(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);

	it('keeps the words, line breaks as \\n, and only allowed ids in order, once', () => {
		const { draft, errors } = readDraft(
			form({
				title: '  Test title ',
				message: 'Test one\r\n\r\nTest two',
				highlight: ['bbbbbbbbbbbbbbbb', 'guessed-id-000000', 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']
			}),
			allowed
		);
		expect(errors).toEqual({});
		expect(draft).toEqual({
			title: 'Test title',
			message: 'Test one\n\nTest two',
			highlightIds: ['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa']
		});
	});

	it('names each field that is missing, too long or holds control characters', () => {
		expect(readDraft(form({}), allowed).errors).toEqual({
			title: 'thanksTitleMissing',
			message: 'thanksMessageMissing'
		});
		expect(
			readDraft(
				form({ title: 'x'.repeat(MAX_TITLE + 1), message: 'y'.repeat(MAX_MESSAGE + 1) }),
				allowed
			).errors
		).toEqual({ title: 'thanksTitleLong', message: 'thanksMessageLong' });
		expect(readDraft(form({ title: 'Test\u0007', message: 'Test\u0000' }), allowed).errors).toEqual(
			{ title: 'thanksMessageControl', message: 'thanksMessageControl' }
		);
	});

	it('refuses more highlights than a page shows', () => {
		const many = Array.from(
			{ length: MAX_CHOSEN + 1 },
			(_, i) => `id-${String(i).padStart(13, '0')}`
		);
		const { errors } = readDraft(
			form({ title: 'Test', message: 'Test', highlight: many }),
			new Set(many)
		);
		expect(errors).toEqual({ highlights: 'thanksTooMany' });
	});
});

describe('pageKey', () => {
	const now = Date.UTC(2026, 10, 27);
	it('reads a year in range and a language, else this year in English', () => {
		expect(pageKey('2025', 'fr', now)).toEqual({ year: 2025, lang: 'fr', yearProblem: false });
		expect(pageKey(null, null, now)).toEqual({ year: 2026, lang: 'en', yearProblem: false });
		expect(pageKey('1999', 'de', now)).toEqual({ year: 2026, lang: 'en', yearProblem: true });
		expect(pageKey('20x6', 'en', now).yearProblem).toBe(true);
	});
});

describe('paragraphsOf', () => {
	it('splits on blank lines and keeps single line breaks inside a paragraph', () => {
		expect(paragraphsOf('One\ntwo\n\n \n\nThree\n')).toEqual(['One\ntwo', 'Three']);
	});
});

describe('fetchNationalTotal', () => {
	const answer = (status: number, body: unknown) => async () =>
		new Response(JSON.stringify(body), { status });

	it('reads the total of a good answer', async () => {
		expect(await fetchNationalTotal(answer(200, { year: 2026, total: 12345, at: 1 }))).toBe(12345);
	});

	it('is null for a failure, an error answer or a bad shape', async () => {
		const offline = async () => {
			throw new TypeError('Failed to fetch');
		};
		expect(await fetchNationalTotal(offline)).toBeNull();
		expect(await fetchNationalTotal(answer(503, { error: { code: 'x' } }))).toBeNull();
		for (const total of ['12', -1, 1.5, null, undefined])
			expect(await fetchNationalTotal(answer(200, { total }))).toBeNull();
	});
});
