import { fail } from '@sveltejs/kit';
import { listOrganizers } from '$lib/server/auth/organizer/accounts';
import { cancelInvitations, listPendingInvitations } from '$lib/server/auth/organizer/one-time';
import { inviteOrganizer, revokeOrganizer } from '$lib/server/auth/organizer/team';
import { getDb } from '$lib/server/db';
import { emailErrors, field, type FieldErrors, readForm } from '$lib/server/organizer/forms';
import { normalizeEmail } from '$lib/shared/email';
import type { Actions, PageServerLoad } from './$types';

/** The gate has let only a logged-in organizer through (hooks.server.ts). */
const me = (locals: App.Locals) => locals.organizer!;

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const organizers = await listOrganizers(db);
	const emailOf = new Map(organizers.map((o) => [o.id, o.email]));
	const byEmail = (id: string | null) => (id ? (emailOf.get(id) ?? null) : null);
	const members = organizers.map((o) => ({
		id: o.id,
		email: o.email,
		since: o.createdAt,
		invitedBy: byEmail(o.invitedBy),
		revokedAt: o.revokedAt,
		me: o.id === me(locals).organizerId
	}));
	// ?revoke=<id> asks "are you sure?" (a GET changes nothing; the answer is a POST).
	const asked = url.searchParams.get('revoke');
	const confirmRevoke = members.find((m) => m.id === asked && !m.me && m.revokedAt === null);
	return {
		members,
		pending: (await listPendingInvitations(db)).map((invite) => ({
			email: invite.email,
			invitedBy: byEmail(invite.createdBy),
			expiresAt: invite.expiresAt
		})),
		confirmRevoke: confirmRevoke ? { id: confirmRevoke.id, email: confirmRevoke.email } : null
	};
};

export const actions: Actions = {
	invite: async ({ request, locals, url }) => {
		const email = field(await readForm(request), 'email').trim();
		const errors: FieldErrors = emailErrors(email, 'invite-email');
		if (Object.keys(errors).length > 0) return fail(400, { email, errors });
		const result = await inviteOrganizer(await getDb(), email, me(locals).organizerId);
		if (!result.ok) {
			return fail(400, { email, errors: { 'invite-email': 'teamInviteMember' } as FieldErrors });
		}
		// Only in this answer's body, never in a URL: the link's secret is after the #.
		return {
			invited: {
				email: normalizeEmail(email),
				link: `${url.origin}/organizer/invite#${result.token}`,
				expiresAt: result.expiresAt
			}
		};
	},

	cancel: async ({ request }) => {
		const email = normalizeEmail(field(await readForm(request), 'email'));
		await cancelInvitations(await getDb(), { email });
		return { cancelled: email };
	},

	revoke: async ({ request, locals }) => {
		const form = await readForm(request);
		const id = field(form, 'id', 100);
		const db = await getDb();
		const target = (await listOrganizers(db)).find((o) => o.id === id);
		const result = await revokeOrganizer(db, id, me(locals).organizerId);
		if (!result.ok || !target) {
			return fail(409, { revokeRefused: result.ok ? 'gone' : result.reason });
		}
		return { revoked: target.email };
	}
};
