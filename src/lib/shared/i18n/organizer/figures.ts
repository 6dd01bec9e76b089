import { defineMessages } from '../catalog';
import { tallyMessages } from '../host/tally';

/** The kinds' names are the hosts' own words (host/tally.ts), so both sides say the same. */
const kinds = (lang: 'en' | 'fr') => ({
	kind_letter: tallyMessages[lang].kind_letter,
	kind_card: tallyMessages[lang].kind_card,
	kind_petition: tallyMessages[lang].kind_petition,
	kind_online: tallyMessages[lang].kind_online,
	kind_participants: tallyMessages[lang].kind_participants,
	kind_firstTimers: tallyMessages[lang].kind_firstTimers
});

/** Words every organizer page with figures shares: table columns, the live update, downloads. */
export const organizerFiguresMessages = defineMessages(
	{
		...kinds('en'),
		col_case: 'Case',
		col_event: 'Event',
		col_city: 'City',
		col_province: 'Province',
		col_provinceShort: 'Prov.',
		col_date: 'Date',
		col_devices: 'Devices',
		col_participants: 'Participants',
		col_firstTimers: 'First-timers',
		col_letter: 'Letters',
		col_card: 'Cards',
		col_petition: 'Petitions',
		col_online: 'Online',
		col_total: 'Total',
		col_events: 'Events',
		col_lastSyncAt: 'Last sync',
		col_name: 'Event',
		tableScrolls: '{table} (scrolls sideways)',

		figuresAsOf: 'Figures as of {time}.',
		liveNote: 'New syncs show here by themselves.',
		liveUpdated: 'New counts arrived. Figures updated at {time}.',
		liveLoggedOut: 'Your session has ended. Reload the page to log in again and see new counts.',

		downloads: 'Downloads',
		downloadCsv: 'CSV',
		downloadJson: 'JSON',
		downloadsNote:
			'CSV opens in a spreadsheet (UTF-8). JSON has the same fields, for programs. Case names are in English.',

		errorTitle: 'Something went wrong',
		errorBody: 'The figures could not be read. Try again in a moment.',
		notFoundTitle: 'Not found',
		notFoundBody: 'There is nothing at this address.',
		backToDashboard: 'Back to the national count'
	},
	{
		...kinds('fr'),
		col_case: 'Cas',
		col_event: 'Événement',
		col_city: 'Ville',
		col_province: 'Province',
		col_provinceShort: 'Prov.',
		col_date: 'Date',
		col_devices: 'Appareils',
		col_participants: 'Participants',
		col_firstTimers: 'Nouveaux',
		col_letter: 'Lettres',
		col_card: 'Cartes',
		col_petition: 'Pétitions',
		col_online: 'En ligne',
		col_total: 'Total',
		col_events: 'Événements',
		col_lastSyncAt: 'Dernière synchro',
		col_name: 'Événement',
		tableScrolls: '{table} (défile de côté)',

		figuresAsOf: 'Chiffres en date de {time}.',
		liveNote: 'Les nouvelles synchronisations s’affichent ici d’elles-mêmes.',
		liveUpdated: 'De nouveaux chiffres sont arrivés. Mise à jour à {time}.',
		liveLoggedOut:
			'Votre session a pris fin. Rechargez la page pour vous reconnecter et voir les nouveaux chiffres.',

		downloads: 'Téléchargements',
		downloadCsv: 'CSV',
		downloadJson: 'JSON',
		downloadsNote:
			'Le CSV s’ouvre dans un tableur (UTF-8). Le JSON a les mêmes champs, pour les programmes. Les noms des cas sont en français.',

		errorTitle: 'Un problème est survenu',
		errorBody: 'Les chiffres n’ont pas pu être lus. Réessayez dans un instant.',
		notFoundTitle: 'Page introuvable',
		notFoundBody: 'Il n’y a rien à cette adresse.',
		backToDashboard: 'Retour au bilan national'
	}
);
