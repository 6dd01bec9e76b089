/**
 * Messages of the participant pages (/c/…), the printable kit and the CaseSheet component the
 * host app reuses. French follows Canadian conventions: « guillemets », a non-breaking space
 * before : ; ! ? and the campaign's French name, « Écrire, ça libère ».
 */
import { defineMessages, translate, type Params } from './catalog';
import type { Locale } from '../domain';

const NB = '\u00a0';

export const participantMessages = defineMessages(
	{
		campaign: 'Write for Rights',
		listTitle: 'Write for Rights: the cases',
		listIntro: 'Choose a person to read their story and write a letter or a card.',
		pageNav: 'Page navigation',
		allCases: 'All cases',
		otherLanguage: 'Français',
		notice: 'Note:',
		story: 'Their story',
		update: 'Update',
		ask: 'What to ask for',
		safetyTitle: 'Before you write: keep everyone safe',
		safetyCase: 'For this case',
		safetyGeneral: 'For every letter and card',
		letterTitle: 'Write a letter',
		envelopeTitle: 'Address the envelope',
		salutation: 'Start your letter with:',
		noAddress:
			'This sample case has no sourced address. Use the address given in the official Amnesty International case pack.',
		postageTitle: 'Postage from Canada',
		sampleLetter: 'Sample letter',
		copyLetter: 'Copy the letter',
		copied: 'The letter is copied. Paste it where you write.',
		copyFailed: 'Could not copy. Select the text of the letter instead.',
		selectLetter: 'Select the letter text to copy it',
		letterText: 'Sample letter text',
		solidarityTitle: 'Send a solidarity card',
		solidarityAddress: 'Send cards to:',
		solidarityNoAddress: 'There is no sourced address for cards in this sample.',
		onlineTitle: 'Act online',
		sourcesTitle: 'Where the facts come from',
		packVersion: 'Case pack {version}, published {date}.',
		forHosts: 'For hosts',
		printKit: 'Print every case sheet',
		makePoster: 'Make a poster with the QR code',
		caseQr: 'QR code to this case sheet: {url}',
		listQr: 'QR code to the list of cases: {url}',
		printTitle: 'Case sheets, Write for Rights',
		localOnlyCodes:
			'These QR codes open {origin}, an address only this computer can reach: phones cannot open it. Start the server with ORIGIN set to an address phones reach (for example http://192.168.1.20:3000), then reload this page.',
		printHelp:
			'Print this page from your browser. Each case starts on a new page, with a QR code that opens its sheet on a phone.',
		paperSize: 'Paper size',
		paperAuto: 'Printer setting',
		paperA4: 'A4',
		paperLetter: 'US Letter',
		apply: 'Apply',
		posterSettings: 'Poster settings',
		eventName: 'Event name',
		eventNameHelp: 'Optional, up to {max} characters. It is printed as text.',
		makeIt: 'Update the poster',
		posterHelp: 'Print this page or show it on a screen near the entrance.',
		posterScan: 'Scan to read the cases and write a letter',
		posterNoApp: 'No app to install. In English and in French.',
		notFoundTitle: 'Page not found',
		notFound: 'There is no case at this address. It may be from another year.',
		errorTitle: 'Something went wrong',
		errorBody: 'Please try again in a moment.',
		seeCases: 'See this year’s cases'
	},
	{
		campaign: 'Écrire, ça libère',
		listTitle: `Écrire, ça libère${NB}: les cas`,
		listIntro:
			'Choisissez une personne pour lire son histoire et lui écrire une lettre ou une carte.',
		pageNav: 'Navigation de la page',
		allCases: 'Tous les cas',
		otherLanguage: 'English',
		notice: `Remarque${NB}:`,
		story: 'Son histoire',
		update: 'Mise à jour',
		ask: 'Ce que nous demandons',
		safetyTitle: `Avant d’écrire${NB}: la sécurité de toutes et de tous`,
		safetyCase: 'Pour ce cas',
		safetyGeneral: 'Pour toutes les lettres et cartes',
		letterTitle: 'Écrire une lettre',
		envelopeTitle: 'Adresser l’enveloppe',
		salutation: `Commencez votre lettre par${NB}:`,
		noAddress:
			'Ce cas d’exemple n’a pas d’adresse vérifiée. Utilisez l’adresse indiquée dans la trousse officielle d’Amnistie internationale.',
		postageTitle: 'Affranchissement depuis le Canada',
		sampleLetter: 'Modèle de lettre',
		copyLetter: 'Copier la lettre',
		copied: 'La lettre est copiée. Collez-la là où vous écrivez.',
		copyFailed: 'Copie impossible. Sélectionnez plutôt le texte de la lettre.',
		selectLetter: 'Sélectionner le texte de la lettre pour le copier',
		letterText: 'Texte du modèle de lettre',
		solidarityTitle: 'Envoyer une carte de solidarité',
		solidarityAddress: `Envoyez les cartes à${NB}:`,
		solidarityNoAddress: 'Cet exemple n’a pas d’adresse vérifiée pour les cartes.',
		onlineTitle: 'Agir en ligne',
		sourcesTitle: 'D’où viennent les faits',
		packVersion: 'Trousse des cas {version}, publiée le {date}.',
		forHosts: 'Pour les hôtes',
		printKit: 'Imprimer toutes les fiches',
		makePoster: 'Créer une affiche avec le code QR',
		caseQr: `Code QR vers cette fiche${NB}: {url}`,
		listQr: `Code QR vers la liste des cas${NB}: {url}`,
		printTitle: 'Fiches des cas, Écrire, ça libère',
		localOnlyCodes: `Ces codes QR ouvrent {origin}, une adresse que seul cet ordinateur peut joindre${NB}: les téléphones ne peuvent pas l’ouvrir. Démarrez le serveur avec ORIGIN réglé sur une adresse que les téléphones joignent (par exemple http://192.168.1.20:3000), puis rechargez cette page.`,
		printHelp:
			'Imprimez cette page depuis votre navigateur. Chaque cas commence sur une nouvelle page, avec un code QR qui ouvre sa fiche sur un téléphone.',
		paperSize: 'Format du papier',
		paperAuto: 'Réglage de l’imprimante',
		paperA4: 'A4',
		paperLetter: 'Lettre US',
		apply: 'Appliquer',
		posterSettings: 'Réglages de l’affiche',
		eventName: 'Nom de l’événement',
		eventNameHelp: 'Facultatif, jusqu’à {max} caractères. Il est imprimé tel quel.',
		makeIt: 'Mettre l’affiche à jour',
		posterHelp: 'Imprimez cette page ou affichez-la sur un écran près de l’entrée.',
		posterScan: 'Scannez pour lire les cas et écrire une lettre',
		posterNoApp: 'Aucune application à installer. En français et en anglais.',
		notFoundTitle: 'Page introuvable',
		notFound: 'Aucun cas à cette adresse. Il date peut-être d’une autre année.',
		errorTitle: 'Une erreur s’est produite',
		errorBody: 'Veuillez réessayer dans un instant.',
		seeCases: 'Voir les cas de cette année'
	}
);

export type ParticipantKey = keyof typeof participantMessages.en;

/** A translator bound to one language, for templates: `t('story')`. */
export const participantT =
	(locale: Locale) =>
	(key: ParticipantKey, params?: Params): string =>
		translate(participantMessages, locale, key, params);
