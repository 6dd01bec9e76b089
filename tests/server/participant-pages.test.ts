/**
 * The participant pages over HTTP from the built server: every sample case in both languages,
 * the redirect, the 404s, caching and the poster's untrusted event name.
 * Needs `npm run build` first (as `npm test` does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeAppServer, startAppServer, type AppServer } from '../e2e/helpers/app-server';
import { participantMessages } from '$lib/shared/i18n/participant';
import {
	LOCALES,
	caseIds,
	escapeText,
	headingProblems,
	other,
	packIn,
	paragraphs
} from '../e2e/participant-support';

let server: AppServer;
beforeAll(async () => {
	server = await startAppServer();
});
afterAll(() => disposeAppServer(server));

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(`${server.url}${path}`, { headers, redirect: 'manual' });

const headingLevels = (html: string) =>
	[...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));

describe.each(LOCALES)('participant pages in %s', (lang) => {
	const pack = packIn(lang);
	const ui = participantMessages[lang];

	it('lists every case with a link to its sheet', async () => {
		const response = await get(`/c/${lang}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain(`<html lang="${lang}">`);
		for (const sheet of pack.cases) {
			expect(html).toContain(`href="/c/${lang}/${sheet.id}"`);
			expect(html).toContain(escapeText(sheet.name));
			expect(html).toContain(escapeText(sheet.summary));
		}
		expect(html).toContain(`href="/c/${other(lang)}"`);
		expect(headingProblems(headingLevels(html))).toEqual([]);
	});

	it.each(caseIds())('renders the sheet of %s completely', async (id) => {
		const sheet = pack.cases.find((c) => c.id === id)!;
		const response = await get(`/c/${lang}/${id}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/html/);
		const html = await response.text();
		expect(html).toContain(`<html lang="${lang}">`);
		expect(html).toMatch(
			new RegExp(`<h1 id="case-${id}-name"[^>]*>(<!---->)?${escapeText(sheet.name)}<`)
		);
		for (const text of [
			...paragraphs(sheet.story),
			...paragraphs(sheet.ask),
			...paragraphs(sheet.letterGuidance),
			...sheet.safety,
			...pack.generalSafety,
			...paragraphs(pack.postage),
			...paragraphs(sheet.sampleLetter),
			...paragraphs(sheet.solidarityGuidance),
			...(sheet.update ? paragraphs(sheet.update) : [])
		]) {
			expect(html).toContain(escapeText(text));
		}
		// Safety comes before the letter.
		expect(html.indexOf(escapeText(ui.safetyTitle as string))).toBeGreaterThan(0);
		expect(html.indexOf(escapeText(ui.safetyTitle as string))).toBeLessThan(
			html.indexOf(escapeText(ui.sampleLetter as string))
		);
		if (sheet.addressee) {
			expect(html).toContain(escapeText(sheet.addressee.salutation));
			for (const line of sheet.addressee.address) expect(html).toContain(escapeText(line));
		} else {
			expect(html).toContain(escapeText(ui.noAddress as string));
		}
		for (const line of sheet.solidarityAddress ?? []) expect(html).toContain(escapeText(line));
		if (sheet.onlineAction) expect(html).toContain(`href="${sheet.onlineAction.url}"`);
		expect(html).toContain(`href="/c/${other(lang)}/${id}"`);
		// No client bundle: the only script is the inline copy button helper.
		expect(html).not.toMatch(/<script[^>]+src=/);
		expect(html).not.toContain('modulepreload');
		expect(html.match(/<script>/g)).toHaveLength(1);
		expect(headingProblems(headingLevels(html))).toEqual([]);
	});

	it('answers an unknown case with a 404 page in the same language', async () => {
		const response = await get(`/c/${lang}/no-such-case`);
		expect(response.status).toBe(404);
		const html = await response.text();
		expect(html).toContain(`<html lang="${lang}">`);
		expect(html).toContain(escapeText(ui.notFoundTitle as string));
		expect(html).toContain(`href="/c/${lang}"`);
	});

	it('prints every sheet with its QR code, on the paper asked for', async () => {
		const html = await (await get(`/c/${lang}/print`)).text();
		for (const sheet of pack.cases) {
			expect(html).toContain(`${server.url}/c/${lang}/${sheet.id}</figcaption>`);
		}
		expect(html.match(/<svg role="img"/g)).toHaveLength(pack.cases.length);
		expect(html).not.toContain('@page{size');
		expect(await (await get(`/c/${lang}/print?paper=a4`)).text()).toContain('@page{size:A4}');
		expect(await (await get(`/c/${lang}/print?paper=letter`)).text()).toContain(
			'@page{size:letter}'
		);
		expect(await (await get(`/c/${lang}/print?paper=}body{x`)).text()).not.toContain('@page{size');
		expect(headingProblems(headingLevels(html))).toEqual([]);
	});
});

describe('the poster', () => {
	it('shows the event name as escaped, cleaned, length-limited text', async () => {
		const hostile = `<script>alert(1)</script>\u202e"onmouseover="x` + 'x'.repeat(200);
		const response = await get(`/c/en/poster?event=${encodeURIComponent(hostile)}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).not.toContain('<script>alert');
		expect(html).not.toContain('\u202e');
		const h1 = /<h1[^>]*>([^<]*(?:&lt;[^<]*)*)<\/h1>/.exec(html)?.[1] ?? '';
		expect(h1.startsWith('&lt;script>alert(1)&lt;/script> "onmouseover="x')).toBe(true);
		// 80 characters once unescaped.
		expect(h1.replace(/&lt;/g, '<').length).toBe(80);
		// The attribute copy in the form stays inside its quotes.
		expect(html).toContain('value="&lt;script>alert(1)&lt;/script> &quot;onmouseover=&quot;x');
	});

	it('carries the case list URL and nothing else in its QR caption', async () => {
		const html = await (await get('/c/fr/poster?event=Salle%20paroissiale')).text();
		expect(html).toContain(`<figcaption class="svelte-`);
		expect(html).toContain(`>${server.url}/c/fr</figcaption>`);
		expect(html).toContain('Salle paroissiale');
	});
});

describe('routing and caching', () => {
	it.each([
		['fr-CA,fr;q=0.9,en;q=0.8', '/c/fr'],
		['en-CA,en;q=0.9,fr;q=0.8', '/c/en'],
		['de-DE,fr;q=0.5', '/c/fr'],
		['fr;q=0.4,en;q=0.6', '/c/en'],
		['', '/c/en']
	])('sends Accept-Language "%s" from /c to %s', async (accept, target) => {
		const response = await get('/c', accept ? { 'accept-language': accept } : {});
		expect([302, 303, 307]).toContain(response.status);
		expect(response.headers.get('location')).toBe(target);
		expect(response.headers.get('vary')).toMatch(/accept-language/i);
	});

	it.each(['/c/de', '/c/de/some-case', '/c/en/a/b', '/c/fr/print/extra'])(
		'answers %s with a 404 in the right language',
		async (path) => {
			const response = await get(path);
			expect(response.status).toBe(404);
			const html = await response.text();
			if (path.startsWith('/c/fr')) {
				expect(html).toContain(escapeText(participantMessages.fr.notFoundTitle as string));
			} else if (path.startsWith('/c/en')) {
				expect(html).toContain(escapeText(participantMessages.en.notFoundTitle as string));
			} else {
				// The language itself is unknown: both, each marked with its language.
				expect(html).toContain('<div lang="en">');
				expect(html).toContain('<div lang="fr">');
			}
		}
	);

	it('caches briefly and revalidates with an ETag', async () => {
		const id = caseIds()[0];
		const first = await get(`/c/fr/${id}`);
		expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
		const etag = first.headers.get('etag');
		// fetch asks for gzip, so the page comes compressed and its tag weak (scripts/compress.js).
		expect(etag).toMatch(/^W\/"[\w-]+"$/);
		const again = await get(`/c/fr/${id}`, { 'if-none-match': etag! });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
		// Each language and each case has its own tag.
		expect((await get(`/c/en/${id}`)).headers.get('etag')).not.toBe(etag);
	});
});
