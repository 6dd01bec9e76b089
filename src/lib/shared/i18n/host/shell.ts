import { defineMessages } from '../catalog';

/**
 * The app around every screen (skip link, navigation, language switch, update prompt), the case
 * pack download, the case sheet screens and the first-time host's welcome.
 */
export const shellMessages = defineMessages(
	{
		appName: 'Letterday',
		skipToContent: 'Skip to content',
		navEvents: 'Events',
		navCases: 'Case sheets',
		navStatus: 'Device status',
		navEventsShort: 'Events',
		navCasesShort: 'Cases',
		navStatusShort: 'Device',
		switchLanguage: 'Français',
		switchLanguageShort: 'FR',
		switchLanguageLabel: 'Afficher en français',
		currentEvent: 'Event:',
		updateReady: 'A new version of Letterday is ready. Your counts are safe on this device.',
		updateNow: 'Update now',
		updateLater: 'Later',

		packReadyTitle: 'Ready for offline',
		packReady: {
			one: '{count} case sheet (edition {version}, {date}) is saved on this device: it opens with no network.',
			other:
				'{count} case sheets (edition {version}, {date}) are saved on this device: they open with no network.'
		},
		packChecking: 'Looking for the case sheets saved on this device…',
		packMissingTitle: 'Case sheets not downloaded yet',
		packMissing: 'Download the case sheets while you are online so they open with no network.',
		packDownload: 'Download case sheets',
		packRefresh: 'Check for updates',
		packDownloading: 'Downloading case sheets…',
		packDownloaded: 'Case sheets are up to date.',
		packFailed: 'Could not download the case sheets: {reason}. Check the connection and try again.',
		offlineNow: 'You are offline.',

		casesTitle: 'Case sheets',
		caseNotFound: 'This case sheet is not on this device.',
		backToCases: 'All case sheets',

		welcomeTitle: 'Welcome to Letterday',
		welcomeCreate: 'Before the day, while online: create your event.',
		welcomeOffline:
			'The case sheets download to this device at the same time, so they open with no network.',
		welcomeCount: 'On the day: open your event and tap to count each letter, card and signature.',
		welcomeDismiss: 'Got it'
	},
	{
		appName: 'Letterday',
		skipToContent: 'Aller au contenu',
		navEvents: 'Événements',
		navCases: 'Fiches des cas',
		navStatus: 'État de l’appareil',
		navEventsShort: 'Accueil',
		navCasesShort: 'Fiches',
		navStatusShort: 'Appareil',
		switchLanguage: 'English',
		switchLanguageShort: 'EN',
		switchLanguageLabel: 'Show in English',
		currentEvent: 'Événement\u00a0:',
		updateReady:
			'Une nouvelle version de Letterday est prête. Vos décomptes sont en sécurité sur cet appareil.',
		updateNow: 'Mettre à jour',
		updateLater: 'Plus tard',

		packReadyTitle: 'Prêt hors ligne',
		packReady: {
			one: '{count} fiche de cas (édition {version}, {date}) est enregistrée sur cet appareil\u00a0: elle s’ouvre sans réseau.',
			other:
				'{count} fiches de cas (édition {version}, {date}) sont enregistrées sur cet appareil\u00a0: elles s’ouvrent sans réseau.'
		},
		packChecking: 'Recherche des fiches enregistrées sur cet appareil…',
		packMissingTitle: 'Fiches des cas pas encore téléchargées',
		packMissing:
			'Téléchargez les fiches pendant que vous êtes en ligne pour les ouvrir sans réseau.',
		packDownload: 'Télécharger les fiches',
		packRefresh: 'Chercher une mise à jour',
		packDownloading: 'Téléchargement des fiches…',
		packDownloaded: 'Les fiches sont à jour.',
		packFailed:
			'Impossible de télécharger les fiches\u00a0: {reason}. Vérifiez la connexion et réessayez.',
		offlineNow: 'Vous êtes hors ligne.',

		casesTitle: 'Fiches des cas',
		caseNotFound: 'Cette fiche n’est pas sur cet appareil.',
		backToCases: 'Toutes les fiches',

		welcomeTitle: 'Bienvenue dans Letterday',
		welcomeCreate: 'Avant le jour J, en ligne\u00a0: créez votre événement.',
		welcomeOffline:
			'Les fiches des cas se téléchargent en même temps sur cet appareil\u00a0: elles s’ouvrent ensuite sans réseau.',
		welcomeCount:
			'Le jour J\u00a0: ouvrez votre événement et touchez pour compter chaque lettre, carte et signature.',
		welcomeDismiss: 'Compris'
	}
);
