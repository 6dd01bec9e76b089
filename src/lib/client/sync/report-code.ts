/**
 * The report by QR, made on the device from what the repos hold: this device's counters for one
 * event, signed with the event's key, cut into as many codes as it needs. No network involved.
 */
import type { CounterKind } from '$lib/shared/domain';
import { stampedDetailsOf } from '$lib/shared/event-details';
import { sha256Hex } from '$lib/shared/p256';
import { kindTotals, reportLinks, signReport } from '$lib/shared/report';
import type { CounterRow, EventRow } from '../db/rows';
import { deviceId } from '../repos/device';

export type ReportCode =
	| { ok: true; links: string[]; totals: Map<CounterKind, number>; bytes: number }
	| { ok: false; reason: 'no_signing_key' };

/**
 * `read` comes from repos/sync-state's readForSync, through a live query so the code follows
 * every tap; the signing happens outside it (a live query should await only Dexie).
 */
export async function reportCode(
	{ event, rows }: { event: EventRow; rows: CounterRow[] },
	origin: string
): Promise<ReportCode> {
	if (!event.signingKey) return { ok: false, reason: 'no_signing_key' };
	const counters = rows
		.filter((row) => row.plus > 0)
		.map(({ caseId, kind, plus, minus }) => ({ caseId, kind, plus, minus }));
	const payload = await signReport(
		{
			eventId: event.id,
			deviceId: await deviceId(),
			event: stampedDetailsOf(event),
			keyHash: await sha256Hex(event.key),
			counters
		},
		event.signingKey
	);
	return {
		ok: true,
		links: reportLinks(origin, payload),
		totals: kindTotals(counters),
		bytes: (payload.length * 3) / 4
	};
}
