import { defineMessages } from '../catalog';

/** The list of events (the details form has its own area, form.ts). */
export const eventsMessages = defineMessages(
	{
		eventsTitle: 'Your events',
		noEvents: 'No events on this device yet.',
		newEvent: 'New event',
		upcoming: 'Today and upcoming',
		past: 'Past events',
		eventSummary: '{date} · {venue}, {city}',
		archive: 'Archive',
		archiveOf: 'Archive “{name}”',
		unarchive: 'Unarchive',
		unarchiveOf: 'Unarchive “{name}”',
		archived: 'Archived ({count})',
		deleteEvent: 'Delete…',
		deleteEventOf: 'Delete “{name}”…',
		deletedNotice: '“{name}” was deleted from this device.',

		editEvent: 'Edit details',
		joinEvent: 'Join an event'
	},
	{
		eventsTitle: 'Vos événements',
		noEvents: 'Aucun événement sur cet appareil pour l’instant.',
		newEvent: 'Nouvel événement',
		upcoming: 'Aujourd’hui et à venir',
		past: 'Événements passés',
		eventSummary: '{date} · {venue}, {city}',
		archive: 'Archiver',
		archiveOf: 'Archiver «\u00a0{name}\u00a0»',
		unarchive: 'Désarchiver',
		unarchiveOf: 'Désarchiver «\u00a0{name}\u00a0»',
		archived: 'Archivés ({count})',
		deleteEvent: 'Supprimer…',
		deleteEventOf: 'Supprimer «\u00a0{name}\u00a0»…',
		deletedNotice: '«\u00a0{name}\u00a0» a été supprimé de cet appareil.',

		editEvent: 'Modifier les détails',
		joinEvent: 'Rejoindre un événement'
	}
);
