import path from 'node:path';

// n8n-core saves instance settings in the user folder; keep them inside the project.
process.env.N8N_USER_FOLDER ??= path.resolve(__dirname, '..', '.local', 'engine');
