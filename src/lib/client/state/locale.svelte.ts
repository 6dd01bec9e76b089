import type { Locale } from '$lib/shared/domain';
import { isLocale } from '$lib/shared/domain';
import { translate, type Catalog, type Params } from '$lib/shared/i18n/catalog';

const STORAGE_KEY = 'letterday.lang';

function initialLocale(): Locale {
	if (typeof localStorage === 'undefined') return 'en';
	const stored = localStorage.getItem(STORAGE_KEY);
	if (isLocale(stored)) return stored;
	return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The host app's language: persisted on the device and mirrored into <html lang>. */
class LocaleState {
	#current = $state<Locale>(initialLocale());

	get current(): Locale {
		return this.#current;
	}

	set(locale: Locale) {
		this.#current = locale;
		localStorage.setItem(STORAGE_KEY, locale);
		document.documentElement.lang = locale;
	}
}

export const locale = new LocaleState();

/** Binds a catalog to the current language; reading it in a template re-renders on a switch. */
export function translator<K extends string>(catalog: Catalog<K>) {
	return (key: K, params?: Params) => translate(catalog, locale.current, key, params);
}
