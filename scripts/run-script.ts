/** Runs `main` as the script's body: its result is the exit code, an error is printed. */
export function runScript(main: () => Promise<number>): void {
	main().then(
		(code) => (process.exitCode = code),
		(error: Error) => {
			console.error(error.message);
			process.exitCode = 1;
		},
	);
}
