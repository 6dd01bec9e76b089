import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** The host's "Report by QR" screen: this device's counts in a code any phone can relay. */
export const reportMessages = defineMessages(
	{
		reportTitle: 'Report by QR',
		reportHelp:
			'No network here? Ask anyone with mobile data to scan this code with their phone’s camera. Their phone sends this device’s counts to the national total; nothing to install.',
		reportHolds: 'The code holds “{name}” and what this device counted:',
		reportKindLine: '{kind}: {count}',
		reportNothing: 'Nothing counted on this device yet: the code sends the event’s details only.',
		reportSafe:
			'The code is signed on this device: nobody who sees or relays it can change the counts. Scanning it twice, or syncing later, never counts anything twice.',
		reportNoKey:
			'This event was made before reports by QR existed, so this device cannot sign one. Sync it once while online instead.',
		reportQrLabel: 'QR code reporting the counts of {name}',
		reportMulti: {
			one: 'Too much for one code: scan it, then the page that opens asks for the next.',
			other:
				'Too much for one code: {count} codes take turns below. Scan any one with the camera; the page that opens scans the others.'
		},
		reportStep: 'Showing code {index} of {count}',
		reportPause: 'Pause',
		reportPlay: 'Play',
		reportNext: 'Next code'
	},
	{
		reportTitle: 'Rapport par QR',
		reportHelp: `Pas de réseau ici${NB}? Demandez à une personne qui a des données mobiles de balayer ce code avec l’appareil photo de son téléphone. Son téléphone envoie les comptes de cet appareil au total national${NB}; rien à installer.`,
		reportHolds: `Le code contient «${NB}{name}${NB}» et ce que cet appareil a compté${NB}:`,
		reportKindLine: `{kind}${NB}: {count}`,
		reportNothing: `Rien n’a encore été compté sur cet appareil${NB}: le code n’envoie que les détails de l’événement.`,
		reportSafe: `Le code est signé sur cet appareil${NB}: personne qui le voit ou le relaie ne peut changer les comptes. Le balayer deux fois, ou synchroniser plus tard, ne compte jamais rien en double.`,
		reportNoKey: `Cet événement a été créé avant les rapports par QR${NB}: cet appareil ne peut pas en signer. Synchronisez-le une fois en ligne à la place.`,
		reportQrLabel: 'Code QR du rapport des comptes de {name}',
		reportMulti: {
			one: `Trop pour un seul code${NB}: balayez-le, puis la page qui s’ouvre demande le suivant.`,
			other: `Trop pour un seul code${NB}: {count}${NB}codes s’affichent à tour de rôle ci-dessous. Balayez-en un avec l’appareil photo${NB}; la page qui s’ouvre balaie les autres.`
		},
		reportStep: 'Code {index} sur {count}',
		reportPause: 'Pause',
		reportPlay: 'Lecture',
		reportNext: 'Code suivant'
	}
);
