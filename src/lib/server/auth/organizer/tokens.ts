/** Random secrets handed to a browser (session cookies, one-time links); only hashes are kept. */
import { createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');

export const hashToken = (token: string): string =>
	createHash('sha256').update(token, 'utf8').digest('base64url');

/** What a token from a cookie or form can look like; anything else is not worth a query. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
