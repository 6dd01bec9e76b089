/**
 * For the organizer end-to-end tests: devices as plain API clients (a sync request per device,
 * as the host app sends them) with a record of what they sent, the sums a correct dashboard
 * must show, and logging in through the organizer page.
 */
import type { Page } from 'playwright-core';
import { EVENT_CASE_ID, SYNC_FORMAT_VERSION, type CounterState } from '$lib/shared/domain';
import { randomEventKey, randomId } from '$lib/shared/ids';
import type { SnapshotEventDetails } from '$lib/shared/sync-wire';

export const ORGANIZER = { email: 'office@amnesty.example', password: 'letters for rights 2026' };

export interface TestEvent {
	id: string;
	key: string;
	details: SnapshotEventDetails;
}

export function testEvent(details: Omit<SnapshotEventDetails, 'updatedAt'>): TestEvent {
	return { id: randomId(), key: randomEventKey(), details: { ...details, updatedAt: 1_000 } };
}

/** Every device's latest snapshot, by event and device: what the server must add up. */
export class SentCounts {
	readonly #latest = new Map<string, { event: TestEvent; counters: CounterState[] }>();

	async sync(
		baseUrl: string,
		event: TestEvent,
		deviceId: string,
		counters: CounterState[],
		contact?: { groupName: string; email: string }
	): Promise<void> {
		const body = {
			format: SYNC_FORMAT_VERSION,
			deviceId,
			event: event.details,
			counters,
			...(contact ? { contact: { ...contact, updatedAt: 1_000 } } : {})
		};
		const response = await fetch(`${baseUrl}/api/events/${event.id}/sync`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${event.key}` },
			body: JSON.stringify(body)
		});
		if (!response.ok) throw new Error(`sync ${response.status}: ${await response.text()}`);
		this.#latest.set(`${event.id}/${deviceId}`, { event, counters });
	}

	/** Sum over devices of plus − minus of the counters `keep` selects. */
	sum(keep: (event: TestEvent, counter: CounterState) => boolean): number {
		let total = 0;
		for (const { event, counters } of this.#latest.values()) {
			for (const c of counters) if (keep(event, c)) total += c.plus - c.minus;
		}
		return total;
	}

	devicesOf(event: TestEvent): number {
		return [...this.#latest.keys()].filter((key) => key.startsWith(`${event.id}/`)).length;
	}
}

export const isCase = (c: CounterState) => c.caseId !== EVENT_CASE_ID;

export { randomId };

/**
 * Logs in through the page. Waits for the page to be hydrated first: values typed before
 * hydration are wiped by it, and the required fields then stop the form in silence.
 */
export async function logIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/organizer/login`, { waitUntil: 'networkidle' });
	await page.getByLabel(/^(Email|Courriel)$/).fill(ORGANIZER.email);
	await page.getByLabel(/^(Password|Mot de passe)$/).fill(ORGANIZER.password);
	await page.getByRole('button', { name: /^(Log in|Se connecter)$/ }).click();
	await page.waitForURL(`${baseUrl}/organizer`);
}
