import { hostMessages } from '$lib/shared/i18n/host';
import { translator } from './locale.svelte';

/** The host app's translate function; reads the current language, so templates re-render. */
export const t = translator(hostMessages);
