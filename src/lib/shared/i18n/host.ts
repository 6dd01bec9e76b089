import { combineMessages } from './combine';
import { eventsMessages } from './host/events';
import { qrMessages } from './host/qr';
import { shellMessages } from './host/shell';
import { syncMessages } from './host/sync';
import { tallyMessages } from './host/tally';

/**
 * The strings every host screen may need, one file per area under ./host/. French follows
 * Canadian usage: « », a space before : ; ! ? Areas a single screen uses at length are left out
 * and load with that screen (`screenT` in $lib/client/state/t): SCREEN_AREAS.
 */
export const hostMessages = combineMessages([
	shellMessages,
	eventsMessages,
	tallyMessages,
	syncMessages,
	qrMessages
]);

export type HostMessageKey = keyof typeof hostMessages.en;

/**
 * Areas under ./host/ that load with the part that uses them, to keep the first load small: the
 * backup (Device status), the event form’s contact for the organizers, the event screen’s own
 * words (counting), the report screen, storage trouble (shown when storage fails), the projector
 * view, and deleting an event (removal).
 */
export const SCREEN_AREAS = [
	'backup',
	'contact',
	'counting',
	'report',
	'storage',
	'projector',
	'removal'
] as const;
