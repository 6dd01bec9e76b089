import { json } from '@sveltejs/kit';

/**
 * The one error shape every API answers with: `{ error: { code, message } }`, plus `field` where
 * one input field is at fault (an event detail), so a client can point a person at it. Never
 * stored by a cache: a refusal is about this request, and a retry must reach the server.
 */
export interface ApiErrorBody {
	error: { code: string; message: string; field?: string };
}

export function apiError(status: number, code: string, message: string, field?: string): Response {
	const body: ApiErrorBody = { error: field ? { code, message, field } : { code, message } };
	return json(body, { status, headers: { 'cache-control': 'no-store' } });
}
