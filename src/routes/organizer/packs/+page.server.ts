/**
 * /organizer/packs: the packs published so far, and an upload that publishes a new one. The form
 * is a plain multipart POST (works without JavaScript; use:enhance improves it). The gate in
 * hooks.server.ts has checked the session and the request's origin already.
 */
import { error, fail } from '@sveltejs/kit';
import { readForm } from '$lib/server/organizer/forms';
import { listOrganizers } from '$lib/server/auth/organizer/accounts';
import { listPublishedPacks, publishCasePack } from '$lib/server/case-pack';
import { getDb } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

/** Far above any real pack (the 13-case sample is 60 KB; 100 cases stay under 500 KB), and under
 * adapter-node's default BODY_SIZE_LIMIT (512K), so the page, not the server, says "too big". */
const MAX_PACK_BYTES = 500 * 1024;

export const load: PageServerLoad = async () => {
	const db = await getDb();
	const [packs, organizers] = await Promise.all([listPublishedPacks(db), listOrganizers(db)]);
	const emails = new Map(organizers.map((organizer) => [organizer.id, organizer.email]));
	return {
		packs: packs.map(({ id, version, publishedAt, publishedBy, caseCount, active }) => ({
			id,
			version,
			publishedAt,
			caseCount,
			active,
			...publisher(publishedBy, emails)
		}))
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		if (!locals.organizer) error(401, 'Log in as an organizer');
		const file = (await readForm(request)).get('pack');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { problem: 'noFile' as const });
		}
		if (file.size > MAX_PACK_BYTES) {
			return fail(413, { problem: 'tooBig' as const, size: MAX_PACK_BYTES });
		}
		const result = await publishCasePack(
			await getDb(),
			await file.text(),
			locals.organizer.organizerId
		);
		if (!result.ok) return fail(400, { problem: 'invalid' as const, issues: result.issues });
		return {
			published: { status: result.status, version: result.version, count: result.caseCount }
		};
	}
};

/** 'seed' and 'file' are words for the page to translate; an organizer shows by email (by id
 * if the account is gone). */
function publisher(publishedBy: string, emails: ReadonlyMap<string, string>) {
	return publishedBy === 'seed' || publishedBy === 'file'
		? { by: publishedBy, organizer: null }
		: { by: 'organizer' as const, organizer: emails.get(publishedBy) ?? publishedBy };
}
