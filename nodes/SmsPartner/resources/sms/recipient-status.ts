import type { IDataObject, JsonObject } from 'n8n-workflow';

import { apiDateToIso, toBoolean } from '../../shared/convert';
import type { XmlShape } from '../../shared/xml';

/** The list key of the status answers; the French spelling is the API's. */
export const STATUS_LIST = 'StatutResponse_List';

/** One recipient's status in the XML of /bulk-status and /bulk-status-by-tag, by position. */
export const RECIPIENT_STATUS_LIST: XmlShape = {
	list: {
		record: [
			['phoneNumber', 'string'],
			['status', 'string'],
			['stopSMS', 'boolean'],
			['date', 'string'],
		],
	},
};

/**
 * One recipient's status as an output item, the same for every status operation: `stopSMS`
 * becomes the boolean `stopSms`, the date ISO-8601 UTC; fields the API may add are kept.
 */
export function toRecipientStatus(row: JsonObject): IDataObject {
	const { phoneNumber, status, stopSMS, stopSms, date, ...rest } = row;
	return {
		phoneNumber: phoneNumber ?? null,
		status: status ?? null,
		stopSms: toBoolean(stopSMS ?? stopSms),
		date: apiDateToIso(date),
		...rest,
	};
}
