/**
 * PostgreSQL only: the common sync as ONE statement, `select letterday_sync_v1(...)`, so it costs
 * one round trip instead of eight (begin, touch, the device's rows, upsert, raise, bump, totals,
 * commit). sync-one-trip.ts calls it; migration 0009 creates it. Frozen once released, like the
 * migration that runs it: a change is a new function (letterday_sync_v2) in a new migration.
 *
 * It takes only the common case: a known event whose key hash matches, a device not removed (a
 * new one only under the cap), no public key to learn, details and contact that lose (or tie exactly) against the
 * stored ones: a device sends back the details of its last answer, or older ones it holds. Anything else returns NULL having changed nothing (it only locked the event's row,
 * released at once by the statement's commit) and the caller takes the multi-statement
 * transaction of sync-repo.ts, which handles and refuses everything.
 *
 * Same steps, same order, same semantics as sync-repo.ts's mergeCounters: the event's row is
 * locked FIRST, so the device's rows read after it are those no other sync of the event can
 * write meanwhile (a delta computed from a snapshot taken before the lock would count a racing
 * growth twice under READ COMMITTED; each statement of a plpgsql function takes a fresh
 * snapshot). A row that does not grow writes nothing; a new row is written even at 0/0, so its
 * key shows in the totals; totals that move get version + 1 and the check moves by
 * weight × growth modulo 2^31 − 1, the weights computed by the caller (totals-cursor.ts): the
 * same residue as adding them one by one, as `%` truncates toward zero in both JS and SQL.
 *
 * Returns JSON (one JSON.parse in Node): the totals version and check, device count, created_at
 * (the cursor's epoch), the stored details as [name, venue, city, province, date, updatedAt,
 * updatedBy], whether the totals are the full set, and the totals as [case_id, kind, total].
 */
