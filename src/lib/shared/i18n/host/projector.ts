import { defineMessages } from '../catalog';

/**
 * The projector view's own words (its title, total and exit link are in ./tally.ts, beside the
 * event screen's link to it). Loads with that screen only: SCREEN_AREAS in ../host.ts.
 */
export const projectorMessages = defineMessages(
	{
		projectorFullscreen: 'Full screen',
		projectorExitFullscreen: 'Exit full screen',
		projectorScan: 'Scan to read the cases',
		projectorQrLabel: 'QR code to the case sheets for participants',
		projectorExpected: {
			one: '{people} of {count} person expected',
			other: '{people} of {count} people expected'
		},
		projectorMoreCases: { one: '+ {count} more case', other: '+ {count} more cases' }
	},
	{
		projectorFullscreen: 'Plein écran',
		projectorExitFullscreen: 'Quitter le plein écran',
		projectorScan: 'Balayez pour lire les cas',
		projectorQrLabel: 'Code QR vers les fiches des cas pour les participants',
		projectorExpected: {
			one: '{people} sur {count} personne attendue',
			other: '{people} sur {count} personnes attendues'
		},
		projectorMoreCases: { one: '+ {count} autre cas', other: '+ {count} autres cas' }
	}
);
