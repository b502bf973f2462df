import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runWorkflow, type WorkflowJson, type WorkflowRun } from '../../runner';
import {
	DEFAULT_API_KEY,
	startSimulator,
	type Simulator,
	type SimulatorOptions,
} from '../../simulator';
import { sendSms as seedSms } from '../../simulator/seed';

export const NODE = 'SMS Partner';
/** 08:03 UTC: the 08:05 slot is 2 minutes away (too late to cancel), 10:05 two hours away. */
export const START = new Date('2026-11-24T08:03:00Z');
export const TRIGGER = 'Trigger';

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

/** A Manual Trigger feeding one SMS Partner node, as a user builds it in the editor. */
export function singleNodeWorkflow(
	parameters: INodeParameters,
	onError: OnError = 'stopWorkflow',
): WorkflowJson {
	return {
		name: 'test',
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'sms-partner',
				name: NODE,
				type: 'n8n-nodes-smspartner.smsPartner',
				typeVersion: 1,
				position: [220, 0],
				parameters,
				onError,
				credentials: { smsPartnerApi: { id: '1', name: 'SMS Partner (simulator)' } },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
		},
	};
}

export interface NodeRun extends WorkflowRun {
	/** Items of the main output. */
	items: INodeExecutionData[];
	/** Items of the error output ("Continue (using error output)"). */
	errorItems: INodeExecutionData[];
	/** The message of the error that stopped the workflow, if any. */
	failure?: { message: string; description?: string | null };
}

/** Runs the SMS Partner node over the given input items against the simulator. */
export async function runNode(
	sim: Simulator,
	parameters: INodeParameters,
	inputItems: IDataObject[] = [{}],
	options: { onError?: OnError; apiKey?: string; staticData?: IDataObject } = {},
): Promise<NodeRun> {
	const workflowRun = await runWorkflow(singleNodeWorkflow(parameters, options.onError), {
		credentials: {
			smsPartnerApi: { apiKey: options.apiKey ?? DEFAULT_API_KEY, baseUrl: sim.baseUrl },
		},
		pinData: { [TRIGGER]: inputItems.map((json) => ({ json })) },
		staticData: options.staticData,
	});
	const error = workflowRun.run.data.resultData.error;
	return {
		...workflowRun,
		items: workflowRun.output(NODE, 0),
		errorItems: workflowRun.output(NODE, 1),
		failure: error ? { message: error.message, description: error.description } : undefined,
	};
}

/** Schedules (or, without `at`, sends now) an SMS through the simulator's /send, as an app would. */
export function sendSms(
	sim: Simulator,
	request: { phoneNumbers: string[]; tag?: string; at?: Date; message?: string },
): Promise<number> {
	return seedSms(sim.baseUrl, DEFAULT_API_KEY, {
		message: 'Rappel : rendez-vous demain à 10h.',
		...request,
	});
}

/** The 5-minute step (the API's grid) nearest to `minutes` from the simulator's clock. */
export function minutesFromNow(sim: Simulator, minutes: number): Date {
	const step = 5 * 60_000;
	return new Date(Math.round((sim.clock.now() + minutes * 60_000) / step) * step);
}

/** Only what a user sees of an item: its JSON and its link to the input. */
export function visible(items: INodeExecutionData[]) {
	return items.map(({ json, pairedItem }) => ({ json, pairedItem }));
}

export interface StubApi {
	/** Its base URL, to put in the credential: `http://127.0.0.1:<port>/v1`. */
	baseUrl: string;
	close(): Promise<void>;
}

/**
 * A stand-in for SMS Partner on 127.0.0.1 that answers as `handle` says: for answers the
 * simulator never gives (codes the node's checks make unreachable, broken bodies, hangs).
 */
export async function startStubApi(handle: http.RequestListener): Promise<StubApi> {
	const server = http.createServer(handle);
	const sockets = new Set<Socket>();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
		// Hanging requests would keep the server open: their sockets are closed first.
		close: () => {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/**
 * One simulator for a test file: started before its tests, reset before each one (clock, state,
 * request log, faults, and the error-status mode back to `mirror`), closed after them all. The
 * object returned stands for it from the first test on.
 */
export function useSimulator(options: SimulatorOptions = {}): Simulator {
	let started: Simulator | undefined;
	beforeAll(async () => {
		started = await startSimulator(options);
	});
	afterAll(async () => {
		await started?.close();
	});
	beforeEach(() => {
		started?.reset();
		started?.configure({ errorStatus: options.errorStatus ?? 'mirror' });
	});
	return new Proxy({} as Simulator, {
		get(_target, key) {
			if (!started) throw new Error('The simulator starts before the first test');
			const value: unknown = Reflect.get(started, key, started);
			return typeof value === 'function' ? value.bind(started) : value;
		},
	});
}
