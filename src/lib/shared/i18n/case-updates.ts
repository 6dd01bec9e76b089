/**
 * Strings of the case updates where participants and hosts read them: the case sheet (server-
 * rendered for participants, offline on the host's device), the case list and the projector.
 * Status labels are in $lib/shared/case-updates.ts, shared with the organizer screen.
 */
import { defineMessages, translate, type Params } from './catalog';
import type { Locale } from '../domain';

export const caseUpdateMessages = defineMessages(
	{
		lettersDid: 'What your letters did',
		statusLabel: 'Status: {status}',
		updateOn: 'Update of {date}'
	},
	{
		lettersDid: 'Ce qu’ont accompli vos lettres',
		statusLabel: 'Statut\u00a0: {status}',
		updateOn: 'Nouvelle du {date}'
	}
);

export type CaseUpdateMessageKey = keyof typeof caseUpdateMessages.en;

export function caseUpdateT(lang: Locale) {
	return (key: CaseUpdateMessageKey, params?: Params) =>
		translate(caseUpdateMessages, lang, key, params);
}
