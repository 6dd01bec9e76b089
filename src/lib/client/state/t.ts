import type { Catalog } from '$lib/shared/i18n/catalog';
import { hostMessages, type HostMessageKey } from '$lib/shared/i18n/host';
import { translator } from './locale.svelte';

/** The host app's translate function; reads the current language, so templates re-render. */
export const t = translator(hostMessages);

type KeysOf<C> = C extends Catalog<infer K> ? K : never;

/**
 * The translate function of a screen with words of its own (Device status's backup, the report
 * by QR, the event screens' tallies): the host's messages plus the screen's areas, which then
 * load with that screen instead of with every screen. No key is in two areas
 * (tests/unit/i18n-host.test.ts).
 */
export function screenT<const A extends readonly Catalog<string>[]>(...areas: A) {
	const catalog = {
		en: Object.assign({}, hostMessages.en, ...areas.map((area) => area.en)),
		fr: Object.assign({}, hostMessages.fr, ...areas.map((area) => area.fr))
	} as Catalog<HostMessageKey | KeysOf<A[number]>>;
	return translator(catalog);
}
