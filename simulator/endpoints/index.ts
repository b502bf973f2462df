import { ACCOUNT_ENDPOINTS } from './account';
import { CONTACT_ENDPOINTS } from './contacts';
import type { Endpoint } from './endpoint';
import { NUMBER_ENDPOINTS } from './numbers';
import { SMS_ENDPOINTS } from './sms';
import { SMS_STATUS_ENDPOINTS } from './sms-status';
import { STATISTICS_ENDPOINTS } from './statistics';
import { STOP_LIST_ENDPOINTS } from './stop-list';
import { SUB_ACCOUNT_ENDPOINTS } from './sub-accounts';

export type { Endpoint, EndpointAnswer, EndpointContext } from './endpoint';

/** Every path the simulator serves under /v1, one file per resource of the API. */
export const ENDPOINTS: Record<string, Endpoint> = {
	...ACCOUNT_ENDPOINTS,
	...SMS_ENDPOINTS,
	...SMS_STATUS_ENDPOINTS,
	...STATISTICS_ENDPOINTS,
	...STOP_LIST_ENDPOINTS,
	...CONTACT_ENDPOINTS,
	...NUMBER_ENDPOINTS,
	...SUB_ACCOUNT_ENDPOINTS,
};
