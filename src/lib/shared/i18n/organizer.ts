import type { Locale } from '../domain';
import { translate, type Params } from './catalog';
import { combineMessages } from './combine';
import { organizerDashboardMessages } from './organizer/dashboard';
import { organizerDevicesMessages } from './organizer/devices';
import { organizerEventsMessages } from './organizer/events';
import { organizerFiguresMessages } from './organizer/figures';
import { organizerFollowUpMessages } from './organizer/follow-up';
import { organizerJoinMessages } from './organizer/join';
import { organizerPacksMessages } from './organizer/packs';
import { organizerShellMessages } from './organizer/shell';
import { organizerTeamMessages } from './organizer/team';
import { organizerUpdatesMessages } from './organizer/updates';

/**
 * The organizer pages' strings, one file per area under ./organizer/. Server-rendered, so each
 * page gets the whole catalog; it is small next to what a dashboard shows.
 */
export const organizerMessages = combineMessages([
	organizerShellMessages,
	organizerFiguresMessages,
	organizerDashboardMessages,
	organizerEventsMessages,
	organizerFollowUpMessages,
	organizerJoinMessages,
	organizerTeamMessages,
	organizerPacksMessages,
	organizerDevicesMessages,
	organizerUpdatesMessages
]);

export type OrganizerMessageKey = keyof typeof organizerMessages.en;

/** A translator bound to one language, for a page's script: `const t = $derived(organizerT(data.lang))`. */
export function organizerT(lang: Locale) {
	return (key: OrganizerMessageKey, params?: Params) =>
		translate(organizerMessages, lang, key, params);
}
