import type { Endpoint } from './endpoint';

export const NUMBER_ENDPOINTS: Record<string, Endpoint> = {};
