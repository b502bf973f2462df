import type { Endpoint } from './endpoint';

export const SUB_ACCOUNT_ENDPOINTS: Record<string, Endpoint> = {};
