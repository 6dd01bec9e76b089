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
