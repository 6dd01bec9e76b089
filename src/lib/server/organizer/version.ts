/**
 * A short version of everything the organizer pages show, for the live update: pages poll it
 * (GET /organizer/api/version) and reload their data when it moves. Every sync and every relayed
 * report stamps its event's last_sync_at, and every new event adds a row, so the count, the
 * latest stamp and the SUM of the stamps change with any of them. The sum matters: two syncs in
 * two transactions can commit out of stamp order, leaving the latest stamp unchanged. An
 * organizer removing a device's counts or setting an event's device cap stamps nothing, so the
 * devices counting and the caps are in it too.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Reader } from './read';

export async function readVersion(trx: Reader): Promise<string> {
	const row = await trx
		.selectFrom('events')
		.select([
			sql<number>`count(*)`.as('events'),
			sql<number | null>`max(last_sync_at)`.as('latest'),
			// As text: a sum of millisecond stamps passes 2^53 at a few thousand events.
			sql<string>`cast(coalesce(sum(last_sync_at), 0) as text)`.as('stamps'),
			sql<string>`cast(coalesce(sum(device_count), 0) as text)`.as('devices'),
			sql<string>`cast(coalesce(sum(max_devices), 0) as text)`.as('caps')
		])
		.executeTakeFirstOrThrow();
	return createHash('sha256')
		.update(`${row.events}:${row.latest ?? 0}:${row.stamps}:${row.devices}:${row.caps}`)
		.digest('base64url')
		.slice(0, 22);
}
