/**
 * The host app in French, Canadian conventions: the language button switches the whole app and
 * <html lang>, the choice survives a reload, and every host screen, with real data on it, shows
 * no English UI string, no raw message key or {placeholder}, French punctuation (« », a
 * non-breaking space before : ; ! ?) and numbers grouped the fr-CA way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { allHostMessages } from '../helpers/host-messages';
import { participantMessages } from '$lib/shared/i18n/participant';
import { startAppServer, type AppServer } from './helpers/app-server';
import { startHostDevice, stopHostDevice } from './helpers/host-device';
import type { Profile } from './helpers/chromium';
import { addBatch, openReadyApp } from './helpers/host';
import {
	HOST_SCREENS,
	HOST_STATES,
	englishOnlyFragments,
	findFragments,
	openScreen,
	readableText,
	screenNamed,
	seedEvent,
	type HostData
} from './helpers/host-screens';

let server: AppServer;
let profile: Profile;
let context: BrowserContext;
let page: Page;
let data: HostData;

beforeAll(async () => {
	({ server, profile, context } = await startHostDevice(startAppServer()));
});

afterAll(async () => {
	await stopHostDevice({ server, profile, context });
});

// The host's case sheet view reuses the participants' CaseSheet, so its strings count too.
const english = [
	...englishOnlyFragments(allHostMessages, ['switchLanguage', 'switchLanguageLabel']),
	...englishOnlyFragments(participantMessages, ['otherLanguage'])
];
// A key that leaked shows as camelCase or snake_case; one-word keys ("poster") are French words too.
const keys = [...Object.keys(allHostMessages.en), ...Object.keys(participantMessages.en)].filter(
	(key) => /[a-z][A-Z]|_/.test(key)
);

/** Where French typography is broken, URLs and the host's own data left out. */
function typographyProblems(text: string): string[] {
	const prose = text.replace(/\b(?:https?:\/\/|\/)\S*/g, ' ');
	const problems: string[] = [];
	// \s takes in the non-breaking spaces, so \S right before the mark means no space at all.
	const rules: [RegExp, string][] = [
		[/\S{1,20}[:;!?](?=\s|$)/gmu, 'no space before : ; ! ?'],
		[/\S{0,20} [:;!?»]/gu, 'breaking space before : ; ! ? »'],
		[/« \S{0,20}/gu, 'breaking space after «'],
		[/.{0,20}[“”"].{0,20}/gu, 'English quotation marks']
	];
	for (const [rule, what] of rules) {
		for (const match of prose.matchAll(rule)) problems.push(`${what}: …${match[0]}…`);
	}
	return problems;
}

describe('the host app in French', () => {
	it('has an event with counts past a thousand on the device', async () => {
		page = await openReadyApp(context, server.url);
		data = await seedEvent(page, 'Soirée d’écriture à la bibliothèque');
		for (let i = 0; i < 3; i++) await addBatch(page, 'Online actions', data.caseName, 500);
		await expect.poll(() => page.getByTestId('own-online').textContent()).toBe('1,500');
		// English groups digits too: no screen shows a raw 1500.
		const text = await readableText(page);
		expect(text).not.toMatch(/\b1500\b/);
		// The check below does see English where there is English.
		expect(findFragments(text, english).length).toBeGreaterThan(20);
	});

	it('switches with the language button, sets <html lang="fr"> and keeps it after a reload', async () => {
		await page.getByRole('button', { name: 'Afficher en français' }).click();
		await page.getByRole('heading', { level: 2, name: 'Personnes' }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		expect(await page.evaluate(() => localStorage.getItem('letterday.lang'))).toBe('fr');

		await page.reload();
		await page.getByRole('heading', { level: 2, name: 'Personnes' }).waitFor();
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		// The button offers English, in English.
		const back = page.getByRole('button', { name: 'Show in English' });
		expect(await back.getAttribute('lang')).toBe('en');
	});

	async function expectAllFrench() {
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		const text = await readableText(page);
		expect(findFragments(text, english)).toEqual([]);
		expect(findFragments(text, keys)).toEqual([]);
		expect(text).not.toMatch(/\{\w+\}/);
		expect(typographyProblems(text)).toEqual([]);
	}

	it.each(HOST_SCREENS)('$name shows no English UI string, key or placeholder', async (screen) => {
		await openScreen(page, server.url, screen, data);
		await expectAllFrench();
	});

	it.each(HOST_STATES)('$name shows no English UI string either', async (state) => {
		await state.open(page, server.url, data);
		await expectAllFrench();
	});

	it('groups numbers the fr-CA way on the event and projector screens', async () => {
		for (const name of ['event', 'projector']) {
			await openScreen(page, server.url, screenNamed(name), data);
			const text = await readableText(page);
			expect(text, name).toMatch(/\b1\u00a050[04]\b/);
			expect(text, name).not.toMatch(/\b1[,.]?50[04]\b/);
		}
	});
});
