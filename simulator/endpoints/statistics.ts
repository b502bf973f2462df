import type { Endpoint } from './endpoint';

export const STATISTICS_ENDPOINTS: Record<string, Endpoint> = {};
