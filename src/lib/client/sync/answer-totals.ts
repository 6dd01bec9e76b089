/**
 * What an accepted answer does to the totals a device holds (docs/api.md, "Cursor"): a full set
 * replaces them, a delta is merged into them, and an answer older than what is held changes
 * nothing, as answers may arrive late (the page and the service worker both sync). A merged delta
 * must give the server's check, or the device's copy diverged (a server restored from a backup,
 * say): it asks for the full set.
 */
import { compareCounterKeys, counterKey } from '$lib/shared/counters';
import type { CounterTotal } from '$lib/shared/domain';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { parseCursor, totalsCheck } from '$lib/shared/totals-cursor';

export interface HeldTotals {
	totals: CounterTotal[];
	/** The cursor of the answer these totals came from; null or absent: none usable. */
	cursor?: string | null;
}

export type TotalsUpdate =
	| { kind: 'store'; totals: CounterTotal[]; cursor: string | null }
	/** Older than the totals held: keep those (and what goes with them). */
	| { kind: 'stale' }
	/** A delta that does not lead to the server's totals: ask for the full set. */
	| { kind: 'diverged' };

/**
 * `sentCursor` is the cursor the request carried: a delta is since that one, so it applies only
 * to totals held at that cursor or later (and not later than the answer).
 */
export function totalsAfter(
	held: HeldTotals | undefined,
	answer: Pick<SyncAnswer, 'totals' | 'full' | 'cursor' | 'check'>,
	sentCursor: string | undefined
): TotalsUpdate {
	const now = parseCursor(answer.cursor);
	const before = parseCursor(held?.cursor);
	if (now && before && now.epoch === before.epoch && now.version < before.version) {
		return { kind: 'stale' };
	}
	if (answer.full !== false) {
		return { kind: 'store', totals: answer.totals, cursor: answer.cursor ?? null };
	}
	const sent = parseCursor(sentCursor);
	if (
		!held ||
		!now ||
		!before ||
		!sent ||
		sent.epoch !== before.epoch ||
		before.epoch !== now.epoch ||
		sent.version > before.version
	) {
		return { kind: 'diverged' };
	}
	const merged = new Map(held.totals.map((total) => [counterKey(total.caseId, total.kind), total]));
	for (const total of answer.totals) merged.set(counterKey(total.caseId, total.kind), total);
	const totals = [...merged.values()].sort(compareCounterKeys);
	if (totalsCheck(totals) !== answer.check) return { kind: 'diverged' };
	return { kind: 'store', totals, cursor: answer.cursor ?? null };
}
