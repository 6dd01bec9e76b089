import { defineMessages } from '../catalog';

/** The backup file on the device status screen: saving it, reading it back, merging it. */
export const backupMessages = defineMessages(
	{
		backupTitle: 'Backup',
		backupHelp:
			'Save every event and every count on this device to one file. Open it on another device to carry on there or to send these counts from there.',
		backupKeyWarning:
			'Keep this file like a key: it holds each event’s secret key, and anyone who has it can send counts for these events.',
		backupSave: 'Save a backup',
		backupSaving: 'Saving…',
		backupEvents: { one: '{count} event', other: '{count} events' },
		backupCounts: { one: '{count} count', other: '{count} counts' },
		backupSaved: 'Saved {file}: {events}, {counts}.',
		backupShared: 'Backup shared: {events}, {counts}.',
		backupSaveFailed: 'The backup could not be saved. Try again, or free some space on the device.',

		restoreTitle: 'Restore or merge a backup',
		restoreHelp:
			'Open a backup file saved on this device or another one. A count already on this device, or already sent, is never counted twice.',
		restoreChoose: 'Choose a backup file',
		restoreReading: 'Reading the file…',
		restorePreviewTitle: 'This file holds {events}, {counts}',
		restoreFromThis: 'Saved {when}, by this device.',
		restoreFromOther: 'Saved {when}, by device {device}.',
		restoreStatus_new: 'New on this device',
		restoreStatus_known: 'Already on this device: the counts merge',
		restoreStatus_other_key:
			'Not merged: this device has an event with the same id under another key.',
		restoreMerge: 'Merge into this device',
		restoreCancel: 'Cancel',
		restoreMerging: 'Merging…',
		restoreDone: 'Merged {events}. Counts added to this device: {added}.',
		restoreNothingNew: 'Merged. This device already had every count in this file.',
		restoreSkipped: {
			one: '{count} event was not merged: this device has it under another key.',
			other: '{count} events were not merged: this device has them under another key.'
		},
		restoreSendLater: 'Imported counts are sent at the next sync.',
		restoreBad: 'This file cannot be used. Nothing was imported.',
		restoreMore: { one: 'and {count} more problem', other: 'and {count} more problems' },
		restoreFailed: 'The file could not be merged. Nothing was imported. Try again.',
		restoreWhereEvent: 'Event {n} “{name}”, {path}: {problem}',
		restoreWhereEventNoName: 'Event {n}, {path}: {problem}',
		restoreWhereEventNoPath: 'Event {n}: {problem}',
		restoreWhereFile: '{path}: {problem}',
		restoreWhereWhole: '{problem}',
		relayedWaiting: {
			one: '{count} imported count waiting to be sent',
			other: '{count} imported counts waiting to be sent'
		},
		relayedRefused: 'The server refused imported counts ({code}). Please tell the organizers.',

		pathDevice: 'counts of device {n}',
		pathCounter: 'count {n}',
		pathDetails: 'event details',
		pathPlus: 'added',
		pathMinus: 'taken back',
		pathCase: 'case',
		pathKind: 'kind of count',
		pathKey: 'secret key',
		pathId: 'identifier',
		pathLang: 'language',
		pathExpected: 'expected attendance',
		pathCreated: 'creation time',
		pathDeviceId: 'device identifier',
		pathUpdatedAt: 'time of the last edit',
		pathUpdatedBy: 'device of the last edit',
		pathExportedAt: 'time of saving',
		pathEvents: 'list of events',
		pathSnapshots: 'counts',
		pathFormat: 'format',
		pathVersion: 'version',

		backupProblem_too_big: 'the file is too large to be a Letterday backup (over 4 MB).',
		backupProblem_not_json: 'this is not a Letterday backup file (it is not JSON).',
		backupProblem_not_backup: 'this is not a Letterday backup file.',
		backupProblem_newer_version:
			'this backup was saved by a newer version of Letterday. Update the app, then try again.',
		backupProblem_missing: 'a required part is missing.',
		backupProblem_bad_field: 'this value is not valid.',
		backupProblem_too_many_events: 'the file holds too many events.',
		backupProblem_duplicate_event: 'this event appears twice in the file.',
		backupProblem_no_snapshot: 'the event has no counts.',
		backupProblem_too_many_snapshots: 'the event holds counts from too many devices.',
		backupProblem_duplicate_snapshot: 'the same device appears twice for this event.',
		backupProblem_bad_id: 'this id is not valid.',
		backupProblem_bad_key: 'the event’s key is not valid.',
		backupProblem_bad_details:
			'an event detail (name, venue, city, province or date) is not valid.',
		backupProblem_bad_case: 'this is not a case id.',
		backupProblem_bad_kind: 'this kind of count does not exist.',
		backupProblem_bad_value:
			'a count must be a whole number from 0 to 100,000, with no more taken back than added.',
		backupProblem_duplicate_counter: 'this count appears twice.',
		backupProblem_too_many_counters: 'the event holds too many counts.'
	},
	{
		backupTitle: 'Copie de sauvegarde',
		backupHelp:
			'Enregistrez tous les événements et tous les décomptes de cet appareil dans un seul fichier. Ouvrez-le sur un autre appareil pour y continuer ou pour envoyer ces décomptes de là.',
		backupKeyWarning:
			'Gardez ce fichier comme une clé\u00a0: il contient la clé secrète de chaque événement, et quiconque l’a peut envoyer des décomptes pour ces événements.',
		backupSave: 'Enregistrer une copie',
		backupSaving: 'Enregistrement…',
		backupEvents: { one: '{count} événement', other: '{count} événements' },
		backupCounts: { one: '{count} décompte', other: '{count} décomptes' },
		backupSaved: '{file} enregistré\u00a0: {events}, {counts}.',
		backupShared: 'Copie partagée\u00a0: {events}, {counts}.',
		backupSaveFailed:
			'La copie n’a pas pu être enregistrée. Réessayez ou libérez de l’espace sur l’appareil.',

		restoreTitle: 'Restaurer ou fusionner une copie',
		restoreHelp:
			'Ouvrez une copie enregistrée sur cet appareil ou sur un autre. Un décompte déjà sur cet appareil, ou déjà envoyé, n’est jamais compté deux fois.',
		restoreChoose: 'Choisir un fichier de copie',
		restoreReading: 'Lecture du fichier…',
		restorePreviewTitle: 'Ce fichier contient {events}, {counts}',
		restoreFromThis: 'Enregistré par cet appareil le {when}.',
		restoreFromOther: 'Enregistré par l’appareil {device} le {when}.',
		restoreStatus_new: 'Nouveau sur cet appareil',
		restoreStatus_known: 'Déjà sur cet appareil\u00a0: les décomptes fusionnent',
		restoreStatus_other_key:
			'Pas fusionné\u00a0: cet appareil a un événement du même identifiant sous une autre clé.',
		restoreMerge: 'Fusionner dans cet appareil',
		restoreCancel: 'Annuler',
		restoreMerging: 'Fusion…',
		restoreDone: 'Fusion faite\u00a0: {events}. Décomptes ajoutés à cet appareil\u00a0: {added}.',
		restoreNothingNew: 'Fusion faite. Cet appareil avait déjà chaque décompte de ce fichier.',
		restoreSkipped: {
			one: '{count} événement n’a pas été fusionné\u00a0: cet appareil l’a sous une autre clé.',
			other:
				'{count} événements n’ont pas été fusionnés\u00a0: cet appareil les a sous une autre clé.'
		},
		restoreSendLater: 'Les décomptes importés seront envoyés à la prochaine synchronisation.',
		restoreBad: 'Ce fichier ne peut pas être utilisé. Rien n’a été importé.',
		restoreMore: { one: 'et {count} autre problème', other: 'et {count} autres problèmes' },
		restoreFailed: 'Le fichier n’a pas pu être fusionné. Rien n’a été importé. Réessayez.',
		restoreWhereEvent: 'Événement {n} «\u00a0{name}\u00a0», {path}\u00a0: {problem}',
		restoreWhereEventNoName: 'Événement {n}, {path}\u00a0: {problem}',
		restoreWhereEventNoPath: 'Événement {n}\u00a0: {problem}',
		restoreWhereFile: '{path}\u00a0: {problem}',
		restoreWhereWhole: '{problem}',
		relayedWaiting: {
			one: '{count} décompte importé en attente d’envoi',
			other: '{count} décomptes importés en attente d’envoi'
		},
		relayedRefused:
			'Le serveur a refusé des décomptes importés ({code}). Veuillez prévenir les organisateurs.',

		pathDevice: 'décomptes de l’appareil {n}',
		pathCounter: 'décompte {n}',
		pathDetails: 'détails de l’événement',
		pathPlus: 'ajouts',
		pathMinus: 'retraits',
		pathCase: 'cas',
		pathKind: 'type de décompte',
		pathKey: 'clé secrète',
		pathId: 'identifiant',
		pathLang: 'langue',
		pathExpected: 'participation prévue',
		pathCreated: 'moment de la création',
		pathDeviceId: 'identifiant d’appareil',
		pathUpdatedAt: 'moment de la dernière modification',
		pathUpdatedBy: 'appareil de la dernière modification',
		pathExportedAt: 'moment de l’enregistrement',
		pathEvents: 'liste des événements',
		pathSnapshots: 'décomptes',
		pathFormat: 'format',
		pathVersion: 'version',

		backupProblem_too_big:
			'le fichier est trop gros pour être une copie Letterday (plus de 4\u00a0Mo).',
		backupProblem_not_json: 'ce n’est pas un fichier de copie Letterday (ce n’est pas du JSON).',
		backupProblem_not_backup: 'ce n’est pas un fichier de copie Letterday.',
		backupProblem_newer_version:
			'cette copie vient d’une version plus récente de Letterday. Mettez l’application à jour, puis réessayez.',
		backupProblem_missing: 'une partie obligatoire manque.',
		backupProblem_bad_field: 'cette valeur n’est pas valide.',
		backupProblem_too_many_events: 'le fichier contient trop d’événements.',
		backupProblem_duplicate_event: 'cet événement figure deux fois dans le fichier.',
		backupProblem_no_snapshot: 'l’événement n’a aucun décompte.',
		backupProblem_too_many_snapshots: 'l’événement contient des décomptes de trop d’appareils.',
		backupProblem_duplicate_snapshot: 'le même appareil figure deux fois pour cet événement.',
		backupProblem_bad_id: 'cet identifiant n’est pas valide.',
		backupProblem_bad_key: 'la clé de l’événement n’est pas valide.',
		backupProblem_bad_details:
			'un détail de l’événement (nom, lieu, ville, province ou date) n’est pas valide.',
		backupProblem_bad_case: 'ce n’est pas un identifiant de cas.',
		backupProblem_bad_kind: 'ce type de décompte n’existe pas.',
		backupProblem_bad_value:
			'un décompte doit être un nombre entier de 0 à 100\u00a0000, sans plus de retraits que d’ajouts.',
		backupProblem_duplicate_counter: 'ce décompte figure deux fois.',
		backupProblem_too_many_counters: 'l’événement contient trop de décomptes.'
	}
);
