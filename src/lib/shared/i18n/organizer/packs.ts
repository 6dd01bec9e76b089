import { defineMessages } from '../catalog';

const NB = '\u00a0';

/** /organizer/packs: publishing the case pack, and the packs published so far. */
export const organizerPacksMessages = defineMessages(
	{
		packsIntro:
			'The active case pack is what participants read and what hosts download. Devices that have it fetch a newer one at their next sync. Cases a newer pack drops stay countable: hosts who counted them still send their counts.',
		publishTitle: 'Publish a case pack',
		publishHelp:
			'A JSON file in case pack format 1 (docs/case-pack.md). It is checked whole: if anything is wrong, nothing changes.',
		packFile: 'Case pack file',
		publish: 'Publish',
		publishNoFile: 'Choose a case pack file to publish.',
		publishTooBig:
			'The file is larger than {size}. A case pack is much smaller: is it the right file?',
		publishedNow: 'Case pack {version} ({count} cases) is published and active.',
		publishedSame: 'Case pack {version} is already the active pack. Nothing changed.',
		publishRefused: {
			one: 'The pack was not published: 1 problem to fix. Nothing changed.',
			other: 'The pack was not published: {count} problems to fix. Nothing changed.'
		},
		problemsCaption: 'Problems in the file',
		colCase: 'Case',
		colField: 'Field',
		colProblem: 'Problem',
		wholePack: 'whole pack',
		wholeFile: 'whole file',
		historyTitle: 'Published packs',
		colVersion: 'Version',
		colPublished: 'Published',
		colBy: 'By',
		colCases: 'Cases',
		colStatus: 'Status',
		statusActive: 'Active',
		bySeed: 'bundled sample (first start)',
		byFile: 'CASE_PACK_FILE (server start)',
		noPacks: 'No case pack is published yet.'
	},
	{
		packsIntro: `La trousse de cas active est celle que lisent les participant·e·s et que téléchargent les hôtes. Les appareils qui en ont une chargent la plus récente à leur prochaine synchronisation. Les cas qu’une nouvelle trousse retire restent comptables${NB}: les hôtes qui les ont comptés envoient toujours leurs décomptes.`,
		publishTitle: 'Publier une trousse de cas',
		publishHelp: `Un fichier JSON au format 1 des trousses de cas (docs/case-pack.md). Il est vérifié en entier${NB}: au moindre problème, rien ne change.`,
		packFile: 'Fichier de la trousse de cas',
		publish: 'Publier',
		publishNoFile: 'Choisissez le fichier d’une trousse de cas à publier.',
		publishTooBig: `Le fichier dépasse {size}. Une trousse de cas est bien plus petite${NB}: est-ce le bon fichier${NB}?`,
		publishedNow: 'La trousse de cas {version} ({count} cas) est publiée et active.',
		publishedSame: 'La trousse de cas {version} est déjà la trousse active. Rien n’a changé.',
		publishRefused: {
			one: `La trousse n’a pas été publiée${NB}: 1 problème à corriger. Rien n’a changé.`,
			other: `La trousse n’a pas été publiée${NB}: {count} problèmes à corriger. Rien n’a changé.`
		},
		problemsCaption: 'Problèmes dans le fichier',
		colCase: 'Cas',
		colField: 'Champ',
		colProblem: 'Problème',
		wholePack: 'toute la trousse',
		wholeFile: 'tout le fichier',
		historyTitle: 'Trousses publiées',
		colVersion: 'Version',
		colPublished: 'Publiée le',
		colBy: 'Par',
		colCases: 'Cas',
		colStatus: 'État',
		statusActive: 'Active',
		bySeed: 'exemple fourni (premier démarrage)',
		byFile: 'CASE_PACK_FILE (démarrage du serveur)',
		noPacks: 'Aucune trousse de cas n’est encore publiée.'
	}
);
