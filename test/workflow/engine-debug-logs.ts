// Loaded before the runner so that n8n's logger starts at its most talkative level.
process.env.N8N_LOG_LEVEL = 'debug';
process.env.N8N_LOG_OUTPUT = 'console';
