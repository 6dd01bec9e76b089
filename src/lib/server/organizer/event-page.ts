/**
 * One event as the organizers see it: its details, its figures per case and kind, and what each
 * device brought. Devices are named by the start of their random id: the server knows nothing
 * else about them.
 */
import { sql } from 'kysely';
import { byCodeUnits } from '$lib/shared/domain';
import type {
	CaseFigures,
	EventFigures,
	HeadCounts,
	KindFigures
} from '$lib/shared/organizer-figures';
import type { CaseNames } from './case-names';
import { readEventFigures } from './events';
import { readCases } from './national';
import type { Reader } from './read';
import { caseKindSums, headCountSums, headCounts, kindFigures, num } from './sums';

export interface DeviceFigures extends KindFigures, HeadCounts {
	deviceId: string;
	/**
	 * Server time of the latest sync that raised one of this device's counters: when its last
	 * new count reached the server, not when it was tapped (the device keeps that to itself).
	 */
	lastNewCountAt: number;
}

export interface EventDetail {
	event: EventFigures;
	cases: CaseFigures[];
	devices: DeviceFigures[];
}

export async function readEventDetail(
	trx: Reader,
	eventId: string,
	names: CaseNames
): Promise<EventDetail | null> {
	const [event] = await readEventFigures(trx, undefined, eventId);
	if (!event) return null;

	const cases = await readCases(trx, names, eventId);

	const deviceRows = await trx
		.selectFrom('counters as c')
		.select([
			'c.device_id',
			...caseKindSums(),
			...headCountSums(),
			sql<number>`max(c.updated_at)`.as('last_new_count_at')
		])
		.where('c.event_id', '=', eventId)
		.groupBy('c.device_id')
		.execute();
	const devices = deviceRows
		.map((row) => ({
			deviceId: row.device_id,
			...kindFigures(row),
			...headCounts(row),
			lastNewCountAt: num(row.last_new_count_at)
		}))
		.sort((a, b) => b.total - a.total || byCodeUnits(a.deviceId, b.deviceId));

	return { event, cases, devices };
}