export const SYNC_FUNCTION_V1 = `
create or replace function letterday_sync_v1(
	p_event_id text,
	p_key_hash text,
	p_device_id text,
	p_now bigint,
	-- name, venue, city, province, date, as sent, then their stamp.
	p_details text[],
	p_details_at bigint,
	p_details_by text,
	-- group_name, email (null: the request sent no contact), then their stamp.
	p_contact text[],
	p_contact_at bigint,
	p_contact_by text,
	-- Whether the request carries a public key: stored only by the slow path.
	p_has_public_key boolean,
	p_case_ids text[],
	p_kinds text[],
	p_plus integer[],
	p_minus integer[],
	p_weights bigint[],
	-- The request's cursor: the created_at its epoch names, and its version (null: none).
	p_cursor_created_at bigint,
	p_cursor_version bigint,
	-- The server's cap on devices per event, where the event has none of its own.
	p_max_devices integer
) returns json
language plpgsql
as $fn$
declare
	e record;
	v_moved bigint;
	v_sum numeric;
	v_version bigint;
	v_check bigint;
	v_since bigint;
	v_removed bigint;
	v_devices integer;
begin
	select key_hash, name, venue, city, province, date, details_updated_at, details_device_id,
		public_key, group_name, contact_email, contact_updated_at, contact_device_id, device_count,
		max_devices, created_at, totals_version, totals_check
	into e from events where id = p_event_id for update;
	if not found or e.key_hash <> p_key_hash then
		return null;
	end if;
	if p_has_public_key and e.public_key is null then
		return null;
	end if;
	-- The stored details win by stamp or tie exactly, so they stay (pickLatestDetails keeps
	-- them). Stamps order by time, then device id by UTF-16 code units: the sent id is a device
	-- id (sync-wire.ts: ASCII), and against an ASCII string byte order ("C") is the same order.
	if not (p_details_at < e.details_updated_at
		or (p_details_at = e.details_updated_at
			and p_details_by < e.details_device_id collate "C")
		or (p_details_at = e.details_updated_at and p_details_by = e.details_device_id
			and p_details = array[e.name, e.venue, e.city, e.province, e.date])) then
		return null;
	end if;
	if p_contact is not null and not (p_contact_at < e.contact_updated_at
		or (p_contact_at = e.contact_updated_at
			and p_contact_by < e.contact_device_id collate "C")
		or (p_contact_at = e.contact_updated_at and p_contact_by = e.contact_device_id
			and p_contact = array[e.group_name, e.contact_email])) then
		return null;
	end if;
	v_devices := e.device_count;
	select removed_at into v_removed from event_devices
		where event_id = p_event_id and device_id = p_device_id;
	if found and v_removed is not null then
		return null;
	elsif not found and cardinality(p_case_ids) > 0 then
		-- Its first counts for the event: counted against the cap (the full path refuses).
		if v_devices >= coalesce(e.max_devices, p_max_devices) then
			return null;
		end if;
		insert into event_devices (event_id, device_id, first_seen_at)
			values (p_event_id, p_device_id, p_now);
		v_devices := v_devices + 1;
	end if;

	with incoming as (
		select * from unnest(p_case_ids, p_kinds, p_plus, p_minus, p_weights)
			as i(case_id, kind, plus, minus, weight)
	), grown as (
		select i.case_id, i.kind, i.plus, i.minus, i.weight,
			greatest(0, i.plus - coalesce(c.plus, 0)) - greatest(0, i.minus - coalesce(c.minus, 0))
				as delta
		from incoming i left join counters c
			on c.event_id = p_event_id and c.device_id = p_device_id
				and c.case_id = i.case_id and c.kind = i.kind
		where c.case_id is null or i.plus > c.plus or i.minus > c.minus
	), upserted as (
		insert into counters (event_id, device_id, case_id, kind, plus, minus, updated_at)
		select p_event_id, p_device_id, case_id, kind, plus, minus, p_now
			from grown order by case_id, kind
		on conflict (event_id, device_id, case_id, kind) do update set
			plus = greatest(counters.plus, excluded.plus),
			minus = greatest(counters.minus, excluded.minus),
			updated_at = excluded.updated_at
		where excluded.plus > counters.plus or excluded.minus > counters.minus
	), raised as (
		insert into counter_totals (event_id, case_id, kind, total, version)
		select p_event_id, case_id, kind, delta, e.totals_version + 1
			from grown order by case_id, kind
		on conflict (event_id, case_id, kind) do update set
			total = counter_totals.total + excluded.total,
			version = excluded.version
	)
	select count(*), coalesce(sum((weight * delta) % 2147483647), 0) into v_moved, v_sum from grown;

	if v_moved > 0 then
		v_version := e.totals_version + 1;
		v_check := (((e.totals_check + v_sum) % 2147483647 + 2147483647) % 2147483647)::bigint;
	else
		v_version := e.totals_version;
		v_check := e.totals_check;
	end if;
	update events set last_sync_at = p_now, totals_version = v_version, totals_check = v_check,
		device_count = v_devices
		where id = p_event_id;

	-- Honoured only from the event's epoch and up to where its totals stand (sync-repo.ts).
	if p_cursor_created_at = e.created_at and p_cursor_version <= v_version then
		v_since := p_cursor_version;
	end if;
	return json_build_object(
		'version', v_version,
		'check', v_check,
		'devices', v_devices,
		'createdAt', e.created_at,
		'details', json_build_array(e.name, e.venue, e.city, e.province, e.date,
			e.details_updated_at, e.details_device_id),
		'full', v_since is null,
		'totals', coalesce((select json_agg(json_build_array(t.case_id, t.kind, t.total))
			from counter_totals t
			where t.event_id = p_event_id and (v_since is null or t.version > v_since)), '[]'));
end;
$fn$`;

/** The call: nineteen parameters, in the order above. */
export const CALL_SYNC_V1 = `select letterday_sync_v1(${Array.from({ length: 19 }, (_, i) => `$${i + 1}`).join(', ')}) as answer`;
