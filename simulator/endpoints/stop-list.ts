import type { Endpoint } from './endpoint';

export const STOP_LIST_ENDPOINTS: Record<string, Endpoint> = {};
