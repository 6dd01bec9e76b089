/**
 * The public thank-you page (/c/{lang}/thanks/{year}) and the national total line on the
 * participant pages. French: « », a non-breaking space before : ; ! ? » and after «.
 */
import { defineMessages, translate, type Params } from '../catalog';
import type { Locale } from '../../domain';

const NB = '\u00a0';

export const participantThanksMessages = defineMessages(
	{
		acrossCanada: {
			one: 'Across Canada: {count} letter so far',
			other: 'Across Canada: {count} letters so far'
		},
		thanksLink: 'Thank you: what {year} achieved',
		thanksFigures: 'The campaign in figures',
		thanksPeople: { one: 'person came', other: 'people came' },
		thanksLetters: { one: 'letter and card', other: 'letters and cards' },
		thanksActions: { one: 'action in all', other: 'actions in all' },
		thanksEvents: { one: 'event', other: 'events' },
		thanksProvinces: { one: 'province or territory', other: 'provinces and territories' },
		thanksFirstTimers: { one: 'first-timer', other: 'first-timers' },
		thanksStories: 'From the rooms',
		thanksAnonymous: 'Anonymous',
		thanksCredit: '— {name}',
		thanksPhotoAlt: 'Photo from an event, shared by {name}',
		thanksPhotoAltAnonymous: 'Photo from an event',
		thanksOutcomes: 'What your letters did',
		thanksCaseActions: { one: '{count} action', other: '{count} actions' },
		thanksNoNews: 'No news yet. We will tell you as soon as we hear.',
		thanksUpdated: 'Update of {date}',
		thanksCases: 'See this year’s cases'
	},
	{
		acrossCanada: {
			one: `Partout au Canada${NB}: {count}${NB}lettre jusqu’ici`,
			other: `Partout au Canada${NB}: {count}${NB}lettres jusqu’ici`
		},
		thanksLink: `Merci${NB}! Le bilan de {year}`,
		thanksFigures: 'La campagne en chiffres',
		thanksPeople: { one: 'personne est venue', other: 'personnes sont venues' },
		thanksLetters: { one: 'lettre et carte', other: 'lettres et cartes' },
		thanksActions: { one: 'action en tout', other: 'actions en tout' },
		thanksEvents: { one: 'événement', other: 'événements' },
		thanksProvinces: { one: 'province ou territoire', other: 'provinces et territoires' },
		thanksFirstTimers: { one: 'première participation', other: 'premières participations' },
		thanksStories: 'Dans les salles',
		thanksAnonymous: 'Anonyme',
		thanksCredit: '— {name}',
		thanksPhotoAlt: 'Photo d’un événement, partagée par {name}',
		thanksPhotoAltAnonymous: 'Photo d’un événement',
		thanksOutcomes: 'Ce que vos lettres ont accompli',
		thanksCaseActions: { one: `{count}${NB}action`, other: `{count}${NB}actions` },
		thanksNoNews: 'Pas encore de nouvelles. Nous vous en donnerons dès que possible.',
		thanksUpdated: 'Nouvelles du {date}',
		thanksCases: 'Voir les cas de cette année'
	}
);

export type ParticipantThanksKey = keyof typeof participantThanksMessages.en;

export const participantThanksT =
	(locale: Locale) =>
	(key: ParticipantThanksKey, params?: Params): string =>
		translate(participantThanksMessages, locale, key, params);
