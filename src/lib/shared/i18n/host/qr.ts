import { defineMessages } from '../catalog';

/** QR codes: inviting a co-host, the participants’ codes, and joining from a co-host code. */
export const qrMessages = defineMessages(
	{
		cohostTitle: 'Invite a co-host',
		cohostHelp:
			'On the other device, open Letterday, choose “Join an event” and scan this code. It holds this event’s secret key: show it only to people counting with you.',
		cohostQrLabel: 'QR code to join {name} as a co-host',
		joinLinkLabel: 'Join link, to copy and paste',
		participantsTitle: 'QR codes for participants',
		participantsHelp:
			'Participants scan a code to read the case sheets on their phone, nothing to install. These codes carry no key.',
		participantsListQr: 'QR code to the list of cases',
		caseQrLabel: 'QR code to the case sheet of {name}',
		printKit: 'Printable kit (every case sheet with its QR)',
		poster: 'Poster with the participants’ QR',
		joinTitle: 'Join an event as a co-host',
		joinHelp:
			'Scan the co-host QR on the host’s screen, open a photo of it, or paste the join link. No network is needed.',
		scanStart: 'Scan with the camera',
		scanStop: 'Stop the camera',
		scanning: 'Point the camera at the co-host QR…',
		cameraVideoLabel: 'Camera view',
		cameraUnavailable:
			'The camera cannot be used here. Open a photo of the code or paste the link instead.',
		openPhoto: 'Open a photo of the code',
		joinUse: 'Use this link',
		joinInvalid: 'This is not a valid co-host code (wrong {reason}).',
		joinField_id: 'event id',
		joinField_key: 'event key',
		joinField_lang: 'language',
		joinField_device: 'device id',
		joinField_details: 'event details',
		noQrFound: 'No QR code found in that image. Try a sharper photo, taken straight on.',
		joinConfirm: 'Join “{name}”, {date}, {venue}, {city}?',
		joinMovesCounts:
			'It replaces “{name}” on this device: the counts this device made for it move into the new event.',
		joinButton: 'Join and start counting',
		joinOtherKey:
			'This device already has this event with a different key, so it cannot join it again.',
		deviceIdLabel: 'This device’s id: {id}',
		copy: 'Copy',
		copied: 'Copied.'
	},
	{
		cohostTitle: 'Inviter un coanimateur',
		cohostHelp:
			'Sur l’autre appareil, ouvrez Letterday, choisissez «\u00a0Rejoindre un événement\u00a0» et balayez ce code. Il contient la clé secrète de l’événement\u00a0: montrez-le seulement aux personnes qui comptent avec vous.',
		cohostQrLabel: 'Code QR pour rejoindre {name} comme coanimateur',
		joinLinkLabel: 'Lien d’invitation, à copier et coller',
		participantsTitle: 'Codes QR pour les participants',
		participantsHelp:
			'Les participants balayent un code pour lire les fiches sur leur téléphone, sans rien installer. Ces codes ne contiennent aucune clé.',
		participantsListQr: 'Code QR vers la liste des cas',
		caseQrLabel: 'Code QR vers la fiche de {name}',
		printKit: 'Trousse à imprimer (chaque fiche avec son code QR)',
		poster: 'Affiche avec le code QR des participants',
		joinTitle: 'Rejoindre un événement comme coanimateur',
		joinHelp:
			'Balayez le code QR de coanimation sur l’écran de l’hôte, ouvrez-en une photo ou collez le lien d’invitation. Aucun réseau n’est nécessaire.',
		scanStart: 'Balayer avec la caméra',
		scanStop: 'Arrêter la caméra',
		scanning: 'Pointez la caméra vers le code QR de coanimation…',
		cameraVideoLabel: 'Image de la caméra',
		cameraUnavailable:
			'La caméra n’est pas utilisable ici. Ouvrez plutôt une photo du code ou collez le lien.',
		openPhoto: 'Ouvrir une photo du code',
		joinUse: 'Utiliser ce lien',
		joinInvalid: 'Ce code de coanimation n’est pas valide (champ fautif\u00a0: {reason}).',
		joinField_id: 'identifiant de l’événement',
		joinField_key: 'clé de l’événement',
		joinField_lang: 'langue',
		joinField_device: 'identifiant de l’appareil',
		joinField_details: 'détails de l’événement',
		noQrFound:
			'Aucun code QR trouvé dans cette image. Essayez une photo plus nette, prise de face.',
		joinConfirm: 'Rejoindre «\u00a0{name}\u00a0», {date}, {venue}, {city}\u00a0?',
		joinMovesCounts:
			'Il remplace «\u00a0{name}\u00a0» sur cet appareil\u00a0: les décomptes faits ici pour celui-ci sont déplacés vers le nouvel événement.',
		joinButton: 'Rejoindre et commencer à compter',
		joinOtherKey:
			'Cet appareil a déjà cet événement avec une autre clé\u00a0; il ne peut pas le rejoindre de nouveau.',
		deviceIdLabel: 'Identifiant de cet appareil\u00a0: {id}',
		copy: 'Copier',
		copied: 'Copié.'
	}
);
