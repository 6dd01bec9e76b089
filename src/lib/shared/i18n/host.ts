import { defineMessages } from './catalog';

/** Every string of the host app. French follows Canadian usage: « », a space before : ; ! ? */
export const hostMessages = defineMessages(
	{
		appName: 'Letterday',
		skipToContent: 'Skip to content',
		navEvents: 'Events',
		navCases: 'Case sheets',
		navStatus: 'Device status',
		switchLanguage: 'Français',
		switchLanguageLabel: 'Afficher en français',
		updateReady: 'A new version of Letterday is ready. Your counts are safe on this device.',
		updateNow: 'Update now',
		updateLater: 'Later',

		packReadyTitle: 'Ready for offline',
		packReady: 'Case pack {version} of {date}, {count} cases, is on this device.',
		packMissingTitle: 'Case sheets not downloaded yet',
		packMissing: 'Download the case sheets while you are online so they open with no network.',
		packDownload: 'Download case sheets',
		packRefresh: 'Check for a newer case pack',
		packDownloading: 'Downloading case sheets…',
		packDownloaded: 'Case sheets are up to date.',
		packFailed: 'Could not download the case sheets: {reason}. Check the connection and try again.',
		offlineNow: 'You are offline.',

		eventsTitle: 'Your events',
		noEvents: 'No events on this device yet.',
		newEvent: 'New event',
		upcoming: 'Today and upcoming',
		past: 'Past events',
		eventSummary: '{date} · {venue}, {city}',

		newEventTitle: 'New event',
		newEventHelp: 'Everything is saved on this device. No network is needed.',
		fieldName: 'Event name',
		fieldVenue: 'Venue',
		fieldCity: 'City or town',
		fieldProvince: 'Province or territory',
		fieldDate: 'Date',
		fieldExpected: 'Expected attendance (optional)',
		fieldLang: 'Language of the event',
		chooseProvince: 'Choose…',
		required: 'Required.',
		expectedInvalid: 'Enter a whole number from 0 to 100,000.',
		formHasErrors: 'Please correct the fields marked below.',
		createEvent: 'Create event',

		eventNotFound: 'This event is not on this device.',
		backToEvents: 'Back to events',
		eventTotals: 'Event totals',
		thisDevice: 'this device',
		allDevices: 'all devices',
		headCounts: 'People',
		projector: 'Projector view',
		participantsQr: 'Participants QR',
		caseSheet: 'Read the case sheet',
		casesToCount: 'Letters and actions per case',
		noCasesYet: 'No case sheets on this device. Download them from the home screen first.',

		kind_letter: 'Appeal letters',
		kind_card: 'Solidarity cards',
		kind_petition: 'Petition signatures',
		kind_online: 'Online actions',
		kind_participants: 'Participants',
		kind_firstTimers: 'First-time participants',

		tallyAdd: 'Add one {kind} for {subject}; now {count}',
		tallyUndo: 'Take one back from {kind} for {subject}',
		tallyBatch: 'Add several',
		tallyBatchLabel: 'How many {kind} for {subject}',
		tallyBatchAdd: 'Add',
		tallyBatchInvalid: 'Enter a whole number from 1 to 500.',
		tallyAnnounce: '{kind} for {subject}: {count}',
		tallyEventSubject: 'this event',
		tallyAllDevices: 'all devices: {count}',
		tallyFailed: 'That count was not saved: {reason}',

		projectorTitle: 'Our letters so far',
		projectorTotal: { one: 'action for human rights', other: 'actions for human rights' },
		projectorPeople: { one: '{count} person writing', other: '{count} people writing' },
		projectorExit: 'Leave projector view',

		casesTitle: 'Case sheets',
		caseNotFound: 'This case sheet is not on this device.',
		backToCases: 'All case sheets',

		statusTitle: 'Device status',
		storagePersistent: 'Storage is persistent: the browser will not clear it to save space.',
		storageNotPersistent:
			'Storage is not persistent: the browser may clear it when space runs low. Install the app or sync often.',
		storageUnknown: 'This browser does not say whether storage is persistent.',
		storageUsage: '{usage} used of about {quota} available.',
		megabytes: '{size} MB',
		unsynced: { one: '{count} change not yet synced', other: '{count} changes not yet synced' },
		lastSync: 'Last sync: {when}',
		neverSynced: 'Not synced yet',
		serviceWorkerOn: 'Offline mode is on: every screen opens with no network.',
		serviceWorkerOff: 'Offline mode is not on yet. Open the app once while online.',
		syncTitle: 'Sync with the national count',
		syncNow: 'Sync now',
		syncing: 'Syncing…',
		changesWaiting: {
			one: '{count} change waiting to be sent',
			other: '{count} changes waiting to be sent'
		},
		allSent: 'Everything counted on this device has been sent.',
		syncedAt: 'Last synced: {when}',
		devicesCounting: {
			one: '{count} device counting for this event',
			other: '{count} devices counting for this event'
		},
		syncErr_network:
			'No connection to the Letterday server. Your counts are safe on this device and will be sent when the connection is back.',
		syncErr_wrong_key:
			'The server refused this device’s key for this event. Ask the host to show the co-host QR again and rejoin from it.',
		syncErr_server: 'The Letterday server had a problem. Letterday will try again by itself.',
		syncErr_rejected: 'The server refused these counts ({code}). Please tell the organizers.',
		offlineSyncLater: 'Offline: counts are saved here and will be sent later.',
		cohostQr: 'Co-host QR',
		cohostTitle: 'Invite a co-host',
		cohostHelp:
			'On the other device, open Letterday, choose “Join an event” and scan this code. It holds this event’s secret key: show it only to people counting with you.',
		cohostQrLabel: 'QR code to join {name} as a co-host',
		joinLinkLabel: 'Join link, to copy and paste',
		copy: 'Copy',
		copied: 'Copied.',
		participantsTitle: 'QR codes for participants',
		participantsHelp:
			'Participants scan a code to read the case sheets on their phone, nothing to install. These codes carry no key.',
		participantsListQr: 'QR code to the list of cases',
		caseQrLabel: 'QR code to the case sheet of {name}',
		printKit: 'Printable kit (every case sheet with its QR)',
		poster: 'Poster with the participants’ QR',
		joinEvent: 'Join an event',
		joinTitle: 'Join an event as a co-host',
		joinHelp:
			'Scan the co-host QR on the host’s screen, open a photo of it, or paste the join link. No network is needed.',
		scanStart: 'Scan with the camera',
		scanStop: 'Stop the camera',
		scanning: 'Point the camera at the co-host QR…',
		cameraVideoLabel: 'Camera view',
		cameraUnavailable:
			'The camera cannot be used here. Open a photo of the code or paste the link instead.',
		openPhoto: 'Open a photo of the code',
		joinUse: 'Use this link',
		joinInvalid: 'This is not a valid co-host code (wrong {reason}).',
		joinField_id: 'event id',
		joinField_key: 'event key',
		joinField_lang: 'language',
		joinField_device: 'device id',
		joinField_details: 'event details',
		noQrFound: 'No QR code found in that image. Try a sharper photo, taken straight on.',
		joinConfirm: 'Join “{name}”, {date}, {venue}, {city}?',
		joinButton: 'Join and start counting',
		joinOtherKey:
			'This device already has this event with a different key, so it cannot join it again.',
		deviceIdLabel: 'This device’s id: {id}'
	},
	{
		appName: 'Letterday',
		skipToContent: 'Aller au contenu',
		navEvents: 'Événements',
		navCases: 'Fiches des cas',
		navStatus: 'État de l’appareil',
		switchLanguage: 'English',
		switchLanguageLabel: 'Show in English',
		updateReady:
			'Une nouvelle version de Letterday est prête. Vos décomptes sont en sécurité sur cet appareil.',
		updateNow: 'Mettre à jour',
		updateLater: 'Plus tard',

		packReadyTitle: 'Prêt hors ligne',
		packReady: 'La trousse de cas {version} du {date}, {count} cas, est sur cet appareil.',
		packMissingTitle: 'Fiches des cas pas encore téléchargées',
		packMissing:
			'Téléchargez les fiches pendant que vous êtes en ligne pour les ouvrir sans réseau.',
		packDownload: 'Télécharger les fiches',
		packRefresh: 'Chercher une trousse plus récente',
		packDownloading: 'Téléchargement des fiches…',
		packDownloaded: 'Les fiches sont à jour.',
		packFailed:
			'Impossible de télécharger les fiches\u00a0: {reason}. Vérifiez la connexion et réessayez.',
		offlineNow: 'Vous êtes hors ligne.',

		eventsTitle: 'Vos événements',
		noEvents: 'Aucun événement sur cet appareil pour l’instant.',
		newEvent: 'Nouvel événement',
		upcoming: 'Aujourd’hui et à venir',
		past: 'Événements passés',
		eventSummary: '{date} · {venue}, {city}',

		newEventTitle: 'Nouvel événement',
		newEventHelp: 'Tout est enregistré sur cet appareil. Aucun réseau n’est nécessaire.',
		fieldName: 'Nom de l’événement',
		fieldVenue: 'Lieu',
		fieldCity: 'Ville ou village',
		fieldProvince: 'Province ou territoire',
		fieldDate: 'Date',
		fieldExpected: 'Participation prévue (facultatif)',
		fieldLang: 'Langue de l’événement',
		chooseProvince: 'Choisir…',
		required: 'Obligatoire.',
		expectedInvalid: 'Entrez un nombre entier de 0 à 100\u00a0000.',
		formHasErrors: 'Veuillez corriger les champs indiqués ci-dessous.',
		createEvent: 'Créer l’événement',

		eventNotFound: 'Cet événement n’est pas sur cet appareil.',
		backToEvents: 'Retour aux événements',
		eventTotals: 'Totaux de l’événement',
		thisDevice: 'cet appareil',
		allDevices: 'tous les appareils',
		headCounts: 'Personnes',
		projector: 'Vue projecteur',
		participantsQr: 'Code QR des participants',
		caseSheet: 'Lire la fiche du cas',
		casesToCount: 'Lettres et actions par cas',
		noCasesYet: 'Aucune fiche sur cet appareil. Téléchargez-les d’abord depuis l’écran d’accueil.',

		kind_letter: 'Lettres d’appel',
		kind_card: 'Cartes de solidarité',
		kind_petition: 'Signatures de pétition',
		kind_online: 'Actions en ligne',
		kind_participants: 'Participants',
		kind_firstTimers: 'Nouveaux participants',

		tallyAdd: 'Ajouter un à {kind} pour {subject}\u00a0; total {count}',
		tallyUndo: 'Retirer un de {kind} pour {subject}',
		tallyBatch: 'Ajouter plusieurs',
		tallyBatchLabel: 'Combien de {kind} pour {subject}',
		tallyBatchAdd: 'Ajouter',
		tallyBatchInvalid: 'Entrez un nombre entier de 1 à 500.',
		tallyAnnounce: '{kind} pour {subject}\u00a0: {count}',
		tallyEventSubject: 'cet événement',
		tallyAllDevices: 'tous les appareils\u00a0: {count}',
		tallyFailed: 'Ce décompte n’a pas été enregistré\u00a0: {reason}',

		projectorTitle: 'Nos lettres jusqu’ici',
		projectorTotal: {
			one: 'action pour les droits humains',
			other: 'actions pour les droits humains'
		},
		projectorPeople: { one: '{count} personne écrit', other: '{count} personnes écrivent' },
		projectorExit: 'Quitter la vue projecteur',

		casesTitle: 'Fiches des cas',
		caseNotFound: 'Cette fiche n’est pas sur cet appareil.',
		backToCases: 'Toutes les fiches',

		statusTitle: 'État de l’appareil',
		storagePersistent:
			'Le stockage est persistant\u00a0: le navigateur ne l’effacera pas pour faire de la place.',
		storageNotPersistent:
			'Le stockage n’est pas persistant\u00a0: le navigateur peut l’effacer si l’espace manque. Installez l’application ou synchronisez souvent.',
		storageUnknown: 'Ce navigateur n’indique pas si le stockage est persistant.',
		storageUsage: '{usage} utilisés sur environ {quota} disponibles.',
		megabytes: '{size}\u00a0Mo',
		unsynced: {
			one: '{count} changement pas encore synchronisé',
			other: '{count} changements pas encore synchronisés'
		},
		lastSync: 'Dernière synchronisation\u00a0: {when}',
		neverSynced: 'Pas encore synchronisé',
		serviceWorkerOn: 'Le mode hors ligne est actif\u00a0: chaque écran s’ouvre sans réseau.',
		serviceWorkerOff:
			'Le mode hors ligne n’est pas encore actif. Ouvrez l’application une fois en ligne.',
		syncTitle: 'Synchroniser avec le décompte national',
		syncNow: 'Synchroniser maintenant',
		syncing: 'Synchronisation…',
		changesWaiting: {
			one: '{count} changement en attente d’envoi',
			other: '{count} changements en attente d’envoi'
		},
		allSent: 'Tout ce qui a été compté sur cet appareil a été envoyé.',
		syncedAt: 'Dernière synchronisation\u00a0: {when}',
		devicesCounting: {
			one: '{count} appareil compte pour cet événement',
			other: '{count} appareils comptent pour cet événement'
		},
		syncErr_network:
			'Aucune connexion au serveur Letterday. Vos décomptes sont en sécurité sur cet appareil et seront envoyés au retour de la connexion.',
		syncErr_wrong_key:
			'Le serveur a refusé la clé de cet appareil pour cet événement. Demandez à l’hôte d’afficher de nouveau le code QR de coanimation et rejoignez l’événement.',
		syncErr_server: 'Le serveur Letterday a eu un problème. Letterday réessaiera de lui-même.',
		syncErr_rejected:
			'Le serveur a refusé ces décomptes ({code}). Veuillez prévenir les organisateurs.',
		offlineSyncLater:
			'Hors ligne\u00a0: les décomptes sont enregistrés ici et seront envoyés plus tard.',
		cohostQr: 'Code QR de coanimation',
		cohostTitle: 'Inviter un coanimateur',
		cohostHelp:
			'Sur l’autre appareil, ouvrez Letterday, choisissez «\u00a0Rejoindre un événement\u00a0» et balayez ce code. Il contient la clé secrète de l’événement\u00a0: montrez-le seulement aux personnes qui comptent avec vous.',
		cohostQrLabel: 'Code QR pour rejoindre {name} comme coanimateur',
		joinLinkLabel: 'Lien d’invitation, à copier et coller',
		copy: 'Copier',
		copied: 'Copié.',
		participantsTitle: 'Codes QR pour les participants',
		participantsHelp:
			'Les participants balayent un code pour lire les fiches sur leur téléphone, sans rien installer. Ces codes ne contiennent aucune clé.',
		participantsListQr: 'Code QR vers la liste des cas',
		caseQrLabel: 'Code QR vers la fiche de {name}',
		printKit: 'Trousse à imprimer (chaque fiche avec son code QR)',
		poster: 'Affiche avec le code QR des participants',
		joinEvent: 'Rejoindre un événement',
		joinTitle: 'Rejoindre un événement comme coanimateur',
		joinHelp:
			'Balayez le code QR de coanimation sur l’écran de l’hôte, ouvrez-en une photo ou collez le lien d’invitation. Aucun réseau n’est nécessaire.',
		scanStart: 'Balayer avec la caméra',
		scanStop: 'Arrêter la caméra',
		scanning: 'Pointez la caméra vers le code QR de coanimation…',
		cameraVideoLabel: 'Image de la caméra',
		cameraUnavailable:
			'La caméra n’est pas utilisable ici. Ouvrez plutôt une photo du code ou collez le lien.',
		openPhoto: 'Ouvrir une photo du code',
		joinUse: 'Utiliser ce lien',
		joinInvalid: 'Ce code de coanimation n’est pas valide (champ fautif\u00a0: {reason}).',
		joinField_id: 'identifiant de l’événement',
		joinField_key: 'clé de l’événement',
		joinField_lang: 'langue',
		joinField_device: 'identifiant de l’appareil',
		joinField_details: 'détails de l’événement',
		noQrFound:
			'Aucun code QR trouvé dans cette image. Essayez une photo plus nette, prise de face.',
		joinConfirm: 'Rejoindre «\u00a0{name}\u00a0», {date}, {venue}, {city}\u00a0?',
		joinButton: 'Rejoindre et commencer à compter',
		joinOtherKey:
			'Cet appareil a déjà cet événement avec une autre clé\u00a0; il ne peut pas le rejoindre de nouveau.',
		deviceIdLabel: 'Identifiant de cet appareil\u00a0: {id}'
	}
);

export type HostMessageKey = keyof typeof hostMessages.en;
