import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** The events list (/organizer/events) and one event (/organizer/events/[id]). */
export const organizerEventsMessages = defineMessages(
	{
		findEvents: 'Find events',
		searchLabel: 'Name or city',
		provinceLabel: 'Province or territory',
		anyProvince: 'All',
		fromLabel: 'From',
		toLabel: 'To',
		dateHint: 'YYYY-MM-DD',
		showEvents: 'Show events',
		clearFilters: 'Clear',
		eventsShown: {
			one: '{count} event of {all}',
			other: '{count} events of {all}'
		},
		noEventMatches: 'No event matches. Try fewer words, another province or wider dates.',
		filterProblemFrom: 'The “from” date is not a date written YYYY-MM-DD, so it was left out.',
		filterProblemTo: 'The “to” date is not a date written YYYY-MM-DD, so it was left out.',
		filterProblemRange: 'The “from” date comes after the “to” date, so both were left out.',
		eventsTable: 'Events',
		sortedBy: '{column}, sorted {direction}',
		ascending: 'ascending',
		descending: 'descending',
		provincesListed: 'By province and territory, for the events listed',
		downloadListed: 'Download the events listed',

		allEvents: 'All events',
		venue: 'Venue',
		city: 'City',
		province: 'Province or territory',
		date: 'Date',
		firstSync: 'First sync',
		lastSync: 'Last sync',
		eventActions: 'Actions at this event',
		eventCases: 'Per case',
		eventCasesTable: 'Actions per case at this event, by kind',
		devices: 'Devices',
		devicesTable: 'What each device counted',
		device: 'Device',
		deviceName: 'Device {id}…',
		lastChange: 'Counts last changed',
		devicesNote:
			'A device is known only by the start of its random id. “Counts last changed” is when the server received this device’s latest new count or undo, not when it was tapped.',
		noDevices: 'No device has sent counts for this event yet.',
		unnamedEvent: '(no name)'
	},
	{
		findEvents: 'Trouver des événements',
		searchLabel: 'Nom ou ville',
		provinceLabel: 'Province ou territoire',
		anyProvince: 'Toutes',
		fromLabel: 'Du',
		toLabel: 'Au',
		dateHint: 'AAAA-MM-JJ',
		showEvents: 'Afficher',
		clearFilters: 'Effacer',
		eventsShown: {
			one: '{count} événement sur {all}',
			other: '{count} événements sur {all}'
		},
		noEventMatches: `Aucun événement ne correspond. Essayez moins de mots, une autre province ou des dates plus larges.`,
		filterProblemFrom: `La date «${NB}du${NB}» n’est pas écrite AAAA-MM-JJ${NB}; elle a été ignorée.`,
		filterProblemTo: `La date «${NB}au${NB}» n’est pas écrite AAAA-MM-JJ${NB}; elle a été ignorée.`,
		filterProblemRange: `La date «${NB}du${NB}» vient après la date «${NB}au${NB}»${NB}; les deux ont été ignorées.`,
		eventsTable: 'Événements',
		sortedBy: '{column}, tri {direction}',
		ascending: 'croissant',
		descending: 'décroissant',
		provincesListed: 'Par province et territoire, pour les événements affichés',
		downloadListed: 'Télécharger les événements affichés',

		allEvents: 'Tous les événements',
		venue: 'Lieu',
		city: 'Ville',
		province: 'Province ou territoire',
		date: 'Date',
		firstSync: 'Première synchro',
		lastSync: 'Dernière synchro',
		eventActions: 'Actions à cet événement',
		eventCases: 'Par cas',
		eventCasesTable: 'Actions par cas à cet événement, par type',
		devices: 'Appareils',
		devicesTable: 'Ce que chaque appareil a compté',
		device: 'Appareil',
		deviceName: 'Appareil {id}…',
		lastChange: 'Derniers chiffres reçus',
		devicesNote: `Un appareil n’est connu que par le début de son identifiant aléatoire. «${NB}Derniers chiffres reçus${NB}» indique quand le serveur a reçu le dernier ajout ou la dernière annulation de cet appareil, et non le moment où on a touché l’écran.`,
		noDevices: 'Aucun appareil n’a encore envoyé de chiffres pour cet événement.',
		unnamedEvent: '(sans nom)'
	}
);
