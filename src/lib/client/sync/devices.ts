/**
 * Which devices counted for an event, asked of the server with the event key when the host opens
 * the sync details. Page only: the sync path (sync-event.ts, the service worker) never imports it.
 */
import { parseDevicesAnswer, type DevicesAnswer } from '$lib/shared/devices-wire';

/** No connection, the server refused the request, or its answer could not be read. */
export type DevicesOutcome =
	{ ok: true; answer: DevicesAnswer } | { ok: false; failure: 'network' | 'refused' | 'server' };

export async function fetchDevices(
	eventId: string,
	key: string,
	fetcher: typeof fetch = fetch
): Promise<DevicesOutcome> {
	let response: Response;
	try {
		response = await fetcher(`/api/events/${encodeURIComponent(eventId)}/devices`, {
			headers: { Authorization: `Bearer ${key}` },
			cache: 'no-store'
		});
	} catch {
		return { ok: false, failure: 'network' };
	}
	const body: unknown = await response.json().catch(() => null);
	// The event has not reached the server yet: no device's counts have either.
	if (response.status === 404 && errorCode(body) === 'unknown_event') {
		return { ok: true, answer: { devices: [], more: false } };
	}
	if (response.status >= 400 && response.status < 500) return { ok: false, failure: 'refused' };
	const answer = response.ok ? parseDevicesAnswer(body) : undefined;
	return answer ? { ok: true, answer } : { ok: false, failure: 'server' };
}

const errorCode = (body: unknown) => (body as { error?: { code?: unknown } } | null)?.error?.code;
