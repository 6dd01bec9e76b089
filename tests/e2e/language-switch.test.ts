/**
 * The language button switches everything on the screen at once, the case pack's words included:
 * on every host screen that shows cases, the header's button turns the countries and summaries
 * French with no reload, and back. (Case names are the same in both languages of the pack, so the
 * countries and summaries are what tell the languages apart.)
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { openReadyApp } from './helpers/host';
import { openScreen, screenNamed, seedEvent, type HostData } from './helpers/host-screens';

const device = useHostDevice();
let page: Page;
let data: HostData;

/** Words only one language of the sample pack uses, for a case every screen lists first. */
const KYRGYZSTAN = { en: 'Kyrgyzstan', fr: 'Kirghizistan' };
const SUMMARY = {
	en: 'A Kyrgyz human rights defender prosecuted',
	fr: 'Défenseure des droits humains kirghize'
};
const STORY = {
	en: 'Rita Karasartova heads the Institute for Public Analysis',
	fr: 'Rita Karasartova dirige l’Institut d’analyse publique'
};

const SCREENS: { name: string; markers: { en: string; fr: string }[] }[] = [
	{ name: 'cases', markers: [KYRGYZSTAN, SUMMARY] },
	{ name: 'case sheet', markers: [KYRGYZSTAN, STORY] },
	{ name: 'event', markers: [KYRGYZSTAN] },
	{ name: 'participants QR', markers: [KYRGYZSTAN] }
];

const mainText = () => page.locator('main').innerText();

async function expectLanguage(lang: 'en' | 'fr', markers: { en: string; fr: string }[]) {
	const other = lang === 'en' ? 'fr' : 'en';
	for (const marker of markers) {
		// Polled for a short while only: "at once" means no reload and no waiting for a sync.
		await expect.poll(mainText, { timeout: 3_000 }).toContain(marker[lang]);
		expect(await mainText()).not.toContain(marker[other]);
	}
}

describe('switching language on a host screen', () => {
	it('has an event and the case pack on the device', async () => {
		page = await openReadyApp(device.context, device.server.url);
		data = await seedEvent(page, 'Language switch evening');
		expect(data.caseId).toBe('rita-karasartova');
	});

	it.each(SCREENS)('$name shows the cases in the new language at once, and back', async (s) => {
		await openScreen(page, device.server.url, screenNamed(s.name), data);
		await expectLanguage('en', s.markers);
		const url = page.url();
		const loads: string[] = [];
		page.on('framenavigated', (frame) => frame === page.mainFrame() && loads.push(frame.url()));

		await page.getByRole('button', { name: 'Afficher en français' }).click();
		await expectLanguage('fr', s.markers);
		await page.getByRole('button', { name: 'Show in English' }).click();
		await expectLanguage('en', s.markers);

		expect(loads).toEqual([]);
		expect(page.url()).toBe(url);
	});
});
