import type { JsonObject } from './xml';

export type ErrorStatusMode = 'mirror' | 'always-200';
export type ValidationErrorKey = 'error' | 'errors';

interface ErrorEntry {
	/** HTTP status in 'mirror' mode. */
	status: number;
	/** French text, as the API answers by default; absent for 9, which lists violations instead. */
	message?: string;
	/**
	 * The status belongs to HTTP, not to the API's choice: the rate limit is documented as HTTP
	 * 429, and a wrong method is refused before any API logic. It never becomes 200.
	 */
	httpLevel?: true;
}

/**
 * Every error code the simulator answers. The documentation gives no HTTP statuses, so the
 * 'mirror' column is an inference [INF]: 401 for the key, 402 for credit, 404 for "not found",
 * 429 and 500 as themselves, 400 for everything else.
 */
const ERRORS = {
	1: { status: 401, message: 'La Clé API est requise' },
	2: { status: 400, message: 'Le numéro de téléphone est requis' },
	3: { status: 400, message: "L'ID du message est requis" },
	4: { status: 404, message: 'Message introuvable' },
	5: { status: 400, message: "L'envoi du SMS a déjà été annulé" },
	6: {
		status: 400,
		message: "Vous ne pouvez pas annuler l'envoi d'un SMS moins de 5 minutes avant son envoi",
	},
	7: { status: 400, message: 'Vous ne pouvez pas annuler un SMS déjà envoyé' },
	9: { status: 400 },
	10: { status: 401, message: 'Clé API incorrecte' },
	11: { status: 402, message: 'Manque de crédits' },
	14: { status: 400, message: 'Le numéro est dans la liste STOP SMS' },
	42: { status: 400, message: 'Les SMS Low Cost sont limités à 160 caractères' },
	43: { status: 400, message: 'Le message est requis' },
	44: { status: 400, message: "L'émetteur n'est pas valide" },
	46: { status: 400, message: "L'heure est requise" },
	47: { status: 400, message: 'La minute est requise' },
	48: {
		status: 400,
		message: 'Les minutes doivent être comprises entre 0 et 55 par intervalle de 5 minutes',
	},
	49: { status: 400, message: "La date n'est pas valide" },
	50: { status: 400, message: 'Maximum 500 numéros par requête' },
	52: { status: 400, message: 'Maximum 10 SMS concaténés' },
	90: { status: 400, message: 'JSON malformé (erreur de syntaxe)' },
	404: { status: 404, message: 'Ressource introuvable' },
	405: { status: 405, message: 'Méthode non autorisée', httpLevel: true },
	429: { status: 429, message: 'Trop de requêtes en une minute', httpLevel: true },
	500: { status: 500, message: 'Erreur interne du serveur' },
	15: { status: 400, message: 'Le numéro est déjà dans le groupe' },
	8: { status: 400, message: 'Crédits insuffisants' },
	55: { status: 400, message: 'Aucun numéro vers lequel envoyer' },
} satisfies Record<number, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;
export type MessageErrorCode = Exclude<ErrorCode, 9>;

export type Violation = {
	/** The Symfony form path of the field, e.g. 'children[sender].data'. */
	elementId: string;
	message: string;
};

export class ApiError extends Error {
	constructor(
		readonly code: MessageErrorCode,
		message: string = ERRORS[code].message,
		/** An unknown path: the web server answers 404 before the API, in every mode. */
		readonly unknownPath = false,
	) {
		super(message);
	}
}

export class ValidationError extends Error {
	readonly code = 9;

	constructor(readonly violations: Violation[]) {
		super("Au moins une contrainte n'a pas été respectée");
	}
}

export function violation(field: string, message: string): Violation {
	return { elementId: `children[${field}].data`, message };
}

export function httpStatusFor(error: ApiError | ValidationError, mode: ErrorStatusMode): number {
	const entry: ErrorEntry = ERRORS[error.code];
	const keepsStatus = entry.httpLevel || (error instanceof ApiError && error.unknownPath);
	return mode === 'always-200' && !keepsStatus ? 200 : entry.status;
}

export function errorAnswer(
	error: ApiError | ValidationError,
	validationErrorKey: ValidationErrorKey,
): JsonObject {
	if (error instanceof ValidationError) {
		return {
			success: false,
			code: 9,
			[validationErrorKey]: error.violations,
		};
	}
	return { success: false, code: error.code, message: error.message };
}
