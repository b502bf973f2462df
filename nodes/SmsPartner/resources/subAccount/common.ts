import type { INodeProperties } from 'n8n-workflow';

import { InvalidParameterError, isBlank, numberOf, shown, textOf } from '../../shared/validation';

const TOKEN_HINT =
	'Use the token of the sub-account, given by Create and by Get Many, e.g. {{ $json.token }}.';

/** Sub-accounts are named by their token, never by e-mail or id. */
export function checkSubAccountToken(value: unknown): string {
	if (isBlank(value)) {
		throw new InvalidParameterError('Sub-Account Token', 'Sub-Account Token is empty', TOKEN_HINT);
	}
	const token = textOf(value);
	if (token === undefined || /\s/.test(token)) {
		const problem = token === undefined ? 'is not text' : 'contains a space';
		throw new InvalidParameterError(
			'Sub-Account Token',
			`Sub-Account Token ${shown(value)} ${problem}`,
			TOKEN_HINT,
		);
	}
	return token;
}

/** An amount of euros to move: at least 0.001, in thousandths as SMS Partner counts. */
export function checkEuros(value: unknown, parameter: string): number {
	const thousandths = (numberOf(value) ?? NaN) * 1000;
	// Within float noise: 0.1 + 0.2 is 0.3 here.
	const whole = Math.round(thousandths);
	if (!Number.isFinite(thousandths) || whole < 1 || Math.abs(thousandths - whole) > 1e-6) {
		throw new InvalidParameterError(
			parameter,
			`${parameter} ${shown(value)} is not an amount in euros of at least 0.001 with at most 3 decimals`,
			'Give the amount in EUR, e.g. 10 or 2.5.',
		);
	}
	return whole / 1000;
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
