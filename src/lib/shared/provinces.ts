import type { Locale, Province } from './domain';

const PROVINCE_NAMES: Record<Province, { en: string; fr: string }> = {
	AB: { en: 'Alberta', fr: 'Alberta' },
	BC: { en: 'British Columbia', fr: 'Colombie-Britannique' },
	MB: { en: 'Manitoba', fr: 'Manitoba' },
	NB: { en: 'New Brunswick', fr: 'Nouveau-Brunswick' },
	NL: { en: 'Newfoundland and Labrador', fr: 'Terre-Neuve-et-Labrador' },
	NS: { en: 'Nova Scotia', fr: 'Nouvelle-Écosse' },
	NT: { en: 'Northwest Territories', fr: 'Territoires du Nord-Ouest' },
	NU: { en: 'Nunavut', fr: 'Nunavut' },
	ON: { en: 'Ontario', fr: 'Ontario' },
	PE: { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
	QC: { en: 'Quebec', fr: 'Québec' },
	SK: { en: 'Saskatchewan', fr: 'Saskatchewan' },
	YT: { en: 'Yukon', fr: 'Yukon' }
};

export const provinceName = (code: Province, locale: Locale) => PROVINCE_NAMES[code][locale];
