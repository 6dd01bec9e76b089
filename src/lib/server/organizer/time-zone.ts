/**
 * The time zone the organizer pages show times in (ORGANIZER_TIME_ZONE, an IANA name; default
 * America/Toronto, where the national office is). Fixed on the server rather than taken from
 * each browser, so a page rendered on the server and updated in the browser shows the same
 * clock, and the zone is printed beside every time.
 */
export const DEFAULT_ORGANIZER_TIME_ZONE = 'America/Toronto';

let warned = false;

export function organizerTimeZone(env: NodeJS.ProcessEnv = process.env): string {
	const zone = env.ORGANIZER_TIME_ZONE?.trim();
	if (!zone) return DEFAULT_ORGANIZER_TIME_ZONE;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return zone;
	} catch {
		if (!warned) {
			warned = true;
			console.warn(
				`ORGANIZER_TIME_ZONE "${zone}" is not a time zone; using ${DEFAULT_ORGANIZER_TIME_ZONE}`
			);
		}
		return DEFAULT_ORGANIZER_TIME_ZONE;
	}
}
