/**
 * The SQL that turns device counters into figures, written once and used by every query of the
 * read model. A key's total is the sum over devices of plus − minus (a device's undo raises its
 * minus); a figure per kind is that net summed over whatever the query groups by. The sums run
 * in the database, never over rows fetched into JavaScript.
 *
 * Every query aliases the counters table `c`. The sync refuses a case kind on `_event` and an
 * event kind on a case (docs/api.md, unknown_kind), so a kind alone says which side it counts.
 */
import { sql, type AliasedRawBuilder } from 'kysely';
import { CASE_KINDS, EVENT_CASE_ID, type CaseKind } from '$lib/shared/domain';
import type { HeadCounts, KindFigures } from '$lib/shared/organizer-figures';

const net = (condition: ReturnType<typeof sql>) =>
	sql<number>`coalesce(sum(case when ${condition} then c.plus - c.minus else 0 end), 0)`;

const kindIs = (kind: string) => sql`c.kind = ${sql.lit(kind)}`;

/** letter, card, petition, online and their total: what participants did for the cases. */
export function caseKindSums(): AliasedRawBuilder<number, CaseKind | 'total'>[] {
	const caseKinds = sql`c.kind in (${sql.join(CASE_KINDS.map((kind) => sql.lit(kind)))})`;
	return [...CASE_KINDS.map((kind) => net(kindIs(kind)).as(kind)), net(caseKinds).as('total')];
}

/** participants and first_timers: the head counts kept under the `_event` pseudo case. */
export function headCountSums(): AliasedRawBuilder<number, 'participants' | 'first_timers'>[] {
	return [
		net(kindIs('participants')).as('participants'),
		net(kindIs('firstTimers')).as('first_timers')
	];
}

/** `c.case_id <> '_event'`: counters of real cases only. */
export const isCaseCounter = sql<boolean>`c.case_id <> ${sql.lit(EVENT_CASE_ID)}`;

type SumRow = Partial<Record<CaseKind | 'total' | 'participants' | 'first_timers', unknown>>;

/** PostgreSQL hands sums back as bigint (parsed to numbers by open.ts); be strict anyway. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export function kindFigures(row: SumRow): KindFigures {
	return {
		letter: num(row.letter),
		card: num(row.card),
		petition: num(row.petition),
		online: num(row.online),
		total: num(row.total)
	};
}

export function headCounts(row: SumRow): HeadCounts {
	return { participants: num(row.participants), firstTimers: num(row.first_timers) };
}

export { num };
