import type { Locale } from '$lib/shared/domain';
import { intlLocale } from '$lib/shared/i18n/catalog';

/**
 * A storage size the way people read it on a phone: "812.4 MB", "10.7 GB" (fr-CA: « 10,7 Go »).
 * Decimal units, as phones and browsers report them; one decimal is plenty; past 1,000 MB the
 * figure switches to GB, so nobody has to count the digits of "10,738.9 MB".
 */
export function formatSize(bytes: number, locale: Locale): string {
	const megabytes = bytes / 1_000_000;
	// Rounded first, so 999.96 MB reads "1 GB" rather than "1,000 MB".
	const gigabytes = Math.round(megabytes * 10) / 10 >= 1000;
	const text = new Intl.NumberFormat(intlLocale(locale), {
		style: 'unit',
		unit: gigabytes ? 'gigabyte' : 'megabyte',
		maximumFractionDigits: 1
	}).format(gigabytes ? megabytes / 1000 : megabytes);
	// English puts a plain space before the unit: keep "10.7 GB" on one line, as French does.
	return text.replace(/ /g, '\u00a0');
}
