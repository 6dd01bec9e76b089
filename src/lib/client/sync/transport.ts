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
	const outcome = await post(
		`/api/events/${encodeURIComponent(eventId)}/sync`,
		snapshot,
		{ Authorization: `Bearer ${key}` },
		fetcher
	);
	if (outcome.ok) return outcome;
	// With the event key, a 403 means this device holds another key than the one registered.
	if (outcome.status === 403) return { ok: false, failure: { kind: 'wrong_key' } };
	return { ok: false, failure: outcome.failure };
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
	const outcome = await post(
		`/api/events/${encodeURIComponent(eventId)}/report`,
		{ report },
		{},
		fetcher
	);
	return outcome.ok ? outcome : { ok: false, failure: outcome.failure };
}

type Posted =
	| { ok: true; answer: SyncAnswer }
	| { ok: false; failure: Exclude<SyncFailure, { kind: 'wrong_key' }>; status?: number };

/** POSTs JSON and reads a sync answer, or sorts the failure into what a person can act on. */
async function post(
	url: string,
	body: unknown,
	headers: Record<string, string>,
	fetcher: typeof fetch
): Promise<Posted> {
	let response: Response;
	try {
		response = await fetcher(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...headers },
			body: JSON.stringify(body),
			cache: 'no-store'
		});
	} catch {
		return { ok: false, failure: { kind: 'network' } };
	}
	const answer: unknown = await response.json().catch(() => null);
	// 429 (too many new events from this address) lifts by itself within the hour: retried with
	// backoff like a server error, never recorded as a refusal that waits for an edit.
	if (response.status >= 500 || response.status === 429 || answer === null) {
		return { ok: false, failure: { kind: 'server', status: response.status } };
	}
	if (!response.ok) {
		const error = (answer as { error?: { code?: unknown; message?: unknown; field?: unknown } })
			.error;
		const code = String(error?.code ?? response.status);
		const message = String(error?.message ?? '');
		const field = typeof error?.field === 'string' ? error.field : undefined;
		return {
			ok: false,
			status: response.status,
			failure: { kind: 'rejected', code, message, ...(field && { field }) }
		};
	}
	const parsed = parseSyncAnswer(answer);
	if (!parsed.ok) return { ok: false, failure: { kind: 'server', status: response.status } };
	return { ok: true, answer: parsed.value };
}
