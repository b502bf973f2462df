export {
	DEFAULT_API_KEY,
	type RecordedRequest,
	type RequestOutcome,
	type SimulatorAccount,
	type SimulatorOptions,
} from './options';
export { startSimulator, type Simulator } from './server';
export { epochToParisWallTime, formatParisDateTime, parisWallTimeToEpoch } from './paris-time';
