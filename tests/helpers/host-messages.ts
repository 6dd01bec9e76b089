/**
 * Every host message, whatever part of the app loads it: the catalog every screen has plus each
 * screen's own areas (SCREEN_AREAS in $lib/shared/i18n/host). For tests that read what any host
 * screen may show.
 */
import type { Catalog } from '$lib/shared/i18n/catalog';
import { hostMessages } from '$lib/shared/i18n/host';

const areas = Object.values(
	import.meta.glob<Record<string, Catalog<string>>>('/src/lib/shared/i18n/host/*.ts', {
		eager: true
	})
).flatMap((exports) => Object.values(exports));

export const allHostMessages: Catalog<string> = {
	en: Object.assign({}, hostMessages.en, ...areas.map((area) => area.en)),
	fr: Object.assign({}, hostMessages.fr, ...areas.map((area) => area.fr))
};
