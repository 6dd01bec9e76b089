import { defineMessages } from '../catalog';

/** Sync and the device status screen: storage, offline mode, what is waiting to be sent. */
export const syncMessages = defineMessages(
	{
		relayedWaiting: {
			one: '{count} imported count waiting to be sent',
			other: '{count} imported counts waiting to be sent'
		},
		relayedRefused: 'The server refused imported counts ({code}). Please tell the organizers.',

		statusTitle: 'Device status',
		storagePersistent: 'Storage is persistent: the browser will not clear it to save space.',
		storageNotPersistent:
			'Storage is not persistent: the browser may clear it when space runs low. Install the app from the browser’s menu, and sync or save a backup often.',
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
			'Another device registered this event on the server before this one did, so the server refuses this device’s counts. They are safe here.',
		moveEventWhy:
			'To send them, move them to a new event. If you host this event, move it here, then show your co-hosts the new co-host QR. If you co-host it, ask the host to do so, then join from the new QR.',
		moveEvent: 'Move the counts to a new event',
		moveEventConfirm:
			'This makes a new event with the same details and moves every count this device holds for “{name}” into it. This event then leaves this device. Co-hosts join the new event from its co-host QR, and their counts move with them.',
		moveEventYes: 'Move the counts',
		moveEventCancel: 'Cancel',
		moveEventFailed: 'The counts could not be moved. Nothing changed; try again.',
		syncErr_server: 'The Letterday server had a problem. Letterday will try again by itself.',
		syncErr_rejected:
			'The server refused these counts ({code}). They are safe on this device. Please tell the organizers; tap “Sync now” to try again.',
		syncErr_bad_event:
			'The server refused this event’s {field}. Edit the event to fix it: your counts are safe on this device and are sent as soon as it is fixed.',
		syncErr_unsupported_format:
			'This version of Letterday is older than the server’s. Reload the app while online to update it; your counts are safe on this device.',
		syncErr_unknown_case:
			'The server no longer counts one of the cases counted on this device. Your counts are safe here; please tell the organizers.',
		syncErr_device_removed:
			'An organizer took this device’s counts out of this event: the server refuses everything it sends from now on, for good. Everything counted here stays on this device. Please talk to the organizers.',
		syncErr_too_many_devices:
			'This event already counts as many devices as the server accepts for it, so these counts were not added. They are safe on this device. The organizers can raise the limit; then tap “Sync now”.',
		refusedField_name: 'name',
		refusedField_venue: 'venue',
		refusedField_city: 'city or town',
		refusedField_province: 'province or territory',
		refusedField_date: 'date',
		refusedField_groupName: 'group name',
		refusedField_email: 'contact email',
		refusedField_other: 'details',
		devicesTitle: 'Devices that counted',
		devicesLoading: 'Asking the server which devices counted…',
		devicesOffline: 'Offline: the devices that counted are listed here when a connection is back.',
		devicesFailed:
			'The devices that counted could not be listed just now. Your counts are not affected; the list is asked for again when you next open these details.',
		devicesNone: 'No device has sent counts for this event yet.',
		devicesMore: 'Only the first {count} devices are listed.',
		deviceThis: 'This device',
		deviceOther: 'Device {id}…',
		deviceActions: { one: '{count} action', other: '{count} actions' },
		deviceLastCount: 'Last counts received: {when}',
		deviceRemoved: 'Removed by the organizers',
		editToFix: 'Edit the event',
		offlineSyncLater: 'Offline: counts are saved here and will be sent later.'
	},
	{
		relayedWaiting: {
			one: '{count} décompte importé en attente d’envoi',
			other: '{count} décomptes importés en attente d’envoi'
		},
		relayedRefused:
			'Le serveur a refusé des décomptes importés ({code}). Veuillez prévenir les organisateurs.',

		statusTitle: 'État de l’appareil',
		storagePersistent:
			'Le stockage est persistant\u00a0: le navigateur ne l’effacera pas pour faire de la place.',
		storageNotPersistent:
			'Le stockage n’est pas persistant\u00a0: le navigateur peut l’effacer si l’espace manque. Installez l’application depuis le menu du navigateur et synchronisez ou enregistrez une sauvegarde souvent.',
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
			'Un autre appareil a inscrit cet événement sur le serveur avant celui-ci\u00a0: le serveur refuse donc les décomptes de cet appareil. Ils sont en sécurité ici.',
		moveEventWhy:
			'Pour les envoyer, déplacez-les vers un nouvel événement. Si vous animez cet événement, déplacez-le ici, puis montrez le nouveau code QR de coanimation à vos coanimateurs. Si vous le coanimez, demandez-le à l’hôte, puis rejoignez l’événement avec le nouveau code.',
		moveEvent: 'Déplacer les décomptes vers un nouvel événement',
		moveEventConfirm:
			'Un nouvel événement est créé avec les mêmes détails, et tous les décomptes de cet appareil pour «\u00a0{name}\u00a0» y sont déplacés. Cet événement quitte ensuite l’appareil. Les coanimateurs rejoignent le nouvel événement avec son code QR de coanimation, et leurs décomptes suivent.',
		moveEventYes: 'Déplacer les décomptes',
		moveEventCancel: 'Annuler',
		moveEventFailed: 'Les décomptes n’ont pas pu être déplacés. Rien n’a changé\u00a0; réessayez.',
		syncErr_server: 'Le serveur Letterday a eu un problème. Letterday réessaiera de lui-même.',
		syncErr_rejected:
			'Le serveur a refusé ces décomptes ({code}). Ils sont en sécurité sur cet appareil. Veuillez prévenir les organisateurs\u00a0; touchez «\u00a0Synchroniser maintenant\u00a0» pour réessayer.',
		syncErr_bad_event:
			'Le serveur a refusé ce champ de l’événement\u00a0: {field}. Modifiez l’événement pour le corriger\u00a0: vos décomptes sont en sécurité sur cet appareil et seront envoyés dès qu’il sera corrigé.',
		syncErr_unsupported_format:
			'Cette version de Letterday est plus ancienne que celle du serveur. Rechargez l’application en ligne pour la mettre à jour\u00a0; vos décomptes sont en sécurité sur cet appareil.',
		syncErr_unknown_case:
			'Le serveur ne compte plus l’un des cas comptés sur cet appareil. Vos décomptes sont en sécurité ici\u00a0; veuillez prévenir les organisateurs.',
		syncErr_device_removed:
			'Un organisateur a retiré de cet événement les décomptes de cet appareil\u00a0: le serveur refuse désormais tout ce qu’il envoie, pour de bon. Tout ce qui a été compté ici reste sur cet appareil. Veuillez en parler aux organisateurs.',
		syncErr_too_many_devices:
			'Cet événement compte déjà autant d’appareils que le serveur en accepte pour lui\u00a0: ces décomptes n’ont donc pas été ajoutés. Ils sont en sécurité sur cet appareil. Les organisateurs peuvent relever la limite\u00a0; touchez ensuite «\u00a0Synchroniser maintenant\u00a0».',
		refusedField_name: 'nom',
		refusedField_venue: 'lieu',
		refusedField_city: 'ville ou village',
		refusedField_province: 'province ou territoire',
		refusedField_date: 'date',
		refusedField_groupName: 'nom du groupe',
		refusedField_email: 'courriel de contact',
		refusedField_other: 'détails',
		devicesTitle: 'Appareils qui ont compté',
		devicesLoading: 'Le serveur est interrogé sur les appareils qui ont compté…',
		devicesOffline:
			'Hors ligne\u00a0: les appareils qui ont compté seront listés ici au retour de la connexion.',
		devicesFailed:
			'Les appareils qui ont compté n’ont pas pu être listés pour l’instant. Vos décomptes n’en sont pas touchés\u00a0; la liste sera redemandée la prochaine fois que vous ouvrirez ces détails.',
		devicesNone: 'Aucun appareil n’a encore envoyé de décomptes pour cet événement.',
		devicesMore: 'Seuls les {count} premiers appareils sont listés.',
		deviceThis: 'Cet appareil',
		deviceOther: 'Appareil {id}…',
		deviceActions: { one: '{count} action', other: '{count} actions' },
		deviceLastCount: 'Derniers décomptes reçus\u00a0: {when}',
		deviceRemoved: 'Retiré par les organisateurs',
		editToFix: 'Modifier l’événement',
		offlineSyncLater:
			'Hors ligne\u00a0: les décomptes sont enregistrés ici et seront envoyés plus tard.'
	}
);
