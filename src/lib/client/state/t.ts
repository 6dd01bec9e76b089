import type { Catalog } from '$lib/shared/i18n/catalog';
import { hostMessages, type HostMessageKey } from '$lib/shared/i18n/host';
import { translator } from './locale.svelte';

/** The host app's translate function; reads the current language, so templates re-render. */
export const t = translator(hostMessages);

/**
 * The translate function of a screen with many words of its own (Device status's backup, the
 * report by QR): the host's messages plus the screen's area, which then loads with that screen
 * instead of with every screen. No key is in two areas (tests/unit/i18n-host.test.ts).
 */
export function screenT<K extends string>(area: Catalog<K>) {
	const catalog: Catalog<HostMessageKey | K> = {
		en: { ...hostMessages.en, ...area.en },
		fr: { ...hostMessages.fr, ...area.fr }
	};
	return translator(catalog);
}
