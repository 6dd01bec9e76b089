import { defineMessages } from '../catalog';

/**
 * Archiving and deleting an event on the edit screen, and why a delete may not be possible yet:
 * loads with that screen, not with every screen.
 */
export const removalMessages = defineMessages(
	{
		manageTitle: 'Archive or delete',
		archivedHelp:
			'Archiving moves this event to the “Archived” group of your events: it stays on this device and still syncs. Deleting removes this device’s copy.',
		deleteChecking: 'Checking…',
		deleteNotYetTitle: 'Sync or save a backup first',
		deleteNotYet:
			'This device holds changes to “{name}” that the server has not received. Deleting now would lose them:',
		unsentCounters: 'counts not yet sent',
		unsentDetails: 'changed event details not yet sent',
		unsentRelayed: 'counts from another device’s backup file, not yet sent on its behalf',
		deleteHowSync: 'Open the event and sync when you have a connection',
		deleteHowBackup: 'Or save a backup file on Device status',
		deleteClose: 'Close',
		deleteConfirmTitle: 'Delete “{name}” from this device?',
		deleteWhatSynced:
			'This removes the event and this device’s counts for it from this device only. The server keeps the counts already synced, and co-hosts keep their own copies.',
		deleteWhatBackedUp:
			'This event has not synced, but the backup file you saved last holds all of it. Keep that file: after deleting, it is the only copy of these counts.',
		deleteCannotUndo: 'This cannot be undone on this device.',
		deleteConfirm: 'Delete from this device',
		deleteCancel: 'Cancel',
		deleteDeleting: 'Deleting…',
		deleteChanged: 'Not deleted: something changed since you asked. Check again.',
		deleteFailed: 'Not deleted: this device’s storage refused. Try again.'
	},
	{
		manageTitle: 'Archiver ou supprimer',
		archivedHelp:
			'Archiver place cet événement dans le groupe «\u00a0Archivés\u00a0» de vos événements\u00a0: il reste sur cet appareil et se synchronise toujours. Supprimer retire la copie de cet appareil.',
		deleteChecking: 'Vérification…',
		deleteNotYetTitle: 'Synchronisez ou enregistrez d’abord une sauvegarde',
		deleteNotYet:
			'Cet appareil contient des changements à «\u00a0{name}\u00a0» que le serveur n’a pas reçus. Supprimer maintenant les ferait perdre\u00a0:',
		unsentCounters: 'des décomptes pas encore envoyés',
		unsentDetails: 'des détails de l’événement modifiés, pas encore envoyés',
		unsentRelayed:
			'des décomptes venus de la sauvegarde d’un autre appareil, pas encore envoyés en son nom',
		deleteHowSync: 'Ouvrir l’événement et synchroniser dès qu’il y a une connexion',
		deleteHowBackup: 'Ou enregistrer une sauvegarde dans État de l’appareil',
		deleteClose: 'Fermer',
		deleteConfirmTitle: 'Supprimer «\u00a0{name}\u00a0» de cet appareil\u00a0?',
		deleteWhatSynced:
			'L’événement et les décomptes de cet appareil sont retirés de cet appareil seulement. Le serveur garde les décomptes déjà synchronisés, et les coanimateurs gardent leur propre copie.',
		deleteWhatBackedUp:
			'Cet événement n’est pas synchronisé, mais votre dernière sauvegarde enregistrée le contient en entier. Gardez ce fichier\u00a0: après la suppression, c’est la seule copie de ces décomptes.',
		deleteCannotUndo: 'Impossible d’annuler sur cet appareil.',
		deleteConfirm: 'Supprimer de cet appareil',
		deleteCancel: 'Annuler',
		deleteDeleting: 'Suppression…',
		deleteChanged:
			'Rien n’a été supprimé\u00a0: quelque chose a changé depuis votre demande. Vérifiez de nouveau.',
		deleteFailed: 'Rien n’a été supprimé\u00a0: le stockage de l’appareil a refusé. Réessayez.'
	}
);
