import { parseSyncAnswer, type CounterSnapshot, type SyncAnswer } from '$lib/shared/sync-wire';

/** Why a sync did not go through, in categories a host can act on. */
export type SyncFailure =
	| { kind: 'network' }
	| { kind: 'wrong_key' }
	/** The server refused the snapshot itself: the same request would be refused again. */
	| { kind: 'rejected'; code: string; message: string; field?: string }
	| { kind: 'server'; status: number };

export type SyncOutcome = { ok: true; answer: SyncAnswer } | { ok: false; failure: SyncFailure };

/** One request per event per flush: the whole snapshot goes in one POST. */
export async function postSnapshot(
	eventId: string,
	key: string,
	snapshot: CounterSnapshot,
	fetcher: typeof fetch = fetch
): Promise<SyncOutcome> {
	let response: Response;
	try {
		response = await fetcher(`/api/events/${encodeURIComponent(eventId)}/sync`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
			body: JSON.stringify(snapshot),
			cache: 'no-store'
		});
	} catch {
		return { ok: false, failure: { kind: 'network' } };
	}
	const body: unknown = await response.json().catch(() => null);
	if (response.status >= 500 || body === null) {
		return { ok: false, failure: { kind: 'server', status: response.status } };
	}
	if (!response.ok) {
		const error = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } })
			.error;
		const code = String(error?.code ?? response.status);
		if (response.status === 403) return { ok: false, failure: { kind: 'wrong_key' } };
		const message = String(error?.message ?? '');
		const field = typeof error?.field === 'string' ? error.field : undefined;
		return { ok: false, failure: { kind: 'rejected', code, message, ...(field && { field }) } };
	}
	const parsed = parseSyncAnswer(body);
	if (!parsed.ok) return { ok: false, failure: { kind: 'server', status: response.status } };
	return { ok: true, answer: parsed.value };
}

export type ReportOutcome =
	| { ok: true; answer: SyncAnswer }
	| { ok: false; failure: Exclude<SyncFailure, { kind: 'wrong_key' }> };

/** Relays a report by QR (the relay page, on whatever phone scanned the code). No key: it is signed. */
export async function postReport(
	eventId: string,
	report: string,
	fetcher: typeof fetch = fetch
): Promise<ReportOutcome> {
	let response: Response;
	try {
		response = await fetcher(`/api/events/${encodeURIComponent(eventId)}/report`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ report }),
			cache: 'no-store'
		});
	} catch {
		return { ok: false, failure: { kind: 'network' } };
	}
	const body: unknown = await response.json().catch(() => null);
	if (response.status >= 500 || body === null) {
		return { ok: false, failure: { kind: 'server', status: response.status } };
	}
	if (!response.ok) {
		const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
		return {
			ok: false,
			failure: {
				kind: 'rejected',
				code: String(error?.code ?? response.status),
				message: String(error?.message ?? '')
			}
		};
	}
	const parsed = parseSyncAnswer(body);
	if (!parsed.ok) return { ok: false, failure: { kind: 'server', status: response.status } };
	return { ok: true, answer: parsed.value };
}
