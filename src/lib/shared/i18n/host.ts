import { combineMessages } from './combine';
import { backupMessages } from './host/backup';
import { eventsMessages } from './host/events';
import { qrMessages } from './host/qr';
import { reportMessages } from './host/report';
import { shellMessages } from './host/shell';
import { storageMessages } from './host/storage';
import { syncMessages } from './host/sync';
import { tallyMessages } from './host/tally';

/**
 * Every string of the host app, one file per area under ./host/. French follows Canadian usage:
 * « », a space before : ; ! ?
 */
export const hostMessages = combineMessages([
	shellMessages,
	eventsMessages,
	tallyMessages,
	syncMessages,
	qrMessages,
	storageMessages,
	backupMessages,
	reportMessages
]);

export type HostMessageKey = keyof typeof hostMessages.en;
