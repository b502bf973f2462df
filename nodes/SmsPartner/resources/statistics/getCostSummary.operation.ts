import type { IDataObject, INodeProperties, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import type { ApiErrorTexts } from '../../shared/api-errors';
import { unixSecondsToIso, toNumberOrNull } from '../../shared/convert';
import { requestApi, withQuery } from '../../shared/request';
import { listIn, parseApiAnswer, type ResponseShape } from '../../shared/response';
import { runForEachItem, type OperationRun } from '../../shared/run-operation';
import { checkChoice, InvalidParameterError, shown } from '../../shared/validation';
import { RETRY_ANY_TEMPORARY_FAILURE } from '../../shared/retry';

const show = { resource: ['statistics'], operation: ['getCostSummary'] };

const MONTH_LIST = 'datas';

/** Positions of the values in the XML answer, which has no keys (the answer has no `code`). */
export const COST_SUMMARY_RESPONSE: ResponseShape = [
	['success', 'boolean'],
	[
		MONTH_LIST,
		{
			list: {
				record: [
					['month', 'string'],
					['year', 'string'],
					['m', 'string'],
					['date', 'number'],
					['type', 'string'],
					['cost', 'string'],
					['nb_send', 'string'],
				],
			},
		},
	],
];

export const COST_SUMMARY_ERRORS: ApiErrorTexts = {
	429: 'SMS Partner allows 5 cost summaries per minute and this request went over the limit. Wait a minute before asking again; in a loop, add a Wait node of at least 12 seconds between requests.',
};

/** The node's choices and the API's `interval` values. */
const INTERVALS: Record<string, string> = {
	lastMonth: 'last_month',
	lastTwelveMonths: 'last_twelve_months',
	custom: 'custom',
};

interface CalendarDate {
	/** 'YYYY-MM-DD', which sorts like the dates. */
	sortable: string;
	/** 'DD-MM-YYYY', the form of the API (`21-10-2022`). */
	api: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const API_DATE = /^(\d{2})-(\d{2})-(\d{4})$/;

/**
 * The calendar day of a date field as the user wrote it: the date part of an ISO date or time
 * (the editor's date picker, `{{ $now }}`), or the API's own DD-MM-YYYY. The time and any offset
 * are ignored, since the API takes whole days.
 */
export function toCalendarDate(value: unknown, parameter: string): CalendarDate {
	// An expression may give a Luxon DateTime, whose text is an ISO date and time with its offset,
	// or a Date, read by its UTC day.
	const text =
		value instanceof Date
			? Number.isNaN(value.getTime())
				? 'Invalid Date'
				: value.toISOString()
			: value === undefined || value === null
				? ''
				: String(value).trim();
	const hint = `Give ${parameter} as a date, e.g. 2026-01-31 (or pick it in the calendar).`;
	if (text === '') {
		throw new InvalidParameterError(parameter, `${parameter} is empty`, hint);
	}
	const iso = ISO_DATE.exec(text);
	const api = API_DATE.exec(text);
	const [year, month, day] = iso
		? [iso[1], iso[2], iso[3]]
		: api
			? [api[3], api[2], api[1]]
			: ['', '', ''];
	const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	const valid =
		year !== '' &&
		check.getUTCFullYear() === Number(year) &&
		check.getUTCMonth() === Number(month) - 1 &&
		check.getUTCDate() === Number(day);
	if (!valid) {
		throw new InvalidParameterError(parameter, `${parameter} ${shown(value)} is not a date`, hint);
	}
	return { sortable: `${year}-${month}-${day}`, api: `${day}-${month}-${year}` };
}

/** One month of the summary as an output item; fields the API may add are kept as they are. */
export function toCostMonth(row: JsonObject): IDataObject {
	const { month, year, m, date, type, cost, nb_send: nbSend, ...rest } = row;
	return {
		month: month ?? null,
		year: toNumberOrNull(year),
		monthNumber: toNumberOrNull(m),
		date: unixSecondsToIso(date),
		type: type ?? null,
		cost: toNumberOrNull(cost),
		smsSent: toNumberOrNull(nbSend),
		...rest,
	};
}

const getCostSummary: OperationRun = async function (request) {
	const interval = checkChoice(
		this.getNodeParameter('interval'),
		'Interval',
		INTERVALS,
		'Choose Last Month, Last 12 Months or Custom (then fill in From and To); in an expression, give "lastMonth", "lastTwelveMonths" or "custom".',
	);
	const query: IDataObject = { interval };
	if (interval === 'custom') {
		const from = toCalendarDate(this.getNodeParameter('from'), 'From');
		const to = toCalendarDate(this.getNodeParameter('to'), 'To');
		if (from.sortable > to.sortable) {
			throw new InvalidParameterError(
				'From',
				`From (${from.sortable}) is after To (${to.sortable})`,
				'Set From to the first day of the period and To to the last one.',
			);
		}
		query.from = from.api;
		query.to = to.api;
	}
	const body = await requestApi(this, withQuery(request, query));
	const months = listIn(body, MONTH_LIST);
	return months.map(toCostMonth);
};

export const getCostSummaryOperation: INodePropertyOptions = {
	name: 'Get Cost Summary',
	value: 'getCostSummary',
	action: 'Get the monthly cost summary',
	description: 'Get the number of SMS sent and their cost, month by month, over a period',
	routing: {
		request: { method: 'GET', url: '/statistics/cost-resume' },
		send: { paginate: true },
		operations: {
			pagination: runForEachItem(getCostSummary, COST_SUMMARY_ERRORS, RETRY_ANY_TEMPORARY_FAILURE),
		},
		output: { postReceive: [parseApiAnswer(COST_SUMMARY_RESPONSE)] },
	},
};

export const getCostSummaryFields: INodeProperties[] = [
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'options',
		options: [
			{
				name: 'Last Month',
				value: 'lastMonth',
				description: 'The previous calendar month',
			},
			{
				name: 'Last 12 Months',
				value: 'lastTwelveMonths',
				description: 'The twelve most recent months, one item per month',
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'From one day to another, both included (fill in From and To)',
			},
		],
		default: 'lastMonth',
		description:
			'The period to summarise. SMS Partner answers one item per month of the period, and at most 5 summaries per minute.',
		displayOptions: { show },
	},
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'The first day of the period, included, e.g. 2026-01-01. Only the date counts; the time is ignored. Must not be after To.',
		displayOptions: { show: { ...show, interval: ['custom'] } },
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'The last day of the period, included, e.g. 2026-03-31. Only the date counts; the time is ignored.',
		displayOptions: { show: { ...show, interval: ['custom'] } },
	},
];
