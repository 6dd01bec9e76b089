/**
 * The setup and invitation pages read their code from the link's #fragment, which the browser
 * never sends to the server. Only something shaped like a code counts: a fragment such as
 * #password (a link of the error summary, followed without JavaScript) is not one.
 */
export function codeFromFragment(hash: string): string {
	const raw = hash.replace(/^#/, '');
	return /^[A-Za-z0-9_-]{43}$/.test(raw) ? raw : '';
}
