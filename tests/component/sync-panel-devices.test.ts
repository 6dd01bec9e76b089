/**
 * The sync details' own words for two refusals (device_removed, too_many_devices) in English and
 * French, and "Devices that counted": asked once when the details open, "This device" for the
 * device's own id, a short label for the others, a removed device marked; a failure or no
 * connection said calmly. The server is a stubbed fetch here; tests/e2e/devices-counted.test.ts
 * drives the real one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/svelte';
import { LetterdayDB, useDatabase } from '$lib/client/db/database';
import type { SyncStateRow } from '$lib/client/db/rows';
import { deviceId } from '$lib/client/repos/device';
import { createEvent } from '$lib/client/repos/events';
import { locale } from '$lib/client/state/locale.svelte';
import type { DevicesAnswer } from '$lib/shared/devices-wire';
import { sampleEvent } from '../helpers/sync-endpoint';
import SyncPanel from '../../src/routes/(host)/event/SyncPanel.svelte';

let database: LetterdayDB;
let online = true;

/** What the browser says, and the event it fires ($lib/client/state/online listens to it). */
function setOnline(value: boolean) {
	online = value;
	Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
	window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

beforeEach(() => {
	database = new LetterdayDB(`sync-panel-${Math.random()}`);
	useDatabase(database);
	setOnline(true);
});
afterEach(async () => {
	vi.unstubAllGlobals();
	locale.set('en');
	await database.delete();
});

const refused = (code: string): { waiting: number; sync: SyncStateRow } => ({
	waiting: 3,
	sync: {
		eventId: 'event-a',
		lastSyncAt: null,
		lastAttemptAt: 1,
		lastError: code,
		totals: [],
		ownAtSync: [],
		devices: 0
	}
});

describe('the refusals with words of their own', () => {
	const words = {
		device_removed: {
			en: /took this device’s counts out of this event.*for good.*stays on this device.*talk to the organizers/,
			fr: /a retiré de cet événement les décomptes de cet appareil.*pour de bon.*reste sur cet appareil.*parler aux organisateurs/
		},
		too_many_devices: {
			en: /already counts as many devices as the server accepts.*safe on this device.*organizers can raise the limit/,
			fr: /compte déjà autant d’appareils que le serveur en accepte.*en sécurité sur cet appareil.*organisateurs peuvent relever la limite/
		}
	};
	for (const [code, { en, fr }] of Object.entries(words)) {
		it(`words ${code} in English and French, not as the general refusal`, () => {
			const { unmount } = render(SyncPanel, {
				props: { eventId: 'event-a', status: refused(code), open: false }
			});
			const error = screen.getByTestId('sync-error');
			expect(error.textContent).toMatch(en);
			expect(error.textContent).not.toContain(code);
			unmount();
			locale.set('fr');
			render(SyncPanel, { props: { eventId: 'event-a', status: refused(code), open: false } });
			expect(screen.getByTestId('sync-error').textContent).toMatch(fr);
		});
	}
});

describe('Devices that counted', () => {
	const other = 'Zq81xv0_LmN4pRt9sWc2';
	const removed = 'r3m0ved-device-id-0001';

	async function openWith(respond: (url: string, init?: RequestInit) => Promise<Response>) {
		const event = await createEvent(sampleEvent);
		const fetcher = vi.fn(respond);
		vi.stubGlobal('fetch', fetcher);
		const view = render(SyncPanel, {
			props: { eventId: event.id, status: { waiting: 0, sync: undefined }, open: true }
		});
		return { event, fetcher, view };
	}

	it('lists each device once the details open, "This device" for its own id', async () => {
		const own = await deviceId();
		const now = Date.now();
		const answer: DevicesAnswer = {
			devices: [
				{
					deviceId: own,
					firstCountedAt: now - 9e5,
					lastCountAt: now - 6e4,
					actions: 12,
					removed: false
				},
				{
					deviceId: other,
					firstCountedAt: now - 8e5,
					lastCountAt: now - 5e5,
					actions: 1,
					removed: false
				},
				{
					deviceId: removed,
					firstCountedAt: now - 7e5,
					lastCountAt: now - 7e5,
					actions: 4000,
					removed: true
				}
			],
			more: false
		};
		const { event, fetcher } = await openWith(async () => Response.json(answer));
		const section = screen.getByTestId('devices-counted');
		expect(within(section).getByRole('heading', { name: 'Devices that counted' })).toBeVisible();
		await waitFor(() => expect(screen.getAllByTestId('device-line')).toHaveLength(3));
		const lines = screen.getAllByTestId('device-line').map((line) => line.textContent ?? '');
		expect(lines[0]).toMatch(/^\s*This device\s+12 actions\s+Last counts received: /);
		expect(lines[1]).toMatch(/^\s*Device Zq81xv0_…\s+1 action\s+Last/);
		expect(lines[2]).toMatch(/Device r3m0ved-…\s+4,000 actions\s+Removed by the organizers\s+Last/);
		expect(lines[1]).not.toContain('Removed');
		expect(fetcher).toHaveBeenCalledOnce();
		const [url, init] = fetcher.mock.calls[0]!;
		expect(url).toBe(`/api/events/${event.id}/devices`);
		expect(new Headers(init?.headers).get('authorization')).toBe(`Bearer ${event.key}`);
	});

	it('says so in French', async () => {
		locale.set('fr');
		const own = await deviceId();
		await openWith(async () =>
			Response.json({
				devices: [
					{ deviceId: own, firstCountedAt: 1, lastCountAt: 2, actions: 1200, removed: false },
					{ deviceId: removed, firstCountedAt: 1, lastCountAt: 2, actions: 1, removed: true }
				],
				more: true
			})
		);
		await waitFor(() => expect(screen.getAllByTestId('device-line')).toHaveLength(2));
		const lines = screen.getAllByTestId('device-line').map((line) => line.textContent ?? '');
		expect(lines[0]).toMatch(
			/Cet appareil\s+1\u00a0200 actions\s+Derniers décomptes reçus\u00a0: /
		);
		expect(lines[1]).toMatch(
			/Appareil r3m0ved-…\s+1 action\s+Retiré par les organisateurs\s+Derniers/
		);
		expect(screen.getByText('Seuls les 2 premiers appareils sont listés.')).toBeVisible();
	});

	it('says calmly that the list could not be had, and the panel stays whole', async () => {
		await openWith(async () =>
			Response.json({ error: { code: 'x', message: '' } }, { status: 500 })
		);
		await waitFor(() => expect(screen.getByTestId('devices-failed')).toBeVisible());
		expect(screen.getByTestId('devices-failed').textContent).toMatch(
			/Your counts are not affected/
		);
		expect(screen.getByRole('button', { name: 'Sync now' })).toBeEnabled();
	});

	it('waits for a connection when offline, then asks once it is back', async () => {
		setOnline(false);
		const { fetcher } = await openWith(() => Promise.reject(new TypeError('Failed to fetch')));
		await waitFor(() =>
			expect(screen.getByText(/Offline: the devices that counted are listed here/)).toBeVisible()
		);
		expect(fetcher).not.toHaveBeenCalled();
		fetcher.mockImplementation(async () => Response.json({ devices: [], more: false }));
		setOnline(true);
		await waitFor(() =>
			expect(screen.getByText('No device has sent counts for this event yet.')).toBeVisible()
		);
		expect(fetcher).toHaveBeenCalledOnce();
	});

	it('asks nothing while the details are closed', async () => {
		const event = await createEvent(sampleEvent);
		const fetcher = vi.fn(async () => Response.json({ devices: [], more: false }));
		vi.stubGlobal('fetch', fetcher);
		render(SyncPanel, {
			props: { eventId: event.id, status: { waiting: 0, sync: undefined }, open: false }
		});
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(fetcher).not.toHaveBeenCalled();
		expect(screen.queryByTestId('devices-counted')).toBeNull();
	});
});
