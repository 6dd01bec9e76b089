import { error, fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readRemovedDevices, removeDevice, setDeviceCap } from '$lib/server/db/event-devices';
import { field } from '$lib/server/organizer/forms';
import { countEventHighlights } from '$lib/server/organizer/highlights';
import { readEventPage } from '$lib/server/organizer/pages';
import { limitsFromEnv, MAX_DEVICES_CEILING } from '$lib/server/sync/limits';
import { isId } from '$lib/shared/ids';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDb();
	const page = isId(params.id) ? await readEventPage(db, params.id, locals.lang, Date.now()) : null;
	if (!page) error(404, { message: 'No such event', code: 'not_found' });
	const limits = await db.kysely
		.selectFrom('events')
		.select(['device_count', 'max_devices'])
		.where('id', '=', params.id)
		.executeTakeFirst();
	const serverCap = limitsFromEnv().maxDevicesPerEvent;
	// ?remove=<device id> asks "are you sure?" (a GET changes nothing; the answer is a POST).
	const asked = url.searchParams.get('remove');
	const confirm = page.devices.find((device) => device.deviceId === asked);
	return {
		...page,
		removed: await readRemovedDevices(db.kysely, params.id),
		highlights: await countEventHighlights(db, params.id),
		cap: {
			own: limits?.max_devices ?? null,
			server: serverCap,
			counting: Number(limits?.device_count ?? 0),
			max: MAX_DEVICES_CEILING
		},
		confirmRemove: confirm ? { deviceId: confirm.deviceId, total: confirm.total } : null
	};
};

/** The gate has let only a logged-in organizer through, from this origin (hooks.server.ts). */
export const actions: Actions = {
	removeDevice: async ({ request, params, locals }) => {
		const deviceId = field(await request.formData(), 'device', 100);
		const result = isId(deviceId)
			? await removeDevice(
					await getDb(),
					params.id,
					deviceId,
					locals.organizer!.organizerId,
					Date.now()
				)
			: 'unknown';
		if (result !== 'removed') return fail(409, { removeRefused: true });
		return { removedDevice: deviceId };
	},

	setCap: async ({ request, params }) => {
		const text = field(await request.formData(), 'cap', 20).trim();
		const cap = text === '' ? null : /^\d+$/.test(text) ? Number(text) : NaN;
		const saved =
			cap === null || Number.isFinite(cap)
				? await setDeviceCap(await getDb(), params.id, cap)
				: false;
		if (!saved) return fail(400, { cap: text, capWrong: true });
		return { capSaved: cap };
	}
};
