import { defineMessages } from '../catalog';

/** The national count (/organizer). */
export const organizerDashboardMessages = defineMessages(
	{
		grandTotal: { one: 'action for human rights', other: 'actions for human rights' },
		actionsByKind: 'Actions by kind',
		people: 'People',
		eventsInProvinces: {
			one: 'event in {provinces}',
			other: 'events in {provinces}'
		},
		provincesCount: {
			one: '{count} province or territory',
			other: '{count} provinces and territories'
		},
		noEventsYet:
			'No event has synced yet. Figures show here as soon as a host’s device syncs an event.',

		followUpSummary: 'Follow-up',
		awaitingSummary: {
			one: '{count} event has not reported since its day.',
			other: '{count} events have not reported since their day.'
		},
		silentSummary: {
			one: '{count} event has not synced for {days} days or more.',
			other: '{count} events have not synced for {days} days or more.'
		},
		followUpLink: 'See the follow-up lists',

		perCase: 'Actions per case',
		perCaseTable: 'Actions per case, by kind',
		perCaseChartNote: 'The table below the chart gives the same figures by kind.',
		perProvince: 'By province and territory',
		perProvinceTable: 'Events, people and actions by province and territory',
		exportCases: 'Cases',
		exportEvents: 'Events',
		exportProvinces: 'Provinces and territories'
	},
	{
		grandTotal: { one: 'action pour les droits humains', other: 'actions pour les droits humains' },
		actionsByKind: 'Actions par type',
		people: 'Personnes',
		eventsInProvinces: {
			one: 'événement dans {provinces}',
			other: 'événements dans {provinces}'
		},
		provincesCount: {
			one: '{count} province ou territoire',
			other: '{count} provinces et territoires'
		},
		noEventsYet: `Aucun événement n’a encore été synchronisé. Les chiffres s’affichent ici dès qu’un appareil d’hôte synchronise un événement.`,

		followUpSummary: 'Suivi',
		awaitingSummary: {
			one: `{count} événement n’a rien envoyé depuis sa journée.`,
			other: `{count} événements n’ont rien envoyé depuis leur journée.`
		},
		silentSummary: {
			one: `{count} événement n’a pas été synchronisé depuis {days} jours ou plus.`,
			other: `{count} événements n’ont pas été synchronisés depuis {days} jours ou plus.`
		},
		followUpLink: 'Voir les listes de suivi',

		perCase: 'Actions par cas',
		perCaseTable: 'Actions par cas, par type',
		perCaseChartNote: `Le tableau sous le graphique donne les mêmes chiffres par type.`,
		perProvince: 'Par province et territoire',
		perProvinceTable: `Événements, personnes et actions par province et territoire`,
		exportCases: 'Cas',
		exportEvents: 'Événements',
		exportProvinces: 'Provinces et territoires'
	}
);
