import { defineMessages } from '../catalog';

/**
 * Storage trouble, in words a host can act on: a full disk, a browser that will not let the app
 * store anything (private browsing), storage the browser may clear. Each says that what was
 * already counted is safe, and what to do next.
 */
export const storageMessages = defineMessages(
	{
		notSaved_count: 'That count was not saved.',
		notSaved_event: 'The event was not saved.',
		storageFull:
			'This device is out of storage space. Your earlier counts are safe. Free some space (delete photos or apps), or save a backup from Device status, then tap again.',
		storageCannotOpen:
			'This browser won’t let Letterday save anything here (private browsing does this). Open Letterday in a normal window or another browser before counting.',
		storageWriteFailed:
			'Something went wrong while saving. Your earlier counts are safe. Tap again; if it keeps failing, reload the page.',
		storageHide: 'Hide message',

		storageCannotOpenTitle: 'Letterday can’t save anything in this browser',
		storageCannotOpenSafe:
			'Counts saved earlier in another window or browser are not affected: they stay there.',
		storageFullTitle: 'This device is out of storage space',
		storageFullAtStart:
			'Letterday needs a little space to save counts. Your earlier counts are safe. Free some space (delete photos or apps), then try again.',
		storageTryAgain: 'Try again',

		storageMayBeCleared:
			'This browser may clear Letterday’s data if the device runs low on space. Sync or save a backup often; installing the app helps.'
	},
	{
		notSaved_count: 'Ce décompte n’a pas été enregistré.',
		notSaved_event: 'L’événement n’a pas été enregistré.',
		storageFull:
			'Cet appareil n’a plus d’espace de stockage. Vos décomptes précédents sont en sécurité. Libérez de l’espace (supprimez des photos ou des applications) ou enregistrez une sauvegarde depuis État de l’appareil, puis touchez de nouveau.',
		storageCannotOpen:
			'Ce navigateur ne permet pas à Letterday d’enregistrer quoi que ce soit ici (la navigation privée fait cela). Ouvrez Letterday dans une fenêtre normale ou un autre navigateur avant de compter.',
		storageWriteFailed:
			'Un problème est survenu pendant l’enregistrement. Vos décomptes précédents sont en sécurité. Touchez de nouveau\u00a0; si le problème persiste, rechargez la page.',
		storageHide: 'Masquer le message',

		storageCannotOpenTitle: 'Letterday ne peut rien enregistrer dans ce navigateur',
		storageCannotOpenSafe:
			'Les décomptes enregistrés avant dans une autre fenêtre ou un autre navigateur ne sont pas touchés\u00a0: ils y restent.',
		storageFullTitle: 'Cet appareil n’a plus d’espace de stockage',
		storageFullAtStart:
			'Letterday a besoin d’un peu d’espace pour enregistrer les décomptes. Vos décomptes précédents sont en sécurité. Libérez de l’espace (supprimez des photos ou des applications), puis réessayez.',
		storageTryAgain: 'Réessayer',

		storageMayBeCleared:
			'Ce navigateur peut effacer les données de Letterday si l’appareil manque d’espace. Synchronisez souvent ou enregistrez une sauvegarde\u00a0; installer l’application aide aussi.'
	}
);
