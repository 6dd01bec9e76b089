import { defineMessages } from '../catalog';

const NB = '\u00a0';

/**
 * Issue 14 on the host's screens: the projector's national total beside the room's, and the
 * thank-you page link on the report screen. Loads with those screens: SCREEN_AREAS in ../host.ts.
 */
export const thanksMessages = defineMessages(
	{
		projectorOurRoom: 'Our room: {count}',
		projectorAcrossCanada: 'Across Canada: {count}',
		thanksPageTitle: 'Thank-you page',
		thanksPageHelp:
			'After the campaign, the organizers publish a page thanking everyone, with the national figures and what the letters did. Share this link with the people who came.',
		thanksPageLink: 'Link to the thank-you page for {year}'
	},
	{
		projectorOurRoom: `Notre salle${NB}: {count}`,
		projectorAcrossCanada: `Partout au Canada${NB}: {count}`,
		thanksPageTitle: 'Page de remerciement',
		thanksPageHelp:
			'Après la campagne, les organisateurs publient une page qui remercie tout le monde, avec les chiffres nationaux et ce que les lettres ont accompli. Partagez ce lien avec les personnes venues.',
		thanksPageLink: 'Lien vers la page de remerciement de {year}'
	}
);
