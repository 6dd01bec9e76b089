/**
 * How the first organizer gets in, run once at server start: ORGANIZER_EMAIL and
 * ORGANIZER_PASSWORD create that account or reset its password; without them, a server with no
 * organizer prints a one-time setup link.
 */
import type { AppDb } from '$lib/server/db/open';
import { isEmail, normalizeEmail } from '$lib/shared/email';
import { countActiveOrganizers, setOrganizerPassword } from './accounts';
import { createOneTimeToken } from './one-time';
import { PASSWORD_MIN, passwordProblem } from './password';

export interface BootstrapEnv {
	ORGANIZER_EMAIL?: string;
	ORGANIZER_PASSWORD?: string;
	ORIGIN?: string;
	PORT?: string;
}

/** The origin for links printed on the console (requests are not there to ask). */
export function consoleOrigin(env: BootstrapEnv): string {
	return env.ORIGIN?.replace(/\/+$/, '') || `http://localhost:${env.PORT || '3000'}`;
}

export async function bootstrapOrganizers(
	db: AppDb,
	env: BootstrapEnv,
	log: (line: string) => void = console.log
): Promise<void> {
	const email = env.ORGANIZER_EMAIL?.trim();
	const password = env.ORGANIZER_PASSWORD;
	if (email || password) {
		if (!email || !password) {
			log('ORGANIZER_EMAIL and ORGANIZER_PASSWORD go together; no organizer account was changed.');
		} else if (!isEmail(normalizeEmail(email))) {
			log(`ORGANIZER_EMAIL is not an email address; no organizer account was changed.`);
		} else if (passwordProblem(password)) {
			log(
				`ORGANIZER_PASSWORD must be ${PASSWORD_MIN} to 200 characters; no organizer account was changed.`
			);
		} else {
			await setOrganizerPassword(db, email, password);
			// The address, never the password.
			log(`Organizer account ready: ${normalizeEmail(email)}`);
			return;
		}
	}
	if ((await countActiveOrganizers(db)) > 0) return;
	const token = await createOneTimeToken(db, 'setup');
	log(
		[
			'No organizer account yet. Within 24 hours, open this one-time link to create the first one:',
			`  ${consoleOrigin(env)}/organizer/setup#${token}`,
			'(or set ORGANIZER_EMAIL and ORGANIZER_PASSWORD and restart).'
		].join('\n')
	);
}
