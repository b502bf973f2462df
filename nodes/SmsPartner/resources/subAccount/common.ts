import type { INodeProperties } from 'n8n-workflow';

import { InvalidParameterError } from '../../shared/validation';

const TOKEN_HINT =
	'Use the token of the sub-account, given by Create and by Get Many, e.g. {{ $json.token }}.';

/** Sub-accounts are named by their token, never by e-mail or id. */
export function checkSubAccountToken(value: unknown): string {
	const token =
		typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
	if (token === '') {
		throw new InvalidParameterError('Sub-Account Token', 'Sub-Account Token is empty', TOKEN_HINT);
	}
	if (/\s/.test(token)) {
		throw new InvalidParameterError(
			'Sub-Account Token',
			`Sub-Account Token "${token}" contains a space`,
			TOKEN_HINT,
		);
	}
	return token;
}

/** An amount of euros to move: a number above 0. */
export function checkEuros(value: unknown, parameter: string): number {
	const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
		throw new InvalidParameterError(
			parameter,
			`${parameter} must be an amount in euros above 0`,
			'Give the amount in EUR, e.g. 10 or 2.5.',
		);
	}
	return amount;
}

export function subAccountTokenField(operation: string, description: string): INodeProperties {
	// Named without "token": it identifies a sub-account and is no secret, so it stays readable.
	return {
		displayName: 'Sub-Account Token',
		name: 'subAccount',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5f2b9c0e7d1a4c3b8e6f0a9d2c4b1e7f',
		description,
		displayOptions: { show: { resource: ['subAccount'], operation: [operation] } },
	};
}
