import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** The follow-up lists (/organizer/follow-up); docs/organizers.md defines them. */
export const organizerFollowUpMessages = defineMessages(
	{
		navFollowUp: 'Follow-up',
		awaitingTitle: 'No report since the event',
		awaitingHelp:
			'Events whose day is over (midnight has passed where they are held) with no sync since. Their last counts may still be on a device: ask the host to open Letterday once while online.',
		awaitingNone: 'None: every event whose day is over has synced since.',
		awaitingTable: 'Events with no report since their day',
		silentTitle: {
			one: 'No sync for {count} day or more',
			other: 'No sync for {count} days or more'
		},
		silentHelp: 'Events the server has not heard from for that long, whatever their date.',
		silentNone: 'None.',
		silentTable: 'Events with no sync for {days} days or more',
		silentDaysLabel: 'Days without a sync',
		silentDaysHint: 'A whole number from 1 to 365.',
		silentDaysShow: 'Show',
		silentDaysInvalid: 'Enter a whole number of days from 1 to 365. The list shows 7 days.',
		col_group: 'Group',
		col_contact: 'Contact',
		sinceEvent: { one: '{count} day ago', other: '{count} days ago' }
	},
	{
		navFollowUp: 'Suivi',
		awaitingTitle: 'Rien reçu depuis l’événement',
		awaitingHelp: `Les événements dont la journée est finie (minuit est passé là où ils ont lieu) et qui n’ont pas été synchronisés depuis. Leurs derniers chiffres sont peut-être encore sur un appareil${NB}: demandez à l’hôte d’ouvrir Letterday une fois en ligne.`,
		awaitingNone: `Aucun${NB}: chaque événement dont la journée est finie a été synchronisé depuis.`,
		awaitingTable: 'Événements sans nouvelles depuis leur journée',
		silentTitle: {
			one: 'Aucune synchro depuis {count} jour ou plus',
			other: 'Aucune synchro depuis {count} jours ou plus'
		},
		silentHelp: `Les événements dont le serveur n’a pas eu de nouvelles depuis ce temps, quelle que soit leur date.`,
		silentNone: 'Aucun.',
		silentTable: 'Événements sans synchro depuis {days} jours ou plus',
		silentDaysLabel: 'Jours sans synchro',
		silentDaysHint: 'Un nombre entier de 1 à 365.',
		silentDaysShow: 'Afficher',
		silentDaysInvalid: `Entrez un nombre entier de jours de 1 à 365. La liste montre 7${NB}jours.`,
		col_group: 'Groupe',
		col_contact: 'Contact',
		sinceEvent: { one: 'il y a {count} jour', other: 'il y a {count} jours' }
	}
);
