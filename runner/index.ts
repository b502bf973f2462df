export { runWorkflow, type RunOptions, type WorkflowJson, type WorkflowRun } from './run-workflow';
