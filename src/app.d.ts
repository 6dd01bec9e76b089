// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Locale } from '$lib/shared/domain';
import type { OrganizerSession } from '$lib/server/auth/organizer/sessions';

declare global {
	namespace App {
		interface Error {
			code?: string;
		}
		interface Locals {
			/** The logged-in organizer, on /organizer requests only (hooks.server.ts). */
			organizer: OrganizerSession | null;
			/** The language of the page being rendered: from the path on participant pages, from
			 * the organizer's choice on organizer pages, else English. */
			lang: Locale;
		}
	}
}

export {};
