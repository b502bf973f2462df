import path from 'node:path';

// n8n-core saves instance settings in the user folder; keep them inside the project.
process.env.N8N_USER_FOLDER ??= path.resolve(__dirname, '..', '.local', 'engine');
// The engine's own log lines would drown the output of the demo and the tests; a caller that
// wants them (the log leak test) sets N8N_LOG_LEVEL before loading the runner.
process.env.N8N_LOG_LEVEL ??= 'silent';
