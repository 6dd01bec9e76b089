import { defineMessages } from '../catalog';

/**
 * The event screen's own words (loaded with that screen, not with every screen): the short
 * column labels, the summary line, search, the choice of cases, "Add several" and the toast.
 */
export const countingMessages = defineMessages(
	{
		short_letter: 'Letters',
		short_card: 'Cards',
		short_petition: 'Petition',
		short_online: 'Online',
		short_participants: 'Participants',
		short_firstTimers: 'First time',
		eventTools: 'Event tools',
		caseColumn: 'Case',

		summaryActions: { one: '{count} action', other: '{count} actions' },
		summaryPeople: { one: '{count} person', other: '{count} people' },
		summaryAllTables: 'All tables:',
		syncShortSynced: 'Synced {time}',
		syncShortWaiting: { one: '{count} waiting to send', other: '{count} waiting to send' },
		syncShortOffline: { one: 'Offline · {count} waiting', other: 'Offline · {count} waiting' },
		syncShortError: 'Not sent: see why',
		syncDetails: 'Sync details',
		closeDetails: 'Close',
		figuresTitle: 'Counted so far',
		figuresKind: 'What',
		thisPhone: 'This device',
		allTables: 'All tables',
		allTablesNote: 'All tables: every device counting for this event, as of the last sync.',
		cellAll: '{count} in all',

		findCase: 'Find a case',
		findCaseHint: 'Type a name',
		noMatch: 'No case matches “{query}”.',
		chooseCases: 'Choose cases',
		chooseCount: '{shown} of {total} cases',
		chooseTitle: 'Cases at this event',
		chooseNote:
			'Only the cases you tick show on this device. A case that already has counts stays on screen.',
		chooseAll: 'Tick all',
		chooseNone: 'Untick all',
		done: 'Done',

		addSeveral: 'Add several',
		batchTitle: 'Add several at once',
		batchCase: 'Case',
		batchKind: 'What',
		batchCount: 'How many',
		cancel: 'Cancel',

		toastAdded: '+{count} {subject} · {kind}',
		toastBatch: '+{count} added · {subject} · {kind}',
		toastUndone: 'Taken back: {count} · {subject} · {kind}',
		toastNow: '(now {count})',
		toastUndo: 'Undo',
		toastUndoLabel: 'Undo: take back {count} {kind} for {subject}'
	},
	{
		short_letter: 'Lettres',
		short_card: 'Cartes',
		short_petition: 'Pétition',
		short_online: 'En ligne',
		short_participants: 'Participants',
		short_firstTimers: 'Nouveaux',
		eventTools: 'Outils de l’événement',
		caseColumn: 'Cas',

		summaryActions: { one: '{count} action', other: '{count} actions' },
		summaryPeople: { one: '{count} personne', other: '{count} personnes' },
		summaryAllTables: 'Toutes les tables\u00a0:',
		syncShortSynced: 'Synchronisé à {time}',
		syncShortWaiting: { one: '{count} en attente d’envoi', other: '{count} en attente d’envoi' },
		syncShortOffline: {
			one: 'Hors ligne · {count} en attente',
			other: 'Hors ligne · {count} en attente'
		},
		syncShortError: 'Non envoyé\u00a0: voir pourquoi',
		syncDetails: 'Détails de la synchronisation',
		closeDetails: 'Fermer',
		figuresTitle: 'Compté jusqu’ici',
		figuresKind: 'Quoi',
		thisPhone: 'Cet appareil',
		allTables: 'Toutes les tables',
		allTablesNote:
			'Toutes les tables\u00a0: chaque appareil qui compte pour cet événement, à la dernière synchronisation.',
		cellAll: '{count} en tout',

		findCase: 'Trouver un cas',
		findCaseHint: 'Tapez un nom',
		noMatch: 'Aucun cas ne correspond à «\u00a0{query}\u00a0».',
		chooseCases: 'Choisir les cas',
		chooseCount: '{shown} cas sur {total}',
		chooseTitle: 'Cas de cet événement',
		chooseNote:
			'Seuls les cas cochés s’affichent sur cet appareil. Un cas qui a déjà des décomptes reste à l’écran.',
		chooseAll: 'Tout cocher',
		chooseNone: 'Tout décocher',
		done: 'Terminé',

		addSeveral: 'Ajouter plusieurs',
		batchTitle: 'Ajouter plusieurs à la fois',
		batchCase: 'Cas',
		batchKind: 'Quoi',
		batchCount: 'Combien',
		cancel: 'Annuler',

		toastAdded: '+{count} {subject} · {kind}',
		toastBatch: '+{count} ajoutés · {subject} · {kind}',
		toastUndone: 'Retiré\u00a0: {count} · {subject} · {kind}',
		toastNow: '(total {count})',
		toastUndo: 'Annuler',
		toastUndoLabel: 'Annuler\u00a0: retirer {count} {kind} pour {subject}'
	}
);
