import type { Locale, Province } from './domain';

/** Names of the provinces and territories in both official languages. */
const PROVINCE_NAMES: Record<Locale, Record<Province, string>> = {
	en: {
		AB: 'Alberta',
		BC: 'British Columbia',
		MB: 'Manitoba',
		NB: 'New Brunswick',
		NL: 'Newfoundland and Labrador',
		NS: 'Nova Scotia',
		NT: 'Northwest Territories',
		NU: 'Nunavut',
		ON: 'Ontario',
		PE: 'Prince Edward Island',
		QC: 'Quebec',
		SK: 'Saskatchewan',
		YT: 'Yukon'
	},
	fr: {
		AB: 'Alberta',
		BC: 'Colombie-Britannique',
		MB: 'Manitoba',
		NB: 'Nouveau-Brunswick',
		NL: 'Terre-Neuve-et-Labrador',
		NS: 'Nouvelle-Écosse',
		NT: 'Territoires du Nord-Ouest',
		NU: 'Nunavut',
		ON: 'Ontario',
		PE: 'Île-du-Prince-Édouard',
		QC: 'Québec',
		SK: 'Saskatchewan',
		YT: 'Yukon'
	}
};

export const provinceName = (code: Province, locale: Locale) => PROVINCE_NAMES[locale][code];

/**
 * The time zone where most of each province's or territory's people live, for "the event's day"
 * on the server (follow-up lists). Provinces that span zones take their largest: Ontario is
 * Toronto's, Nunavut Iqaluit's, British Columbia Vancouver's, Quebec Montreal's (Toronto's rules).
 */
export const PROVINCE_TIME_ZONES: Readonly<Record<Province, string>> = {
	AB: 'America/Edmonton',
	BC: 'America/Vancouver',
	MB: 'America/Winnipeg',
	NB: 'America/Moncton',
	NL: 'America/St_Johns',
	NS: 'America/Halifax',
	NT: 'America/Yellowknife',
	NU: 'America/Iqaluit',
	ON: 'America/Toronto',
	PE: 'America/Halifax',
	QC: 'America/Toronto',
	SK: 'America/Regina',
	YT: 'America/Whitehorse'
};
