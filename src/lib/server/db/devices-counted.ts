/**
 * The devices that counted for one event, for its host (GET /api/events/{eventId}/devices). Read
 * only from what the sync already writes: event_devices, counters and removed_counters.
 */
import { sql } from 'kysely';
import { EVENT_CASE_ID } from '$lib/shared/domain';
import type { CountedDevice } from '$lib/shared/devices-wire';
import type { AppDb } from './open';

interface Row {
	device_id: string;
	first_seen_at: number | string;
	removed_at: number | string | null;
	actions: number | string | null;
	last_count_at: number | string | null;
}

/**
 * Up to `limit` devices, first counted first. A removed device's rows live in removed_counters
 * and an active one's in counters (a removed device never writes again), so their union, read
 * by the primary keys' event prefix, holds each device's rows once.
 */
export async function readDevicesCounted(
	db: AppDb,
	eventId: string,
	limit: number
): Promise<CountedDevice[]> {
	const { rows } = await sql<Row>`
		select d.device_id, d.first_seen_at, d.removed_at, r.actions, r.last_count_at
		from event_devices d
		left join (
			select device_id,
				sum(case when case_id <> ${EVENT_CASE_ID} then plus - minus else 0 end) as actions,
				max(updated_at) as last_count_at
			from (
				select device_id, case_id, plus, minus, updated_at from counters where event_id = ${eventId}
				union all
				select device_id, case_id, plus, minus, updated_at from removed_counters
					where event_id = ${eventId}
			) as rows_of_event
			group by device_id
		) as r on r.device_id = d.device_id
		where d.event_id = ${eventId}
		order by d.first_seen_at, d.device_id
		limit ${limit}`.execute(db.kysely);
	return rows.map((row) => ({
		deviceId: row.device_id,
		firstCountedAt: Number(row.first_seen_at),
		lastCountAt: row.last_count_at === null ? null : Number(row.last_count_at),
		actions: Number(row.actions ?? 0),
		removed: row.removed_at !== null
	}));
}
