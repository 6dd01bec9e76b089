/**
 * Messages of the relay page (/r): a participant's or co-host's phone that scanned a host's
 * "report by QR" code. Plain words for someone who may never have heard of Letterday. French
 * follows Canadian conventions: « », a non-breaking space before : ; ! ?
 */
import { defineMessages } from './catalog';

const NB = '\u00a0';

export const relayMessages = defineMessages(
	{
		pageTitle: 'Send a Write for Rights report',
		otherLanguage: 'Français',
		otherLanguageLabel: 'Lire cette page en français',
		intro:
			'This code holds the counts of a Write for Rights letter-writing event, where the host has no network. Your phone sends them to Amnesty International Canada’s national total. Nothing else is sent.',
		reading: 'Reading the code…',
		noScript: 'This page needs JavaScript to read the code.',
		empty: 'No report in this link. Scan the code on the host’s screen with your phone’s camera.',
		badCode: 'This is not a readable report code. Ask the host to show the code again.',
		event: '“{name}”, {city}, {date}',
		nothingCounted: 'No counts yet: only the event’s details.',
		kind_letter: { one: `{count}${NB}appeal letter`, other: `{count}${NB}appeal letters` },
		kind_card: { one: `{count}${NB}solidarity card`, other: `{count}${NB}solidarity cards` },
		kind_petition: {
			one: `{count}${NB}petition signature`,
			other: `{count}${NB}petition signatures`
		},
		kind_online: { one: `{count}${NB}online action`, other: `{count}${NB}online actions` },
		kind_participants: { one: `{count}${NB}participant`, other: `{count}${NB}participants` },
		kind_firstTimers: {
			one: `{count}${NB}first-time participant`,
			other: `{count}${NB}first-time participants`
		},
		willSend: 'Sending for {event}:',
		sentFor: 'Sent for {event}:',
		codeSays: 'What the code says, for {event}:',
		sending: 'Sending…',
		sent: 'Sent: {summary} for “{name}”. Thank you!',
		sentNothing: 'Sent: the details of “{name}”. Thank you!',
		sentTwice: 'Scanning it again is harmless: nothing is ever counted twice.',
		elsewhere:
			'All the codes arrived in another tab, which sends the report. You can close this one.',
		offline:
			'Your phone has no connection right now. The report stays on this page and goes as soon as you are back online.',
		tampered: 'This code was changed after it was made, so nothing was counted.',
		unknownKey:
			'The server cannot check this event’s code yet. Ask the host to sync once while online. Nothing was counted.',
		wrongKey: 'This code does not match the event the server knows. Nothing was counted.',
		refused: 'The server refused this report ({message}). Nothing was counted.',
		serverDown: 'The server could not take the report just now. Nothing was lost: try again.',
		tryAgain: 'Try again',
		parts: {
			one: `{count} of {total} codes received. Scan the next one.`,
			other: `{count} of {total} codes received. Scan the next one.`
		},
		partsHelp:
			'The host’s screen shows the codes one after another. Scan them with the button below, or with your phone’s camera.',
		scanNext: 'Scan the next code',
		scanStop: 'Stop the camera',
		scanning: 'Point the camera at the host’s screen…',
		cameraLabel: 'Camera view',
		cameraUnavailable:
			'The camera cannot be used here. Scan the next code with your phone’s camera app instead.',
		otherReport: 'That code belongs to another report. Scan the codes on the same host’s screen.'
	},
	{
		pageTitle: 'Envoyer un rapport d’Écrire, ça libère',
		otherLanguage: 'English',
		otherLanguageLabel: 'Read this page in English',
		intro:
			'Ce code contient les comptes d’un événement d’écriture de lettres Écrire, ça libère dont l’hôte n’a pas de réseau. Votre téléphone les envoie au total national d’Amnistie internationale Canada. Rien d’autre n’est envoyé.',
		reading: 'Lecture du code…',
		noScript: 'Cette page a besoin de JavaScript pour lire le code.',
		empty: `Aucun rapport dans ce lien. Balayez le code sur l’écran de l’hôte avec l’appareil photo de votre téléphone.`,
		badCode: `Ce code de rapport est illisible. Demandez à l’hôte d’afficher le code de nouveau.`,
		event: `«${NB}{name}${NB}», {city}, {date}`,
		nothingCounted: `Aucun compte pour l’instant${NB}: seulement les détails de l’événement.`,
		kind_letter: { one: `{count}${NB}lettre d’appel`, other: `{count}${NB}lettres d’appel` },
		kind_card: {
			one: `{count}${NB}carte de solidarité`,
			other: `{count}${NB}cartes de solidarité`
		},
		kind_petition: {
			one: `{count}${NB}signature de pétition`,
			other: `{count}${NB}signatures de pétition`
		},
		kind_online: { one: `{count}${NB}action en ligne`, other: `{count}${NB}actions en ligne` },
		kind_participants: { one: `{count}${NB}participant`, other: `{count}${NB}participants` },
		kind_firstTimers: {
			one: `{count}${NB}nouveau participant`,
			other: `{count}${NB}nouveaux participants`
		},
		willSend: `Envoi pour {event}${NB}:`,
		sentFor: `Envoyé pour {event}${NB}:`,
		codeSays: `Ce que dit le code, pour {event}${NB}:`,
		sending: 'Envoi…',
		sent: `Envoyé${NB}: {summary} pour «${NB}{name}${NB}». Merci${NB}!`,
		sentNothing: `Envoyé${NB}: les détails de «${NB}{name}${NB}». Merci${NB}!`,
		sentTwice: `Le balayer de nouveau est sans risque${NB}: rien n’est jamais compté deux fois.`,
		elsewhere:
			'Tous les codes sont arrivés dans un autre onglet, qui envoie le rapport. Vous pouvez fermer celui-ci.',
		offline:
			'Votre téléphone n’a pas de connexion pour l’instant. Le rapport reste sur cette page et part dès que vous êtes de nouveau en ligne.',
		tampered: 'Ce code a été modifié après sa création, alors rien n’a été compté.',
		unknownKey:
			'Le serveur ne peut pas encore vérifier le code de cet événement. Demandez à l’hôte de synchroniser une fois en ligne. Rien n’a été compté.',
		wrongKey:
			'Ce code ne correspond pas à l’événement que le serveur connaît. Rien n’a été compté.',
		refused: 'Le serveur a refusé ce rapport ({message}). Rien n’a été compté.',
		serverDown: `Le serveur n’a pas pu prendre le rapport pour l’instant. Rien n’est perdu${NB}: réessayez.`,
		tryAgain: 'Réessayer',
		parts: {
			one: `{count}${NB}code reçu sur {total}. Balayez le suivant.`,
			other: `{count}${NB}codes reçus sur {total}. Balayez le suivant.`
		},
		partsHelp:
			'L’écran de l’hôte montre les codes l’un après l’autre. Balayez-les avec le bouton ci-dessous ou avec l’appareil photo de votre téléphone.',
		scanNext: 'Balayer le code suivant',
		scanStop: 'Arrêter l’appareil photo',
		scanning: 'Pointez l’appareil photo vers l’écran de l’hôte…',
		cameraLabel: 'Image de l’appareil photo',
		cameraUnavailable:
			'L’appareil photo ne peut pas être utilisé ici. Balayez le code suivant avec l’application Appareil photo de votre téléphone.',
		otherReport:
			'Ce code appartient à un autre rapport. Balayez les codes affichés sur l’écran du même hôte.'
	}
);
