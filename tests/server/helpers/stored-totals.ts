import type { AppDb } from '$lib/server/db';

export interface KeyTotal {
	case_id: string;
	kind: string;
	total: unknown;
}

/**
 * One event's running totals (counter_totals) and the same figures summed afresh over every
 * device's rows (counters): the invariant the sync keeps is that both agree.
 */
export async function runningAndSummed(
	db: AppDb,
	eventId: string
): Promise<{ running: KeyTotal[]; summed: KeyTotal[] }> {
	const running = await db.kysely
		.selectFrom('counter_totals')
		.select(['case_id', 'kind', 'total'])
		.where('event_id', '=', eventId)
		.execute();
	const summed = await db.kysely
		.selectFrom('counters')
		.select([
			'case_id',
			'kind',
			(eb) => eb.fn.sum<number>(eb('plus', '-', eb.ref('minus'))).as('total')
		])
		.where('event_id', '=', eventId)
		.groupBy(['case_id', 'kind'])
		.execute();
	return { running, summed };
}
