/**
 * Why a target is missed, by `<scenario>.<target kind>`, as found by profiling the node's runs
 * (`npm run bench -- --profile`, then the main-thread profile in bench/profiles/). Written by
 * hand: a cause is a finding, not something a run can print by itself. Shown only when the
 * target is missed in that run.
 */
export const WHY_MISSED: Readonly<Record<string, string>> = {
	'1.versusHttpRequest':
		"n8n's engine, not the node's own code. For each item of a declarative node, n8n-core's RoutingNode walks every property of the node's description twice (runNode, then resolveBaseUrl: about 75 properties for nine resources), evaluating the base URL expression and the item's Message ID expression in both passes; the profile puts about half of the run's CPU there (getParameterValue, expression set-up with its time-zone work) and under 5 % in the node's checks, requests, retries and shaping. The HTTP Request node is programmatic and evaluates its few parameters once per item. Sharing one Options collection and one Message ID field across operations (n8n evaluates duplicates too) took this scenario from 6.0 s to 3.5-4 s; the rest is inherent to declarative nodes in n8n 2.41. SMS Partner has no batch cancel that would avoid one request per SMS.",
	'1.versusRaw':
		"The same per-item engine work as above, plus what n8n's HTTP client does per request: a new agent and TCP connection for every request (n8n builds one per request, so keep-alive cannot be turned on from a node) and axios with follow-redirects, where the raw client reuses 10 kept-alive sockets.",
	'2.versusRaw':
		'About 0.35 s over the raw client in absolute terms: the Aggregate node gathering 10,000 items into one, the engine copying that item, and the node shaping 10,000 statuses into output items (ISO dates, booleans) that the raw client never builds; each of the 20 requests also opens its own connection.',
	'3.versusRaw':
		'The raw client only parses each page. The node also turns each of the 100,000 statuses into an output item (ISO-8601 date from Unix seconds, boolean stopSms, pairedItem) and sends each of its 1,001 page requests through the engine on a new connection. It is faster than the HTTP Request node with Split Out on the same pages.',
	'4.versusRaw':
		"About 0.25 s in absolute terms for 10,000 numbers. The profile puts the node's share at about 0.1 s: checking, normalising and de-duplicating the 10,000 numbers (parsePhoneNumbers, about 35 ms) and the engine's pass over the one item (about 50 ms); the rest is 20 requests on new connections, each waiting for the simulator to take 500 numbers. The raw client sends 20 prepared bodies on kept-alive sockets.",
	'3.memory':
		"RSS growth counts everything the run allocates, garbage not yet collected included: the 1,001 page bodies as text and their parsed objects, then the 100,000 output items as V8 objects (n8n's { json, pairedItem } wrapper around each shaped status, with its date string), which weigh about three times their JSON text. The node keeps no second copy: raw answers are held only when Raw Response is on (they were held for every page before), and the HTTP Request node grows by about as much for the same items.",
};
