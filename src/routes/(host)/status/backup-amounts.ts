import type { Params } from '$lib/shared/i18n/catalog';

type Translate = (key: 'backupEvents' | 'backupCounts', params: Params) => string;

/** "3 events, 128 counts" in the host's language, for the backup's messages. */
export function backupAmounts(t: Translate, events: number, counts: number) {
	return {
		events: t('backupEvents', { count: events }),
		counts: t('backupCounts', { count: counts })
	};
}
