// Runs once before the suite: tells which database the integration tests use, so a log says what was tested.
export default function setup(): void {
  const url = process.env.DATABASE_URL;
  process.stdout.write(
    url ? `Integration tests: PostgreSQL ${new URL(url).host}, one schema per test file\n` : 'Integration tests: embedded PGlite, in memory per test file\n',
  );
}
