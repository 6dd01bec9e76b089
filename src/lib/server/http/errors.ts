import { json } from '@sveltejs/kit';

/** The one error shape every API answers with: `{ error: { code, message } }`. */
export interface ApiErrorBody {
	error: { code: string; message: string };
}

export function apiError(status: number, code: string, message: string): Response {
	const body: ApiErrorBody = { error: { code, message } };
	return json(body, { status });
}
