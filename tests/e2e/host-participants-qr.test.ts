/**
 * The host's "Participants QR" screen, drawn on the device with no network: each code, taken as
 * a screenshot, decodes (jsQR) to the participant page in the event's language, and none of
 * them carries the event key.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useHostDevice } from './helpers/host-device';
import { createEventOffline, openReadyApp } from './helpers/host';
import { readEventRow } from './helpers/idb';
import { decodeQr } from './helpers/qr';

const device = useHostDevice();
let page: Page;

beforeAll(async () => {
	page = await openReadyApp(device.context, device.server.url);
});

describe('participants QR on the host screen', () => {
	it('decodes to the case list and to each case sheet, offline, without the event key', async () => {
		await device.context.setOffline(true);
		await createEventOffline(page, 'QR write-in');
		const eventId = new URL(page.url()).searchParams.get('id')!;
		const { key } = (await readEventRow(page, eventId)) as { key: string };
		expect(key).toMatch(/^[0-9a-f]{64}$/);

		await page.getByRole('link', { name: 'Participants QR' }).click();
		const list = page.getByTestId('participants-qr').locator('svg');
		await list.waitFor();
		expect(await decodeQr(list)).toBe(`${device.server.url}/c/en`);

		const cases = page.locator('li.card svg');
		await expect.poll(() => cases.count()).toBeGreaterThanOrEqual(8);
		const first = await decodeQr(cases.first());
		expect(first).toMatch(new RegExp(`^${device.server.url}/c/en/[a-z0-9-]+$`));
		const firstName = await page.locator('li.card h2').first().textContent();
		await device.context.setOffline(false);
		const sheet = await (await fetch(first!)).text();
		expect(sheet).toContain(firstName!.trim());

		const everything = await page.content();
		expect(everything).not.toContain(key);
	});
});
