/**
 * Chaos on the sync path, browser included: a host and a co-host count the same cases through a
 * proxy that drops requests, drops answers after the server committed, duplicates and delays
 * them, while each device goes offline and online. At the end the server's totals equal the taps,
 * case by case and kind by kind, and neither device has anything left to send.
 * docs/reliability.md records this scenario.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { disposeAppServer, startAppServer, type AppServer } from './helpers/app-server';
import { startChaosProxy, FAULTS, type ChaosProxy } from './helpers/chaos-proxy';
import { newProfile, type Profile } from './helpers/chromium';
import { createEventOffline, openReadyApp, tapAdd } from './helpers/host';
import { dirtyCounters, serverTotals, type Ledger, addToLedger } from './helpers/ledger';

const SEED = 20261210;
const ROUNDS = 8;
const CASES = [
	{ id: 'rocky-myers', name: 'Rocky Myers' },
	{ id: 'rita-karasartova', name: 'Rita Karasartova' }
];
const KINDS = [
	{ kind: 'letter', label: 'Appeal letters' },
	{ kind: 'card', label: 'Solidarity cards' }
];

let server: AppServer;
let proxy: ChaosProxy;
const profiles: Profile[] = [];
const contexts: BrowserContext[] = [];
const pages: Page[] = [];

beforeAll(async () => {
	server = await startAppServer();
	proxy = await startChaosProxy(server.url, SEED);
	for (let i = 0; i < 2; i++) {
		const profile = newProfile();
		profiles.push(profile);
		contexts.push(await profile.open());
		pages.push(await openReadyApp(contexts[i]!, proxy.url));
	}
});

afterAll(async () => {
	for (const context of contexts) await context.close();
	for (const profile of profiles) profile.remove();
	await proxy?.close();
	await disposeAppServer(server);
});

/** Waits until the proxy holds no sync request, then a moment for the device to store the answer. */
async function settle() {
	await expect.poll(() => proxy.inFlight, { timeout: 20_000 }).toBe(0);
	await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Going offline then online makes the device sync at once (the engine listens for `online`). */
async function reconnect(device: number) {
	await contexts[device]!.setOffline(true);
	await contexts[device]!.setOffline(false);
}

describe('sync under chaos', () => {
	let eventId = '';
	const ledger: Ledger = new Map();

	it('a co-host joins the host’s event through the proxy', async () => {
		const [host, cohost] = pages as [Page, Page];
		await createEventOffline(host, 'Chaos write-in');
		eventId = new URL(host.url()).searchParams.get('id')!;
		await host.goto(`${proxy.url}/event/cohost?id=${eventId}`);
		const link = await host.locator('main input[readonly]').inputValue();
		await cohost.goto(link);
		await cohost.getByRole('button', { name: 'Join and start counting' }).click();
		await cohost.getByRole('heading', { level: 1, name: 'Chaos write-in' }).waitFor();
		await host.goto(`${proxy.url}/event?id=${eventId}`);
		await host.getByRole('heading', { level: 1, name: 'Chaos write-in' }).waitFor();
	});

	it('counts every tap exactly once whatever the network does', async () => {
		proxy.faults(true);
		for (let round = 0; round < ROUNDS; round++) {
			for (const [device, page] of pages.entries()) {
				// Both devices count the same cases and kinds: their counts must add, never collide.
				const target = CASES[(round + device) % CASES.length]!;
				const { kind, label } = KINDS[round % KINDS.length]!;
				const times = 1 + ((round * 3 + device) % 3);
				if (round % 3 === 2) await contexts[device]!.setOffline(true);
				await tapAdd(page, label, target.name, times);
				addToLedger(ledger, target.id, kind, times);
				await reconnect(device);
			}
			await settle();
		}

		// The network heals: every device sends what it still holds.
		proxy.faults(false);
		for (const device of pages.keys()) await reconnect(device);
		await expect
			.poll(() => serverTotals(server.dataDir, eventId), { timeout: 60_000, interval: 1_000 })
			.toEqual(Object.fromEntries(ledger));
		for (const page of pages) {
			await expect.poll(() => dirtyCounters(page), { timeout: 30_000, interval: 500 }).toBe(0);
		}

		// The run was chaotic: every kind of fault met at least one sync.
		for (const fault of FAULTS) expect(proxy.injected[fault], fault).toBeGreaterThan(0);
		const taps = [...ledger.values()].reduce((a, b) => a + b, 0);
		console.info(`chaos-sync: ${taps} taps, faults ${JSON.stringify(proxy.injected)}, 0 lost`);
	});
});
