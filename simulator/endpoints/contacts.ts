import type { Endpoint } from './endpoint';

export const CONTACT_ENDPOINTS: Record<string, Endpoint> = {};
