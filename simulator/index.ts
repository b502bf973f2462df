export {
	DEFAULT_API_KEY,
	type RecordedRequest,
	type RequestOutcome,
	type SimulatorAccount,
	type SimulatorOptions,
} from './options';
export { FAULT_KINDS, type FaultKind, type FaultRule } from './faults';
export type {
	CallbackEncoding,
	CallbackKind,
	CallbackRecord,
	DlrStatusStyle,
	SimulatedReply,
	WaitForCallbacksOptions,
} from './callbacks';
export { startSimulator, type Simulator } from './server';
export { epochToParisWallTime, formatParisDateTime, parisWallTimeToEpoch } from './paris-time';
