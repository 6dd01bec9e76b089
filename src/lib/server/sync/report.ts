/**
 * POST /api/events/{eventId}/report: a report by QR, relayed by whatever phone scanned it. Thin
 * like the sync: read, decode, verify the signature, check the sync's own rules, apply through
 * the sync's own applySnapshot (authenticated by the signature instead of the bearer key), answer.
 * Every failure answers `{ error: { code, message } }` and stores nothing.
 */
import { apiError } from '$lib/server/http/errors';
import { logRefusedProof } from '$lib/server/http/log';
import { EVENT_ID_RULE, isId } from '$lib/shared/ids';
import { toBase64Url } from '$lib/shared/p256';
import { decodeReport, verifyReport } from '$lib/shared/report';
import type { SyncAnswer } from '$lib/shared/sync-wire';
import { checkAndApply, limitRefusal, type SyncDeps } from './handler';
import { readJsonBody } from './read-body';

/** A report fits a few QR codes: a few KB at most. */
export const MAX_REPORT_BODY_BYTES = 16 * 1024;

/** The 200 answer: the sync's answer, and what this report itself brought. */
export interface ReportAnswer extends SyncAnswer {
	eventId: string;
	deviceId: string;
	/** How many counters the report carried. */
	counters: number;
}

export async function handleReport(
	request: Request,
	eventId: string,
	deps: SyncDeps,
	clientAddress?: string
): Promise<Response> {
	if (!isId(eventId)) {
		const response = apiError(400, 'bad_event_id', EVENT_ID_RULE);
		if (request.body) response.headers.set('connection', 'close');
		return response;
	}
	const body = await readJsonBody(request, MAX_REPORT_BODY_BYTES);
	if (!body.ok) {
		const response = apiError(body.status, body.code, body.message);
		if (!body.drained) response.headers.set('connection', 'close');
		return response;
	}
	const text = (body.value as { report?: unknown } | null)?.report;
	if (typeof text !== 'string') {
		return apiError(400, 'bad_request', 'Send { "report": "…" }, the text after /r# in the code');
	}
	const decoded = decodeReport(text);
	if (!decoded.ok) return apiError(400, 'bad_report', decoded.message);
	const report = decoded.value;
	if (report.eventId !== eventId) {
		return apiError(400, 'bad_report', 'The report is for another event than the URL names');
	}
	// Before the rules: any change to a signed report is tampering, whatever field it touched.
	if (!(await verifyReport(report))) {
		logRefusedProof('report', eventId, 'bad_signature');
		return apiError(
			400,
			'bad_signature',
			'The report was changed after it was made: its signature does not match'
		);
	}
	const applied = await checkAndApply(
		report.snapshot,
		eventId,
		{ by: 'signature', publicKey: toBase64Url(report.publicKey), keyHash: report.keyHash },
		deps,
		'report',
		clientAddress
	);
	if (!applied.ok) return applied.response;
	const { result, snapshot } = applied;
	if (!result.ok) {
		const limited = limitRefusal(result);
		if (limited) return limited;
		if (result.reason === 'wrong_key') logRefusedProof('report', eventId, 'wrong_key');
		return result.reason === 'unknown_key'
			? apiError(
					409,
					'unknown_key',
					'The server has no signing key for this event yet: sync once from the host’s device while online'
				)
			: result.reason === 'wrong_key'
				? apiError(403, 'wrong_key', 'This event is registered with another signing key')
				: apiError(400, 'bad_report', 'The report’s public key is not a P-256 point');
	}
	const answer: ReportAnswer = {
		...result.answer,
		eventId,
		deviceId: snapshot.deviceId,
		counters: snapshot.counters.length
	};
	return new Response(JSON.stringify(answer), {
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}
