import { combineMessages } from './combine';
import { eventsMessages } from './host/events';
import { highlightLinkMessages } from './host/highlight-link';
import { shellMessages } from './host/shell';

/**
 * The strings every host screen may need, one file per area under ./host/. French follows
 * Canadian usage: « », a space before : ; ! ? Areas a single screen uses at length are left out
 * and load with that screen (`screenT` in $lib/client/state/t): SCREEN_AREAS.
 */
export const hostMessages = combineMessages([shellMessages, eventsMessages, highlightLinkMessages]);

export type HostMessageKey = keyof typeof hostMessages.en;

/**
 * Areas under ./host/ that load with the part that uses them, to keep the first load small: the
 * backup (Device status), the event form’s contact for the organizers, the event screen’s own
 * words (counting), the report screen, storage trouble (shown when storage fails), the projector
 * view, deleting an event (removal), the event details form (form), the tallies and event
 * screens' shared words (tally), the sync details (event screen, Device status) and the QR
 * screens (participants, co-host, joining).
 */
export const SCREEN_AREAS = [
	'backup',
	'contact',
	'counting',
	'report',
	'storage',
	'projector',
	'removal',
	'sync',
	'qr',
	'form',
	'tally',
	'thanks',
	'highlights'
] as const;
