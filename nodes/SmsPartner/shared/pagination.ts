import type {
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	JsonObject,
} from 'n8n-workflow';

import { sendRequest, withQuery } from './request';
import type { RequestData } from './run-operation';
import { checkApiResponse, SmsPartnerFailure } from './response';
import { checkBoolean, checkLimit } from './validation';

/** How many rows the user wants from "Return All" and "Limit": `Infinity` for all. */
export function readLimit(context: IExecuteSingleFunctions): number {
	const returnAll = checkBoolean(context.getNodeParameter('returnAll', false), 'Return All');
	return returnAll ? Infinity : checkLimit(context.getNodeParameter('limit', 50));
}

/** A bound on pages, so that an API that never returns an empty page cannot loop forever. */
export const MAX_PAGES = 10_000;

export interface PageRequest {
	/** The key of the list in each page. */
	listKey: string;
	/** How many rows are wanted at most; `Infinity` for all. */
	limit: number;
	/** Codes that, after the first page, mean "no more pages" rather than a failure. */
	endCodes?: readonly number[];
	/** Where the answer says which page it is; default `currentPage`. */
	pageKey?: string;
}

/**
 * Follows 1-based `page` numbers until a page is empty, shorter than the first one, or repeats
 * itself (an API that ignores `page` answers page 1 again), whichever comes first. The page size
 * is not documented, so none is assumed.
 */
export async function fetchPages(
	context: IExecutePaginationFunctions,
	request: RequestData,
	{ listKey, limit, endCodes = [], pageKey = 'currentPage' }: PageRequest,
): Promise<JsonObject[]> {
	const rows: JsonObject[] = [];
	let firstPageSize = 0;
	for (let page = 1; page <= MAX_PAGES; page++) {
		const answer = await sendRequest(context, withQuery(request, { page }));
		if (page > 1 && answer.body.success === false && endCodes.includes(Number(answer.body.code))) {
			return rows;
		}
		const body = checkApiResponse(answer.body, answer.httpStatus);
		const list = body[listKey] ?? [];
		if (!Array.isArray(list)) {
			throw new SmsPartnerFailure('unreadable', 200, {
				bodyExcerpt: `"${listKey}" is not a list on page ${page}`,
			});
		}
		const reportedPage = Number(body[pageKey]);
		if (page > 1 && Number.isFinite(reportedPage) && reportedPage !== page) return rows;
		rows.push(...(list as JsonObject[]));
		if (rows.length >= limit || list.length === 0) return rows;
		if (page === 1) firstPageSize = list.length;
		else if (list.length < firstPageSize) return rows;
	}
	throw new SmsPartnerFailure('unreadable', 200, {
		bodyExcerpt: `still more pages after ${MAX_PAGES} pages; stopped`,
	});
}
