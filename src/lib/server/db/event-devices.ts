/**
 * What organizers may do about the devices counting for an event: take one device's counts out
 * (a made-up device, a phone that counted the wrong event) and set the event's own device cap.
 */
import { sql } from 'kysely';
import { MAX_DEVICES_CEILING } from '$lib/server/sync/limits';
import { EVENT_CASE_ID } from '$lib/shared/domain';
import { addToCheck } from '$lib/shared/totals-cursor';
import type { AppDb } from './open';
import { rawWriteTransaction } from './transaction';

export type RemoveDeviceResult = 'removed' | 'unknown' | 'already_removed';

/**
 * In ONE transaction: lowers the event's running totals by the device's plus - minus, moves its
 * rows from counters to removed_counters (so nothing sums them any more, yet they are kept),
 * marks it removed with who and when, and counts one device fewer; the totals it lowers take the
 * event's next totals version, so devices' cursors see them move. Its later syncs are refused
 * (device_removed), since a max-merge of its snapshot would add everything back.
 */
export async function removeDevice(
	db: AppDb,
	eventId: string,
	deviceId: string,
	organizerId: string,
	now: number
): Promise<RemoveDeviceResult> {
	const k = db.kysely;
	return rawWriteTransaction(db, async (run) => {
		// A no-op write that locks the event's row on PostgreSQL, as a sync's touch does: a sync of
		// this event waits until the removal commits, then finds the device removed.
		const [locked] = await run<{ totals_version: number | string; totals_check: number | string }>(
			sql`update events set device_count = device_count where id = ${eventId}
				returning totals_version, totals_check`.compile(k)
		);
		if (!locked) return 'unknown';
		const [device] = await run<{ removed_at: number | null }>(
			k
				.selectFrom('event_devices')
				.select('removed_at')
				.where('event_id', '=', eventId)
				.where('device_id', '=', deviceId)
				.compile()
		);
		if (!device) return 'unknown';
		if (device.removed_at !== null) return 'already_removed';
		const mine = (alias: string) =>
			sql`${sql.ref(`${alias}.event_id`)} = counter_totals.event_id
				and ${sql.ref(`${alias}.case_id`)} = counter_totals.case_id
				and ${sql.ref(`${alias}.kind`)} = counter_totals.kind
				and ${sql.ref(`${alias}.device_id`)} = ${deviceId}`;
		const rows = await run<{ case_id: string; kind: string; plus: number; minus: number }>(
			k
				.selectFrom('counters')
				.select(['case_id', 'kind', 'plus', 'minus'])
				.where('event_id', '=', eventId)
				.where('device_id', '=', deviceId)
				.compile()
		);
		const version = Number(locked.totals_version) + 1;
		let check = Number(locked.totals_check);
		for (const row of rows) check = addToCheck(check, row.case_id, row.kind, row.minus - row.plus);
		await run(
			sql`update counter_totals
				set total = total - (select c.plus - c.minus from counters c where ${mine('c')}),
					version = ${version}
				where event_id = ${eventId}
					and exists (select 1 from counters d where ${mine('d')})`.compile(k)
		);
		await run(
			sql`update events set totals_version = ${version}, totals_check = ${check}
				where id = ${eventId}`.compile(k)
		);
		await run(
			sql`insert into removed_counters (event_id, device_id, case_id, kind, plus, minus, updated_at)
				select event_id, device_id, case_id, kind, plus, minus, updated_at from counters
				where event_id = ${eventId} and device_id = ${deviceId}`.compile(k)
		);
		await run(
			k
				.deleteFrom('counters')
				.where('event_id', '=', eventId)
				.where('device_id', '=', deviceId)
				.compile()
		);
		await run(
			k
				.updateTable('event_devices')
				.set({ removed_at: now, removed_by: organizerId })
				.where('event_id', '=', eventId)
				.where('device_id', '=', deviceId)
				.compile()
		);
		await run(
			sql`update events set device_count = device_count - 1 where id = ${eventId}`.compile(k)
		);
		return 'removed';
	});
}

/** The event's own device cap (null: the server's MAX_DEVICES_PER_EVENT). False: no such event
 * or a cap out of range (1 to MAX_DEVICES_CEILING). */
export async function setDeviceCap(
	db: AppDb,
	eventId: string,
	cap: number | null
): Promise<boolean> {
	if (cap !== null && (!Number.isSafeInteger(cap) || cap < 1 || cap > MAX_DEVICES_CEILING)) {
		return false;
	}
	const result = await db.kysely
		.updateTable('events')
		.set({ max_devices: cap })
		.where('id', '=', eventId)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

export interface RemovedDevice {
	deviceId: string;
	removedAt: number;
	removedBy: string | null;
	/** Sum of plus - minus over its removed rows of cases: the actions it had counted (head
	 * counts apart, as in the devices table's total). */
	total: number;
}

/** The devices removed from an event, latest first, with who removed them (an email). */
export async function readRemovedDevices(
	db: Pick<AppDb['kysely'], 'selectFrom'>,
	eventId: string
): Promise<RemovedDevice[]> {
	const rows = await db
		.selectFrom('event_devices as d')
		.leftJoin('organizers as o', 'o.id', 'd.removed_by')
		.select([
			'd.device_id',
			'd.removed_at',
			'o.email',
			sql<number | string>`(select coalesce(sum(r.plus - r.minus), 0) from removed_counters r
				where r.event_id = d.event_id and r.device_id = d.device_id
					and r.case_id <> ${EVENT_CASE_ID})`.as('total')
		])
		.where('d.event_id', '=', eventId)
		.where('d.removed_at', 'is not', null)
		.orderBy('d.removed_at', 'desc')
		.execute();
	return rows.map((row) => ({
		deviceId: row.device_id,
		removedAt: Number(row.removed_at),
		removedBy: row.email ?? null,
		total: Number(row.total)
	}));
}
