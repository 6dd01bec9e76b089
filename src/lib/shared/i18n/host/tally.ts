import { defineMessages } from '../catalog';

/** The event screen: totals, the kinds counted, the tally controls and the projector view. */
export const tallyMessages = defineMessages(
	{
		eventNotFound: 'This event is not on this device.',
		backToEvents: 'Back to events',
		headCounts: 'People',
		projector: 'Projector view',
		participantsQr: 'Participants QR',
		casesToCount: 'Letters and actions per case',
		noCasesYet: 'No case sheets on this device. Download them from the home screen first.',
		retiredCases: 'No longer in this year’s pack',
		retiredCasesNote:
			'These cases were in an earlier case pack. Their counts are kept and still reach the national total.',

		kind_letter: 'Appeal letters',
		kind_card: 'Solidarity cards',
		kind_petition: 'Petition signatures',
		kind_online: 'Online actions',
		kind_participants: 'Participants',
		kind_firstTimers: 'First-time participants',

		tallyAdd: 'Add one {kind} for {subject}; now {count}',
		tallyUndo: 'Take one back from {kind} for {subject}',
		tallyBatchAdd: 'Add',
		tallyBatchInvalid: 'Enter a whole number from 1 to 500.',
		tallyEventSubject: 'this event',

		projectorTitle: 'Our letters so far',
		projectorTotal: { one: 'action for human rights', other: 'actions for human rights' },
		projectorPeople: { one: '{count} person writing', other: '{count} people writing' },
		projectorExit: 'Leave projector view',
		cohostQr: 'Co-host QR',
		reportQr: 'Report by QR'
	},
	{
		eventNotFound: 'Cet événement n’est pas sur cet appareil.',
		backToEvents: 'Retour aux événements',
		headCounts: 'Personnes',
		projector: 'Vue projecteur',
		participantsQr: 'Code QR des participants',
		casesToCount: 'Lettres et actions par cas',
		noCasesYet: 'Aucune fiche sur cet appareil. Téléchargez-les d’abord depuis l’écran d’accueil.',
		retiredCases: 'Ne figurent plus dans la trousse de cette année',
		retiredCasesNote:
			'Ces cas figuraient dans une trousse précédente. Leurs décomptes sont conservés et comptent toujours dans le total national.',

		kind_letter: 'Lettres d’appel',
		kind_card: 'Cartes de solidarité',
		kind_petition: 'Signatures de pétition',
		kind_online: 'Actions en ligne',
		kind_participants: 'Participants',
		kind_firstTimers: 'Nouveaux participants',

		tallyAdd: 'Ajouter un à {kind} pour {subject}\u00a0; total {count}',
		tallyUndo: 'Retirer un de {kind} pour {subject}',
		tallyBatchAdd: 'Ajouter',
		tallyBatchInvalid: 'Entrez un nombre entier de 1 à 500.',
		tallyEventSubject: 'cet événement',

		projectorTitle: 'Nos lettres jusqu’ici',
		projectorTotal: {
			one: 'action pour les droits humains',
			other: 'actions pour les droits humains'
		},
		projectorPeople: { one: '{count} personne écrit', other: '{count} personnes écrivent' },
		projectorExit: 'Quitter la vue projecteur',
		cohostQr: 'Code QR de coanimation',
		reportQr: 'Rapport par QR'
	}
);
